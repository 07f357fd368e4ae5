/**
 * One PostgreSQL cluster per instance, inside the chroot, run as user postgres, listening on
 * 127.0.0.1 and its Unix socket only, every connection authenticated by password
 * (see ./auth.ts).
 */
import { access, appendFile, readFile } from 'node:fs/promises';
import { onHost, PG_BIN, type EnginePaths, type InstancePaths } from './paths';
import { isOurProcess } from './processes';
import { CHROOT_ENV, runInChroot } from './run';

/** Settings appended to postgresql.conf by {@link ensureCluster}; the port is given at start. */
const SETTINGS = [
  "shared_preload_libraries = 'pg_cron,pg_documentdb_core,pg_documentdb'",
  "cron.database_name = 'postgres'",
  // A local engine for development and tests: durability traded for speed.
  'fsync = off',
  'synchronous_commit = off',
  'full_page_writes = off',
  'shared_buffers = 128MB',
  'max_connections = 100',
];

/** Creates the cluster (initdb, settings) unless it exists. */
export async function ensureCluster(
  engine: EnginePaths,
  instance: InstancePaths,
  log: (line: string) => void,
): Promise<boolean> {
  const versionFile = onHost(engine, `${instance.dataDir}/PG_VERSION`);
  const exists = await access(versionFile).then(
    () => true,
    () => false,
  );
  if (exists) return false;
  log(`Creating the PostgreSQL cluster of instance "${instance.name}"…`);
  await runInChroot(engine.chrootDir, ['rm', '-rf', instance.dataDir]);
  await runInChroot(engine.chrootDir, ['mkdir', '-p', instance.dataDir, instance.socketDir]);
  await runInChroot(engine.chrootDir, ['chown', '-R', 'postgres:postgres', instance.chrootBase]);
  await runInChroot(
    engine.chrootDir,
    // Refuses every connection until secureCluster writes our pg_hba.conf, before the first start.
    [`${PG_BIN}/initdb`, '-D', instance.dataDir, '-A', 'reject', '-U', 'postgres', '-E', 'UTF8'],
    { user: 'postgres' },
  );
  const settings = [...SETTINGS, `unix_socket_directories = '${instance.socketDir}'`];
  await appendFile(
    onHost(engine, `${instance.dataDir}/postgresql.conf`),
    `\n# voisins-solidaires\n${settings.join('\n')}\n`,
  );
  return true;
}

/**
 * The environment of PostgreSQL and psql: libpq finds the password in the instance's password
 * file (pg_cron and DocumentDB's index builds connect to the server too).
 */
function postgresEnv(instance: InstancePaths): NodeJS.ProcessEnv {
  return { ...CHROOT_ENV, PGPASSFILE: instance.passwordFile };
}

/** The pid of the running postmaster of the instance, if any. */
export async function runningPostgresPid(
  engine: EnginePaths,
  instance: InstancePaths,
): Promise<number | undefined> {
  const pidFile = await readFile(onHost(engine, `${instance.dataDir}/postmaster.pid`), 'utf8').catch(
    () => '',
  );
  const pid = Number(pidFile.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && (await isOurProcess(pid, 'postgres')) ? pid : undefined;
}

/**
 * Starts PostgreSQL on `port` of 127.0.0.1 (given here, so that it holds whatever the settings
 * files say) and waits until it accepts connections; returns its pid.
 */
export async function startPostgres(
  engine: EnginePaths,
  instance: InstancePaths,
  port: number,
): Promise<number> {
  await runInChroot(
    engine.chrootDir,
    [
      `${PG_BIN}/pg_ctl`,
      '-D',
      instance.dataDir,
      '-l',
      instance.postgresLog,
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1`,
      '-w',
      '-t',
      '60',
      'start',
    ],
    { user: 'postgres', detached: true, env: postgresEnv(instance) },
  );
  const pid = await runningPostgresPid(engine, instance);
  if (!pid) throw new Error('PostgreSQL reported started but has no postmaster.pid');
  return pid;
}

/** Creates the DocumentDB extension (idempotent). */
export async function ensureDocumentDbExtension(
  engine: EnginePaths,
  instance: InstancePaths,
  port: number,
): Promise<void> {
  await runInChroot(
    engine.chrootDir,
    [
      `${PG_BIN}/psql`,
      '-h',
      instance.socketDir,
      '-p',
      String(port),
      '-U',
      'postgres',
      '-d',
      'postgres',
      '-v',
      'ON_ERROR_STOP=1',
      '-qc',
      'CREATE EXTENSION IF NOT EXISTS documentdb CASCADE',
    ],
    { user: 'postgres', env: postgresEnv(instance) },
  );
}

/** Stops PostgreSQL (fast shutdown); does nothing when it is not running. */
export async function stopPostgres(engine: EnginePaths, instance: InstancePaths): Promise<void> {
  if (!(await runningPostgresPid(engine, instance))) return;
  await runInChroot(
    engine.chrootDir,
    [`${PG_BIN}/pg_ctl`, '-D', instance.dataDir, '-m', 'fast', '-w', 'stop'],
    {
      user: 'postgres',
    },
  );
}
