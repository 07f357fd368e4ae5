/**
 * One PostgreSQL cluster per instance, inside the chroot, run as user postgres.
 */
import { access, appendFile, readFile } from 'node:fs/promises';
import { onHost, PG_BIN, type EnginePaths, type InstancePaths } from './paths';
import { isOurProcess } from './processes';
import { runInChroot } from './run';

/** Settings appended to postgresql.conf by {@link ensureCluster}; the port is given at start. */
const SETTINGS = [
  "listen_addresses = '127.0.0.1'",
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
    [`${PG_BIN}/initdb`, '-D', instance.dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8'],
    { user: 'postgres' },
  );
  const settings = [...SETTINGS, `unix_socket_directories = '${instance.socketDir}'`];
  await appendFile(
    onHost(engine, `${instance.dataDir}/postgresql.conf`),
    `\n# voisins-solidaires\n${settings.join('\n')}\n`,
  );
  return true;
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

/** Starts PostgreSQL on `port` and waits until it accepts connections; returns its pid. */
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
      `-p ${port}`,
      '-w',
      '-t',
      '60',
      'start',
    ],
    { user: 'postgres', detached: true },
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
    { user: 'postgres' },
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
