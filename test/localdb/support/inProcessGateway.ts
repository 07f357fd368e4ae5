/**
 * The gateway of this checkout, run inside the test process in front of the PostgreSQL of the
 * local engine instance that serves MONGODB_URI: tests exercise the gateway code as it is now
 * (not the gateway process the instance started earlier) and can cut or observe its PostgreSQL
 * connections without disturbing anyone else's.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { readPassfile } from '../../../tools/localdb/passfile';
import { enginePaths, instancePaths, onHost } from '../../../tools/localdb/paths';
import { readState } from '../../../tools/localdb/state';
import { CommandDispatcher, type DispatcherOptions } from '../../../tools/localdb/gateway/dispatcher';
import { createGatewayServer } from '../../../tools/localdb/gateway/server';
import { PostgresPool } from '../../../tools/localdb/gateway/pool';

/** Where the PostgreSQL of a local engine instance listens. */
export interface LocalPostgres {
  port: number;
  password: string | undefined;
}

/**
 * The PostgreSQL behind MONGODB_URI when it is a local engine instance; undefined for any
 * other server (a real MongoDB has no PostgreSQL to reach).
 */
export async function localPostgres(uri = process.env.MONGODB_URI): Promise<LocalPostgres | undefined> {
  if (!uri) return undefined;
  const port = Number(new URL(uri).port);
  const engine = enginePaths();
  const names = await readdir(join(engine.cacheDir, 'instances')).catch(() => [] as string[]);
  for (const name of names) {
    let instance;
    try {
      instance = instancePaths(engine, name);
    } catch {
      continue;
    }
    const state = await readState(instance.stateFile);
    if (state?.gatewayPort !== port) continue;
    return { port: state.pgPort, password: await readPassfile(onHost(engine, instance.passwordFile)) };
  }
  return undefined;
}

/** A gateway running in this process. */
export interface InProcessGateway {
  uri: string;
  pool: PostgresPool;
  dispatcher: CommandDispatcher;
  /** The application_name of its PostgreSQL connections (to find or cut them). */
  applicationName: string;
  lines: string[];
  close(): Promise<void>;
}

let counter = 0;

/** Starts a gateway of this checkout on a free port, in front of `postgres`. */
export async function startInProcessGateway(
  postgres: LocalPostgres,
  options: {
    poolSize?: number;
    acquireTimeoutMs?: number;
    dispatcher?: DispatcherOptions;
    /** Another port in front of the same PostgreSQL (a proxy a test can cut). */
    postgresPort?: number;
  } = {},
): Promise<InProcessGateway> {
  counter += 1;
  const applicationName = `voisins-test-gateway-${process.pid}-${counter}`;
  const lines: string[] = [];
  const log = (line: string): void => void lines.push(line);
  const pool = new PostgresPool({
    host: '127.0.0.1',
    port: options.postgresPort ?? postgres.port,
    user: 'postgres',
    password: postgres.password,
    max: options.poolSize ?? 5,
    acquireTimeoutMs: options.acquireTimeoutMs,
    applicationName,
    log,
  });
  const dispatcher = new CommandDispatcher(pool, options.dispatcher);
  const serverOptions = { dispatcher, address: '127.0.0.1:0', log };
  const server = createGatewayServer(serverOptions);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  serverOptions.address = `127.0.0.1:${port}`;
  const sweeper = setInterval(() => void dispatcher.sweep().catch(() => undefined), 200);
  return {
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    pool,
    dispatcher,
    applicationName,
    lines,
    async close() {
      clearInterval(sweeper);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.destroyConnections();
      });
      dispatcher.cursors.closeAll();
      await dispatcher.transactions.abortAll().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
