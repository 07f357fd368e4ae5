/**
 * The gateway as a detached Node.js process, started with the same runtime as this one
 * (plain node from compiled `dist/`, or tsx from the TypeScript sources).
 */
import { spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** The gateway entry next to this module, with this module's own extension (.ts or .js). */
export function gatewayEntry(): string {
  return join(__dirname, 'gateway', `main${extname(__filename)}`);
}

/** Marker found in the gateway's command line (to recognise its pid). */
export const GATEWAY_MARKER = join('gateway', 'main');

/** Node options to run the entry: ours, plus tsx's loader when a .ts entry runs without it. */
function nodeArguments(entry: string): string[] {
  const inherited = process.execArgv.filter((arg) => !arg.startsWith('--inspect'));
  const hasTsx = [...inherited, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('tsx'));
  if (extname(entry) !== '.ts' || hasTsx) return inherited;
  return [...inherited, '--require', require.resolve('tsx/cjs')];
}

/** Options of {@link spawnGateway}. */
export interface SpawnGatewayOptions {
  port: number;
  pgPort: number;
  /** The libpq password file the gateway reads its PostgreSQL password from. */
  pgPasswordFile: string;
  logFile: string;
}

/** Starts the gateway in the background; returns its pid. */
export async function spawnGateway(options: SpawnGatewayOptions): Promise<number> {
  const entry = gatewayEntry();
  const log = await open(options.logFile, 'a');
  try {
    const args = [
      ...nodeArguments(entry),
      entry,
      '--port',
      String(options.port),
      '--pg-port',
      String(options.pgPort),
      '--pg-password-file',
      options.pgPasswordFile,
    ];
    const child = spawn(process.execPath, args, {
      detached: true,
      stdio: ['ignore', log.fd, log.fd],
    });
    const pid = child.pid;
    child.unref();
    if (!pid) throw new Error('the gateway process did not start');
    return pid;
  } finally {
    await log.close();
  }
}
