/**
 * The state file of an instance: its ports and the pids of its processes.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What an instance remembers between starts. */
export interface InstanceState {
  pgPort: number;
  gatewayPort: number;
  pgPid?: number;
  gatewayPid?: number;
  startedAt?: string;
  /** Pids of the processes that started or reused the instance and have not stopped it. */
  holders?: number[];
}

function isState(value: unknown): value is InstanceState {
  const candidate = value as Partial<InstanceState> | null;
  return typeof candidate?.pgPort === 'number' && typeof candidate.gatewayPort === 'number';
}

/** Reads the state file; undefined when absent or unreadable. */
export async function readState(path: string): Promise<InstanceState | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return isState(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the state file atomically. */
export async function writeState(path: string, state: InstanceState): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temporary, path);
}
