/**
 * A lock file holding the pid of its owner, so that concurrent starts of the same instance
 * (or concurrent provisionings) wait for each other, and a lock left by a dead process is
 * taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CodedError, ErrorCode } from '../../services/errors';
import { isAlive } from './processes';

/** Options of {@link withLock}. */
export interface LockOptions {
  timeoutMs: number;
  /** Told once when the lock is busy. */
  onWait?: () => void;
}

async function tryAcquire(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
    if (!Number.isInteger(owner) || owner <= 0 || !isAlive(owner)) {
      await rm(path, { force: true });
      return tryAcquire(path);
    }
    return false;
  }
}

/** Runs `work` while holding the lock file at `path`. */
export async function withLock<T>(path: string, options: LockOptions, work: () => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + options.timeoutMs;
  let told = false;
  while (!(await tryAcquire(path))) {
    if (!told) options.onWait?.();
    told = true;
    if (Date.now() > deadline)
      throw new CodedError(ErrorCode.LocalEngineUnavailable, `lock ${path} stayed busy`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    return await work();
  } finally {
    await rm(path, { force: true });
  }
}
