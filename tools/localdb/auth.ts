/**
 * Password authentication of an instance's PostgreSQL: scram-sha-256 for every connection,
 * over TCP and the Unix socket, with a random password per instance kept in its password file.
 *
 * @remarks
 * {@link secureCluster} works on a stopped cluster, new or initialised before passwords existed
 * here (`initdb -A trust`): it keeps the password of the password file or makes a new one,
 * rewrites the file with mode 0600, sets the password in single-user mode (no connection is
 * possible meanwhile) as a SCRAM verifier, so that the password itself never reaches PostgreSQL
 * or its log, and replaces pg_hba.conf last. The data is untouched. Every step can be redone, so
 * an interrupted run is finished at the next start.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { formatPassfile, newPassword, parsePassfile, POSTGRES_USER, readPassfile } from './passfile';
import { onHost, PG_BIN, type EnginePaths, type InstancePaths } from './paths';
import { runInChroot } from './run';

/** PostgreSQL's default number of PBKDF2 iterations for SCRAM (`scram_iterations`). */
const SCRAM_ITERATIONS = 4096;

/** The pg_hba.conf of every instance; replication and every other address are refused. */
export const HBA_CONF = `# voisins-solidaires: every connection needs the instance's password (scram-sha-256);
# PostgreSQL listens on 127.0.0.1 only. Written at start whenever it differs from this.
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 scram-sha-256
host    all       all   127.0.0.1/32  scram-sha-256
`;

/**
 * The SCRAM-SHA-256 verifier PostgreSQL stores for `password` (RFC 5802, PostgreSQL's
 * `SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>`); `ALTER ROLE … PASSWORD`
 * takes it as it is. The password must be ASCII (SASLprep leaves it unchanged then).
 */
export function scramVerifier(password: string, salt: Buffer = randomBytes(16)): string {
  const salted = pbkdf2Sync(password, salt, SCRAM_ITERATIONS, 32, 'sha256');
  const hmac = (text: string): Buffer => createHmac('sha256', salted).update(text).digest();
  const storedKey = createHash('sha256').update(hmac('Client Key')).digest();
  const serverKey = hmac('Server Key');
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** Whether the cluster asks for the password (our pg_hba.conf) and the password file is ours, 0600. */
export async function isClusterSecured(engine: EnginePaths, instance: InstancePaths): Promise<boolean> {
  const read = (path: string): Promise<string> => readFile(onHost(engine, path), 'utf8').catch(() => '');
  if ((await read(`${instance.dataDir}/pg_hba.conf`)) !== HBA_CONF) return false;
  const passfile = await read(instance.passwordFile);
  const password = parsePassfile(passfile);
  if (password === undefined || passfile !== formatPassfile(password)) return false;
  const mode = await stat(onHost(engine, instance.passwordFile)).then((file) => file.mode);
  return (mode & 0o077) === 0;
}

/** Writes a file in the chroot owned by postgres with mode 0600, atomically. */
async function writeForPostgres(engine: EnginePaths, chrootPath: string, text: string): Promise<void> {
  const temporary = `${chrootPath}.${process.pid}.tmp`;
  await rm(onHost(engine, temporary), { force: true });
  await writeFile(onHost(engine, temporary), text, { mode: 0o600, flag: 'wx' });
  await runInChroot(engine.chrootDir, ['chown', 'postgres:postgres', temporary]);
  await rename(onHost(engine, temporary), onHost(engine, chrootPath));
}

/**
 * Makes the stopped cluster of `instance` ask every connection for the instance's password.
 *
 * @throws CodedError `local_engine_unavailable` when single-user mode fails (for example
 * because PostgreSQL is still running).
 */
export async function secureCluster(engine: EnginePaths, instance: InstancePaths): Promise<void> {
  const password = (await readPassfile(onHost(engine, instance.passwordFile))) ?? newPassword();
  await writeForPostgres(engine, instance.passwordFile, formatPassfile(password));
  await runInChroot(
    engine.chrootDir,
    [
      `${PG_BIN}/postgres`,
      '--single',
      '-D',
      instance.dataDir,
      '-c',
      'shared_preload_libraries=',
      '-c',
      'listen_addresses=',
      '-c',
      'exit_on_error=on',
      '-c',
      'log_min_messages=warning',
      'postgres',
    ],
    { user: 'postgres', input: `ALTER ROLE ${POSTGRES_USER} PASSWORD '${scramVerifier(password)}';\n` },
  );
  await writeForPostgres(engine, `${instance.dataDir}/pg_hba.conf`, HBA_CONF);
}
