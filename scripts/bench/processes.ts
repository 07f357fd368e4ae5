/**
 * Child processes of the benchmark: the real bot and the bare baseline server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A child process and where it listens. */
export interface Child {
  process: ChildProcess;
  port: number;
  /** Peak resident memory so far (VmHWM), in MiB. */
  peakRssMiB(): number;
  /** Resident memory now (VmRSS), in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

/**
 * Starts the real bot as `npm start` runs it (the compiled `dist/bot/index.js`, built by
 * `npm run bench` first) with the given environment; resolves once /healthz answers 200.
 */
export async function spawnBot(env: Record<string, string>): Promise<Child> {
  const port = await freePort();
  // BENCH_CPU_PROFILE=DIR writes a V8 CPU profile of each bot process there (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROFILE;
  const nodeArgs = [...startNodeArgs(), ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'bot', 'index.js')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the bot did not become healthy within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return wrap(child, port);
}

/**
 * The Node options of `npm start` (the words between `node` and the script in package.json's
 * start script, such as the heap settings), so that the bench measures the bot as it runs.
 */
export function startNodeArgs(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const words = manifest.scripts.start.trim().split(/\s+/);
  return words.slice(words.indexOf('node') + 1).filter((word) => word.startsWith('--'));
}

/** Starts the bare restify baseline; resolves with its port. */
export async function spawnBare(secret: string): Promise<Child> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'scripts', 'bench', 'bareServer.js')], {
    cwd: ROOT,
    env: { ...process.env, MESSENGER_APP_SECRET: secret },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
  return wrap(child, port);
}

function wrap(child: ChildProcess, port: number): Child {
  return {
    process: child,
    port,
    peakRssMiB: () => statusMiB(child, 'VmHWM'),
    rssMiB: () => statusMiB(child, 'VmRSS'),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A memory figure of `/proc/PID/status` (reported in kB), in MiB. */
function statusMiB(child: ChildProcess, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
