/**
 * Runs external programs (apt-get, debootstrap, chroot, pg_ctl) and reports failures as
 * coded errors carrying the end of their output.
 */
import { spawn } from 'node:child_process';
import { CodedError, ErrorCode } from '../../services/errors';

/** Options of {@link run}. */
export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** Receives output lines that {@link RunOptions.showLine} selects. */
  log?: (line: string) => void;
  showLine?: (line: string) => boolean;
  /** Start the program in its own session, so that what it leaves running outlives us. */
  detached?: boolean;
  /** Written to the program's standard input, which is then closed (at once when absent). */
  input?: string;
}

/** The environment for programs run inside the chroot. */
export const CHROOT_ENV: NodeJS.ProcessEnv = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  LC_ALL: 'C',
  DEBIAN_FRONTEND: 'noninteractive',
  HOME: '/root',
};

/** Runs a program to completion; resolves with its standard output, rejects with a CodedError. */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: options.detached ?? false,
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
    const tail: string[] = [];
    let stdout = '';
    const onLines = (chunk: Buffer, keep: boolean): void => {
      const text = chunk.toString('utf8');
      if (keep) stdout += text;
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 25) tail.shift();
        if (options.log && options.showLine?.(line)) options.log(`  ${line}`);
      }
    };
    child.stdout.on('data', (chunk: Buffer) => onLines(chunk, true));
    child.stderr.on('data', (chunk: Buffer) => onLines(chunk, false));
    child.on('error', (error) =>
      reject(new CodedError(ErrorCode.LocalEngineUnavailable, `cannot run ${command}: ${error.message}`)),
    );
    child.on('close', (code, signal) => {
      if (code === 0) return resolve(stdout);
      const why = signal ? `killed by ${signal}` : `exit code ${String(code)}`;
      const message = `${command} ${args.join(' ')} failed (${why}):\n${tail.join('\n')}`;
      reject(new CodedError(ErrorCode.LocalEngineUnavailable, message));
    });
  });
}

/** Runs a program inside the chroot, as root or as another user. */
export function runInChroot(
  chrootDir: string,
  args: string[],
  options: RunOptions & { user?: string } = {},
): Promise<string> {
  const userspec = options.user ? [`--userspec=${options.user}:${options.user}`] : [];
  return run('chroot', [...userspec, chrootDir, ...args], { env: CHROOT_ENV, ...options });
}
