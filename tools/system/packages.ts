/**
 * The Debian packages the tests drive as real parts (Chromium for the console, Poppler to
 * render posters to images): installed with apt-get on first use when the machine lacks
 * them and the run may install (root with apt-get, as on a fresh CI machine).
 */
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A program the tests need and the Debian package that brings it. */
export interface SystemProgram {
  binary: string;
  debianPackage: string;
}

/** What the test suite drives. */
export const TEST_PROGRAMS: readonly SystemProgram[] = [
  { binary: '/usr/bin/chromium', debianPackage: 'chromium' },
  { binary: '/usr/bin/pdftoppm', debianPackage: 'poppler-utils' },
];

/**
 * Installs the packages of the missing programs. Without apt-get or root it installs
 * nothing and returns what is missing, so the tests that need it fail with its name.
 */
export async function ensureSystemPrograms(
  programs: readonly SystemProgram[],
  log: (line: string) => void,
): Promise<SystemProgram[]> {
  const missing: SystemProgram[] = [];
  for (const program of programs) if (!(await exists(program.binary))) missing.push(program);
  if (missing.length === 0) return [];
  const canInstall = process.getuid?.() === 0 && (await exists('/usr/bin/apt-get'));
  if (!canInstall) return missing;
  const packages = missing.map((program) => program.debianPackage);
  log(`Installing ${packages.join(', ')} for the tests (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await execFileAsync('apt-get', ['update', '-q'], { env, maxBuffer: 64 * 1024 * 1024 });
  await execFileAsync('apt-get', ['install', '-y', '-q', ...packages], {
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  const stillMissing: SystemProgram[] = [];
  for (const program of missing) if (!(await exists(program.binary))) stillMissing.push(program);
  return stillMissing;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
