/**
 * The local MongoDB-compatible engine: PostgreSQL + DocumentDB in a Debian sid chroot,
 * fronted by a wire-protocol gateway, one independent instance per name.
 *
 * @remarks
 * {@link startLocalEngine} provisions on first use (minutes), then starts or reuses the
 * instance (seconds) and returns a `mongodb://` URI the official driver can use, with
 * transactions. {@link stopLocalEngine} stops what a start left running, by pid.
 * Both are safe to call twice and serialised per instance by a lock file.
 *
 * Development and tests only. Everything listens on 127.0.0.1; PostgreSQL asks every
 * connection for the instance's password (./auth.ts), and an instance created before that is
 * secured when it is next started. The gateway itself asks no credentials (see the README).
 */
import { mkdir } from 'node:fs/promises';
import { CodedError, ErrorCode } from '../../services/errors';
import { isClusterSecured, secureCluster } from './auth';
import { GATEWAY_MARKER, spawnGateway } from './gateway-process';
import { pings, waitForPing } from './health';
import { withLock } from './lock';
import { enginePaths, instancePaths, onHost, type EnginePaths, type InstancePaths } from './paths';
import { freePort, isPortFree } from './ports';
import { isAlive, isOurProcess, terminate } from './processes';
import {
  ensureCluster,
  ensureDocumentDbExtension,
  runningPostgresPid,
  startPostgres,
  stopPostgres,
} from './postgres';
import { assertRoot, ensureProvisioned } from './provision';
import { readState, writeState, type InstanceState } from './state';

/** Options of {@link startLocalEngine} and {@link stopLocalEngine}. */
export interface LocalEngineOptions {
  /** Name of the instance (its own data, ports and processes); defaults to `default`. */
  instance?: string;
  /** Progress lines (never document contents). */
  log?: (line: string) => void;
}

/** Options of {@link stopLocalEngine}. */
export interface StopLocalEngineOptions {
  instance?: string;
  /**
   * Stop even while other live processes still use the instance (as `npm run db:stop` does).
   * Otherwise the instance keeps running until the last process that started it stops it, so
   * that two test runs sharing the `test` instance do not stop it under each other's feet.
   */
  force?: boolean;
}

/** What {@link startLocalEngine} returns. */
export interface LocalEngine {
  /** Connection string for the official driver. */
  uri: string;
  /** True when an instance already running was reused. */
  reused: boolean;
}

const LOCK_TIMEOUT_MS = 35 * 60 * 1000;
const READY_TIMEOUT_MS = 30_000;

/** The URI of a gateway listening on `port`. */
export function localEngineUri(port: number): string {
  return `mongodb://127.0.0.1:${port}/`;
}

function resolve(options: LocalEngineOptions): { engine: EnginePaths; instance: InstancePaths } {
  const engine = enginePaths();
  return { engine, instance: instancePaths(engine, options.instance ?? 'default') };
}

async function pickPort(previous: number | undefined, avoid: number[] = []): Promise<number> {
  if (previous && !avoid.includes(previous) && (await isPortFree(previous))) return previous;
  for (;;) {
    const port = await freePort();
    if (!avoid.includes(port)) return port;
  }
}

async function isHealthy(
  engine: EnginePaths,
  instance: InstancePaths,
  state: InstanceState,
): Promise<boolean> {
  const pgPid = await runningPostgresPid(engine, instance);
  if (!pgPid || !(await isOurProcess(state.gatewayPid, GATEWAY_MARKER))) return false;
  return pings(localEngineUri(state.gatewayPort), 2_000);
}

/**
 * Starts (or reuses) a local engine instance and returns its URI.
 *
 * @throws CodedError `local_engine_unavailable` when the machine cannot run it (not root,
 * not Debian, no apt) or when a step fails; the message tells to set MONGODB_URI instead.
 */
export async function startLocalEngine(options: LocalEngineOptions = {}): Promise<LocalEngine> {
  const log = options.log ?? (() => undefined);
  assertRoot();
  const { engine, instance } = resolve(options);
  await mkdir(instance.hostDir, { recursive: true });
  const lockOptions = {
    timeoutMs: LOCK_TIMEOUT_MS,
    onWait: () => log(`Waiting for another start of "${instance.name}"…`),
  };
  return withLock(instance.lockFile, lockOptions, async () => {
    const previous = await readState(instance.stateFile);
    if (previous && (await isHealthy(engine, instance, previous))) {
      if (!(await isClusterSecured(engine, instance))) {
        log(
          `warning: PostgreSQL of "${instance.name}" still accepts connections without a password; ` +
            'it is secured at its next start (db:stop it when nothing else uses it, then db:start)',
        );
      }
      await writeState(instance.stateFile, { ...previous, holders: liveHolders(previous, process.pid) });
      return { uri: localEngineUri(previous.gatewayPort), reused: true };
    }
    await ensureProvisioned(engine, log);
    await ensureCluster(engine, instance, log);

    let pgPid = await runningPostgresPid(engine, instance);
    if (!(await isClusterSecured(engine, instance))) {
      if (pgPid) await stopPostgres(engine, instance);
      pgPid = undefined;
      log(
        `Securing PostgreSQL of "${instance.name}" with a password (kept in ${passwordFile(engine, instance)})…`,
      );
      await secureCluster(engine, instance);
    }
    let pgPort = previous?.pgPort;
    if (!pgPid || !pgPort) {
      if (pgPid) await stopPostgres(engine, instance);
      pgPort = await pickPort(previous?.pgPort);
      log(`Starting PostgreSQL of "${instance.name}" on port ${pgPort}…`);
      pgPid = await startPostgres(engine, instance, pgPort);
    }
    await ensureDocumentDbExtension(engine, instance, pgPort);

    if (previous?.gatewayPid && (await isOurProcess(previous.gatewayPid, GATEWAY_MARKER))) {
      await terminate(previous.gatewayPid);
    }
    const gatewayPort = await pickPort(previous?.gatewayPort, [pgPort]);
    log(`Starting the MongoDB wire-protocol gateway of "${instance.name}" on port ${gatewayPort}…`);
    const gatewayPid = await spawnGateway({
      port: gatewayPort,
      pgPort,
      pgPasswordFile: passwordFile(engine, instance),
      logFile: instance.gatewayLog,
    });
    const state: InstanceState = {
      pgPort,
      gatewayPort,
      pgPid,
      gatewayPid,
      startedAt: new Date().toISOString(),
    };
    await writeState(instance.stateFile, state);

    const uri = localEngineUri(gatewayPort);
    if (!(await waitForPing(uri, READY_TIMEOUT_MS))) {
      throw new CodedError(
        ErrorCode.LocalEngineUnavailable,
        `the gateway of "${instance.name}" did not answer within ${READY_TIMEOUT_MS / 1000} s; see ${instance.gatewayLog}`,
      );
    }
    return { uri, reused: false };
  });
}

/** The instance's PostgreSQL password file, seen from the host. */
function passwordFile(engine: EnginePaths, instance: InstancePaths): string {
  return onHost(engine, instance.passwordFile);
}

/** The live processes holding an instance, plus `add` when given, without `remove`. */
function liveHolders(state: InstanceState, add?: number, remove?: number): number[] {
  const holders = new Set((state.holders ?? []).filter((pid) => pid !== remove && isAlive(pid)));
  if (add) holders.add(add);
  return [...holders];
}

/**
 * Stops the gateway and PostgreSQL of an instance, by pid; does nothing when not running.
 *
 * @remarks
 * Unless `force` is set, an instance still used by another live process keeps running.
 */
export async function stopLocalEngine(options: StopLocalEngineOptions = {}): Promise<void> {
  assertRoot();
  const { engine, instance } = resolve(options);
  await mkdir(instance.hostDir, { recursive: true });
  await withLock(instance.lockFile, { timeoutMs: LOCK_TIMEOUT_MS }, async () => {
    const state = await readState(instance.stateFile);
    const others = state ? liveHolders(state, undefined, process.pid) : [];
    if (state && others.length > 0 && !options.force) {
      await writeState(instance.stateFile, { ...state, holders: others });
      return;
    }
    if (state?.gatewayPid && (await isOurProcess(state.gatewayPid, GATEWAY_MARKER))) {
      await terminate(state.gatewayPid);
    }
    const pgPid = await runningPostgresPid(engine, instance);
    if (pgPid) {
      try {
        await stopPostgres(engine, instance);
      } catch {
        await terminate(pgPid, 15_000);
      }
    }
    if (state) await writeState(instance.stateFile, { pgPort: state.pgPort, gatewayPort: state.gatewayPort });
  });
}
