/**
 * Provisioning of the Debian sid chroot that holds PostgreSQL and DocumentDB
 * (`postgresql-18-documentdb`, only packaged in sid, needs a newer libc than bookworm's).
 *
 * @remarks
 * Steps: debootstrap on the host if missing, `debootstrap --variant=minbase sid`, then
 * `apt-get install postgresql-18-documentdb` in the chroot with /proc mounted (the
 * postinst of postgresql-common fails without it) and always unmounted afterwards. A marker
 * file is written only when everything succeeded; an interrupted run resumes: an incomplete
 * debootstrap is redone, an interrupted apt is finished with `dpkg --configure -a`.
 */
import { access, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CodedError, ErrorCode } from '../../services/errors';
import { withLock } from './lock';
import { hostDebianMirror } from './mirror';
import { PG_MAJOR, type EnginePaths } from './paths';
import { run, runInChroot } from './run';

const PACKAGE = `postgresql-${PG_MAJOR}-documentdb`;

/** Told to users who cannot run the local engine. */
export const USE_MONGODB_URI_HINT =
  'Set MONGODB_URI to a MongoDB server instead, for example a Docker container: ' +
  '`docker run -d -p 27017:27017 mongo` then MONGODB_URI=mongodb://localhost:27017';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

function unavailable(reason: string): CodedError {
  return new CodedError(
    ErrorCode.LocalEngineUnavailable,
    `Local MongoDB-compatible engine: ${reason}. ${USE_MONGODB_URI_HINT}`,
  );
}

/** Fails fast unless we are root (chroot needs it). */
export function assertRoot(): void {
  if (process.getuid?.() !== 0) {
    throw unavailable('it runs PostgreSQL in a chroot, which needs root (run as root or via sudo)');
  }
}

/** Fails fast unless this is Debian with apt (needed only to provision). */
async function assertDebianWithApt(): Promise<void> {
  if (!(await exists('/etc/debian_version'))) throw unavailable('provisioning needs a Debian host');
  if (!(await exists('/usr/bin/apt-get'))) throw unavailable('provisioning needs apt-get');
}

/** Whether PostgreSQL and DocumentDB are installed and configured in the chroot. */
export async function isInstallComplete(paths: EnginePaths): Promise<boolean> {
  const library = join(paths.chrootDir, `usr/lib/postgresql/${PG_MAJOR}/lib/pg_documentdb.so`);
  if (!(await exists(library))) return false;
  try {
    const status = await runInChroot(paths.chrootDir, [
      'dpkg-query',
      '-W',
      '-f=${db:Status-Status}\\n',
      PACKAGE,
      `postgresql-${PG_MAJOR}`,
    ]);
    return status
      .trim()
      .split('\n')
      .every((line) => line.trim() === 'installed');
  } catch {
    return false;
  }
}

async function isMounted(path: string): Promise<boolean> {
  const mounts = await readFile('/proc/mounts', 'utf8').catch(() => '');
  return mounts.split('\n').some((line) => line.split(' ')[1] === path);
}

async function withProcMounted(
  paths: EnginePaths,
  log: (line: string) => void,
  work: () => Promise<void>,
): Promise<void> {
  const proc = join(paths.chrootDir, 'proc');
  let mountedHere = false;
  if (!(await isMounted(proc))) {
    try {
      await mkdir(proc, { recursive: true });
      await run('mount', ['-t', 'proc', 'proc', proc]);
      mountedHere = true;
    } catch (error) {
      log(
        `warning: cannot mount /proc in the chroot (${(error as Error).message}); dpkg may fail to configure`,
      );
    }
  }
  try {
    await work();
  } finally {
    if (mountedHere) await run('umount', [proc]).catch(() => run('umount', ['-l', proc]));
  }
}

async function ensureDebootstrap(log: (line: string) => void): Promise<void> {
  if (await exists('/usr/sbin/debootstrap')) return;
  log('Installing debootstrap on the host (apt-get)…');
  await run('apt-get', ['update'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  await run('apt-get', ['install', '-y', 'debootstrap'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

async function bootstrapChroot(paths: EnginePaths, log: (line: string) => void): Promise<void> {
  const complete =
    (await exists(join(paths.chrootDir, 'usr/bin/apt-get'))) &&
    !(await exists(join(paths.chrootDir, 'debootstrap')));
  if (complete) return;
  if (await exists(paths.chrootDir)) {
    if (await isMounted(join(paths.chrootDir, 'proc'))) await run('umount', [join(paths.chrootDir, 'proc')]);
    log('Removing an incomplete chroot left by an interrupted provisioning…');
    await rm(paths.chrootDir, { recursive: true, force: true });
  }
  const mirror = await hostDebianMirror();
  if (!mirror) throw unavailable('no Debian mirror found in /etc/apt (debian.sources or sources.list)');
  log(`Creating a Debian sid chroot with debootstrap from ${mirror} (about 20 s)…`);
  await mkdir(paths.cacheDir, { recursive: true });
  await run('debootstrap', ['--variant=minbase', 'sid', paths.chrootDir, mirror], {
    log,
    showLine: (line) =>
      /^(I: (Retrieving Packages|Installing core|Configuring required|Base system)|[EW]: )/.test(line),
  });
}

async function installDocumentDb(paths: EnginePaths, log: (line: string) => void): Promise<void> {
  await copyFile('/etc/resolv.conf', join(paths.chrootDir, 'etc/resolv.conf'));
  // No service starts in the chroot, and no default "main" cluster: instances make their own.
  await writeFile(join(paths.chrootDir, 'usr/sbin/policy-rc.d'), '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  const createCluster = join(paths.chrootDir, 'etc/postgresql-common/createcluster.d');
  await mkdir(createCluster, { recursive: true });
  await writeFile(join(createCluster, 'voisins.conf'), 'create_main_cluster = false\n');
  await withProcMounted(paths, log, async () => {
    log('Updating the package lists in the chroot…');
    await runInChroot(paths.chrootDir, ['apt-get', 'update', '-o', 'Acquire::Check-Valid-Until=false']);
    await runInChroot(paths.chrootDir, ['dpkg', '--configure', '-a']);
    log(`Installing ${PACKAGE} in the chroot (about 120 MB, a few minutes)…`);
    let settingUp = 0;
    await runInChroot(
      paths.chrootDir,
      [
        'apt-get',
        'install',
        '-y',
        '--no-install-recommends',
        '-o',
        'Acquire::Check-Valid-Until=false',
        PACKAGE,
      ],
      {
        log,
        showLine: (line) => line.startsWith('Setting up') && ++settingUp % 20 === 0,
      },
    );
  });
}

/**
 * Makes sure the chroot holds a working DocumentDB; fast when already done.
 *
 * @remarks
 * Serialised by a lock file, so that two processes never provision at the same time.
 */
export async function ensureProvisioned(paths: EnginePaths, log: (line: string) => void): Promise<void> {
  assertRoot();
  if (await exists(paths.markerFile)) return;
  await mkdir(paths.cacheDir, { recursive: true });
  const lockOptions = {
    timeoutMs: 30 * 60 * 1000,
    onWait: () => log('Waiting for another provisioning to finish…'),
  };
  await withLock(paths.provisionLock, lockOptions, async () => {
    if (await exists(paths.markerFile)) return;
    if (!(await isInstallComplete(paths))) {
      await assertDebianWithApt();
      const started = Date.now();
      log(
        `First use: provisioning PostgreSQL ${PG_MAJOR} + DocumentDB in ${paths.chrootDir} (a few minutes)…`,
      );
      await ensureDebootstrap(log);
      await bootstrapChroot(paths, log);
      await installDocumentDb(paths, log);
      if (!(await isInstallComplete(paths)))
        throw unavailable(`${PACKAGE} is not fully installed in the chroot`);
      log(`Provisioning done in ${Math.round((Date.now() - started) / 1000)} s.`);
    }
    await writeFile(paths.markerFile, `${new Date().toISOString()}\n`);
  });
}
