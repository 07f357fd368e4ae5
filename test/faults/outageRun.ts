/**
 * One database outage under load, as the fault test and `npm run bench -- --only=outage` run
 * it: the real bot process in front of a TCP proxy to the database, residents writing through
 * the signed webhook (retrying as Meta does), the proxy cut for a few seconds, then restored.
 * The run reports what happened; the callers judge it (the test asserts, the bench counts).
 */
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MongoClient } from 'mongodb';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import { sign } from '../support/testApp';
import { deliveredTexts, exactlyOnceProblems, inboxDone, inParallel, residentMessages } from './support';
import { startTcpProxy, type TcpProxy } from './tcpProxy';

/** Options of {@link runDatabaseOutage}. */
export interface OutageRunOptions {
  /** The database server (the proxy stands in front of it; the server itself is never touched). */
  uri: string;
  /** How long the database is cut; 4 s by default. */
  outageMs?: number;
  /** How long the bot has to process every event once the database is back; 45 s by default. */
  recoveryTimeoutMs?: number;
  /** How long the bot may take to start; 90 s by default (a loaded machine starts it slowly). */
  startTimeoutMs?: number;
  /** The bot's LOG_LEVEL; `warn` by default (the bench asks for `info`, to see the watchdog's steps). */
  logLevel?: string;
  /**
   * How long, once every event is processed, the run still waits for webhook calls that got no
   * answer within {@link WEBHOOK_ANSWER_MS} to settle before it stops the bot; 30 s by default.
   */
  settleGraceMs?: number;
}

/** How long a resident's delivery waits for an answer before it is sent again, as Meta does. */
export const WEBHOOK_ANSWER_MS = 10_000;

/**
 * One webhook call as the runner saw it. A call not answered within {@link WEBHOOK_ANSWER_MS}
 * is sent again (as Meta does) but not abandoned: the runner keeps waiting for it, so a call
 * that answers late is told from one that never answers.
 */
export interface WebhookCall {
  /** When it was sent (epoch ms, comparable with the bot's log times). */
  sentAt: number;
  /** How it settled: the HTTP status, `failed` (the connection failed), or `pending` (never, before the bot was stopped). */
  outcome: number | 'failed' | 'pending';
  /** How long it took to settle, in ms (undefined while pending). */
  ms?: number;
  /** Why the connection failed (`ECONNRESET`, `UND_ERR_SOCKET`…), when it did. */
  cause?: string;
}

/** What one outage run saw. */
export interface OutageReport {
  /** Every webhook answer, in order (0: no answer within 10 s, or the connection failed). */
  statuses: number[];
  /** Every webhook call with its timing and how it settled (see {@link WebhookCall}). */
  calls: WebhookCall[];
  /** The runner's own event-loop delay, max over the run in ms (a stalled runner misreads deadlines). */
  runnerMaxLoopDelayMs: number;
  /** `/healthz` answers while the database was cut. */
  healthDuringOutage: number[];
  /** Every event acknowledged was processed before the recovery timeout. */
  processedAll: boolean;
  /** From the database's return to the last event processed, in ms (undefined when not all were). */
  recoveryMs?: number;
  /** Residents whose replies were not exactly one per message (see `exactlyOnceProblems`). */
  problems: string[];
  /** `/healthz` at the end. */
  healthAfter: number;
  /** Times the bot's watchdog reconnected a wedged client (its log line). */
  watchdogReconnections: number;
  /** Database commands that never settled and were failed by the flush timeout (`FlushTimeoutError` logged). */
  flushTimeouts: number;
  /** Everything the bot wrote on stderr (JSON log lines at `logLevel`, no personal data). */
  stderr: string;
}

/** Runs one outage against a fresh database on `options.uri`, dropped afterwards. */
export async function runDatabaseOutage(options: OutageRunOptions): Promise<OutageReport> {
  const outageMs = options.outageMs ?? 4_000;
  const client = await MongoClient.connect(options.uri);
  const db = client.db(`faults_db_${randomBytes(5).toString('hex')}`);
  let graph: FakeGraph | undefined;
  let proxy: TcpProxy | undefined;
  let bot: BotProcess | undefined;
  try {
    graph = await startFakeGraph();
    proxy = await startTcpProxy(options.uri);
    const running = await startBotProcess({
      mongodbUri: proxy.uri,
      mongodbDb: db.databaseName,
      graphUrl: graph.url,
      logLevel: options.logLevel ?? 'warn',
      startTimeoutMs: options.startTimeoutMs ?? 90_000,
    });
    bot = running;
    const cut = proxy;
    const messages = residentMessages(40, 'dbdown')
      .flat()
      .sort((a, b) => a.step - b.step);
    const statuses: number[] = [];
    const calls: WebhookCall[] = [];
    const settling = new Set<Promise<void>>();
    const healthDuringOutage: number[] = [];
    const loopDelay = monitorEventLoopDelay({ resolution: 20 });
    loopDelay.enable();

    const stream = inParallel(messages, 3, async (message) => {
      for (;;) {
        const status = await postWatched(running.baseUrl, message.body, calls, settling);
        statuses.push(status);
        if (status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 200)); // Meta tries again later
      }
      await new Promise((resolve) => setTimeout(resolve, 60));
    });
    let restoredAt = 0;
    const outage = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await cut.cut();
      const until = Date.now() + outageMs;
      while (Date.now() < until) {
        const health = await fetch(`${running.baseUrl}/healthz`).then(
          (response) => response.status,
          () => 0,
        );
        healthDuringOutage.push(health);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await cut.restore();
      restoredAt = Date.now();
    })();
    await Promise.all([stream, outage]);

    const deadline = Date.now() + (options.recoveryTimeoutMs ?? 45_000);
    let processedAll = false;
    while (!processedAll && Date.now() < deadline) {
      processedAll = await inboxDone(db, messages.length).catch(() => false);
      if (!processedAll) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const recoveryMs = processedAll ? Date.now() - restoredAt : undefined;
    // Calls not answered in time: give them a while to settle late before the bot is stopped.
    const graceUntil = Date.now() + (options.settleGraceMs ?? 30_000);
    while (settling.size > 0 && Date.now() < graceUntil)
      await new Promise((resolve) => setTimeout(resolve, 100));
    loopDelay.disable();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const healthAfter = await fetch(`${running.baseUrl}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    const stderr = running.stderr();
    return {
      statuses,
      calls,
      runnerMaxLoopDelayMs: Math.round(loopDelay.max / 1e6),
      healthDuringOutage,
      processedAll,
      recoveryMs,
      problems: exactlyOnceProblems(messages, deliveredTexts(graph.calls)),
      healthAfter,
      watchdogReconnections: stderr.match(/database client wedged/g)?.length ?? 0,
      flushTimeouts: stderr.match(/FlushTimeoutError/g)?.length ?? 0,
      stderr,
    };
  } finally {
    await bot?.kill9();
    await proxy?.close();
    await graph?.close();
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

/**
 * POSTs a signed webhook body and answers its status, or 0 when the connection failed or no
 * answer came within {@link WEBHOOK_ANSWER_MS}; in that last case the call is left running and
 * recorded in `calls` when it settles (it stays `pending` in `calls` until then).
 */
async function postWatched(
  baseUrl: string,
  body: unknown,
  calls: WebhookCall[],
  settling: Set<Promise<void>>,
): Promise<number> {
  const text = JSON.stringify(body);
  const call: WebhookCall = { sentAt: Date.now(), outcome: 'pending' };
  calls.push(call);
  const answered = fetch(`${baseUrl}/api/messenger`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': sign(text) },
    body: text,
  }).then(
    async (response) => {
      await response.arrayBuffer().catch(() => undefined);
      call.outcome = response.status;
      call.ms = Date.now() - call.sentAt;
      return response.status;
    },
    (error: unknown) => {
      call.outcome = 'failed';
      call.ms = Date.now() - call.sentAt;
      call.cause = failureCause(error);
      return 0;
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(-1), WEBHOOK_ANSWER_MS);
  });
  const first = await Promise.race([answered, late]);
  clearTimeout(timer);
  if (first !== -1) return first;
  const watched: Promise<void> = answered.then(() => {
    settling.delete(watched);
  });
  settling.add(watched);
  return 0;
}

/** The code of a failed fetch's cause (`ECONNRESET`, `UND_ERR_SOCKET`…), or the error's name. */
function failureCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; name?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.name === 'string') return cause.name;
  return error instanceof Error ? error.name : 'unknown';
}
