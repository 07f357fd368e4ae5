/**
 * The real bot (`bot/index.ts`) as a child process, for tests that kill it or cut its
 * database: the same start-up, configuration and MongoDB client settings as production.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../../tools/localdb/ports';

export { freePort };
import { APP_SECRET, PAGE_ID, sign, VERIFY_TOKEN } from './testApp';

const ROOT = join(__dirname, '..', '..');

/** A running bot process. */
export interface BotProcess {
  readonly port: number;
  /** The process id (to pause it with SIGSTOP/SIGCONT, as a starved CPU would). */
  readonly pid: number;
  readonly baseUrl: string;
  /** Everything the process wrote on stderr so far. */
  stderr(): string;
  /** POSTs a correctly signed webhook body. */
  postWebhook(body: unknown): Promise<Response>;
  /** SIGKILL: no shutdown, no cleanup. */
  kill9(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

/** What the bot needs: where its database is and where the fake Graph API listens. */
export interface BotProcessOptions {
  mongodbUri: string;
  mongodbDb: string;
  graphUrl: string;
  /** Reuse a port (a restart keeps the address Meta posts to). */
  port?: number;
  startTimeoutMs?: number;
  /** The bot's LOG_LEVEL; BOT_LOG_LEVEL or `error` by default. */
  logLevel?: string;
}

/** Starts `node --import tsx bot/index.ts`; resolves once `/healthz` answers 200. */
export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bot', 'index.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      MONGODB_URI: options.mongodbUri,
      MONGODB_DB: options.mongodbDb,
      MESSENGER_APP_SECRET: APP_SECRET,
      MESSENGER_VERIFY_TOKEN: VERIFY_TOKEN,
      MESSENGER_PAGE_ACCESS_TOKEN: 'test-page-token',
      MESSENGER_PAGE_ID: PAGE_ID,
      GRAPH_API_URL: options.graphUrl,
      GEOCODER_URL: 'http://127.0.0.1:9',
      LOG_LEVEL: options.logLevel ?? process.env.BOT_LOG_LEVEL ?? 'error',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${baseUrl}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the bot did not become healthy in time: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    pid: child.pid ?? 0,
    baseUrl,
    stderr: () => stderr,
    postWebhook(body) {
      const text = JSON.stringify(body);
      return fetch(`${baseUrl}/api/messenger`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': sign(text) },
        body: text,
        signal: AbortSignal.timeout(10_000),
      });
    },
    kill9: () => ended(child, 'SIGKILL'),
    stop: () => ended(child, 'SIGTERM'),
  };
}

function ended(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
