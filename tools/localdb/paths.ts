/**
 * Where the local engine keeps its files, on the host and inside the chroot.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** PostgreSQL major version packaged with DocumentDB in Debian sid. */
export const PG_MAJOR = 18;

/** Directory of PostgreSQL's programs inside the chroot. */
export const PG_BIN = `/usr/lib/postgresql/${PG_MAJOR}/bin`;

/** Paths shared by every instance. */
export interface EnginePaths {
  cacheDir: string;
  chrootDir: string;
  /** Written inside the chroot once provisioning fully succeeded. */
  markerFile: string;
  provisionLock: string;
}

/** Paths of one instance. */
export interface InstancePaths {
  name: string;
  /** Host directory: state file, lock, gateway log. */
  hostDir: string;
  stateFile: string;
  lockFile: string;
  gatewayLog: string;
  /** Directories as seen from inside the chroot. */
  chrootBase: string;
  dataDir: string;
  socketDir: string;
  postgresLog: string;
  /** libpq password file holding the PostgreSQL password of the instance (mode 0600). */
  passwordFile: string;
}

/** `${VOISINS_CACHE_DIR:-$HOME/.cache/voisins-solidaires}` and what lies in it. */
export function enginePaths(env: NodeJS.ProcessEnv = process.env): EnginePaths {
  const cacheDir = env.VOISINS_CACHE_DIR || join(env.HOME || homedir(), '.cache', 'voisins-solidaires');
  const chrootDir = join(cacheDir, 'sid-chroot');
  return {
    cacheDir,
    chrootDir,
    markerFile: join(chrootDir, '.voisins-provisioned'),
    provisionLock: join(cacheDir, 'provision.lock'),
  };
}

/** The paths of an instance; its name must be a simple word (it becomes a directory name). */
export function instancePaths(engine: EnginePaths, name: string): InstancePaths {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(name)) throw new Error(`invalid local engine instance name: ${name}`);
  const hostDir = join(engine.cacheDir, 'instances', name);
  const chrootBase = `/var/lib/voisins/${name}`;
  return {
    name,
    hostDir,
    stateFile: join(hostDir, 'state.json'),
    lockFile: join(hostDir, 'lock'),
    gatewayLog: join(hostDir, 'gateway.log'),
    chrootBase,
    dataDir: `${chrootBase}/data`,
    socketDir: `${chrootBase}/run`,
    postgresLog: `${chrootBase}/postgres.log`,
    passwordFile: `${chrootBase}/pgpass`,
  };
}

/** A path inside the chroot, seen from the host. */
export function onHost(engine: EnginePaths, chrootPath: string): string {
  return join(engine.chrootDir, chrootPath);
}
