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
  /**
   * Starves the bot of CPU from the start of the load to the end of the run, as a machine at a
   * high load does: it is paused (SIGSTOP) for `pausedMs` after every `runningMs` of running.
   * No CPU is burnt, so other work on the machine is not disturbed. Off by default.
   */
  starve?: { runningMs: number; pausedMs: number };
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

    const starving = options.starve && starveProcess(running.pid, options.starve);
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
    starving?.stop();
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
    if (bot) process.kill(bot.pid, 'SIGCONT');
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

/** Pauses and resumes `pid` in turns until `stop` (which leaves it running). */
function starveProcess(pid: number, turns: { runningMs: number; pausedMs: number }): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(pid, name);
    } catch {
      stopped = true; // the process is gone
    }
  };
  const pause = (): void => {
    if (stopped) return;
    signal('SIGSTOP');
    timer = setTimeout(resume, turns.pausedMs);
  };
  const resume = (): void => {
    signal('SIGCONT');
    if (!stopped) timer = setTimeout(pause, turns.runningMs);
  };
  timer = setTimeout(pause, turns.runningMs);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      signal('SIGCONT');
    },
  };
}

/** What the runs' slow or stuck commands came to. */
export interface Slow {
  /** Webhook calls answered after 10 s. */
  lateAnswers: number;
  /** Webhook calls never answered before the bot was stopped. */
  neverAnswered: number;
  /** Webhook calls whose connection failed (answered by an error: not hung). */
  failedConnections: number;
  /** Flushes failed by their timeout whose command settled later. */
  flushesSettledLate: number;
  /** Flushes failed by their timeout whose command never settled (the driver hang). */
  flushesNeverSettled: number;
}

/**
 * Classifies one run's slow commands: webhook calls not answered within {@link WEBHOOK_ANSWER_MS}
 * (answered late, or never), failed connections, flushes failed by their timeout (settled late,
 * or never). `describe` gets one line per slow command, with the bot's log lines around it.
 */
export function classify(run: OutageReport, describe: (line: string) => void = () => undefined): Slow {
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
  const timeOf = (line: string): number => {
    try {
      return Date.parse((JSON.parse(line) as { time?: string }).time ?? '');
    } catch {
      return Number.NaN;
    }
  };
  const around = (from: number, to: number): string[] =>
    lines.filter((line) => {
      const time = timeOf(line);
      return time >= from && time <= to;
    });
  const slow: Slow = {
    lateAnswers: 0,
    neverAnswered: 0,
    failedConnections: 0,
    flushesSettledLate: 0,
    flushesNeverSettled: 0,
  };
  const start = run.calls[0]?.sentAt ?? 0;
  for (const call of run.calls) {
    const at = `+${((call.sentAt - start) / 1000).toFixed(1)} s`;
    if (call.outcome === 'failed') {
      slow.failedConnections += 1;
      describe(`  webhook call sent at ${at}: connection failed after ${call.ms} ms (${call.cause})`);
      continue;
    }
    if (call.outcome !== 'pending' && (call.ms ?? 0) <= WEBHOOK_ANSWER_MS) continue;
    const pending = call.outcome === 'pending';
    if (pending) slow.neverAnswered += 1;
    else slow.lateAnswers += 1;
    describe(
      pending
        ? `  webhook call sent at ${at}: NEVER answered`
        : `  webhook call sent at ${at}: answered ${call.outcome} LATE, after ${call.ms} ms`,
    );
    const to = pending ? Number.POSITIVE_INFINITY : call.sentAt + (call.ms ?? 0) + 1_000;
    for (const line of around(call.sentAt - 1_000, to).slice(0, 12)) describe(`      ${line}`);
  }
  lines.forEach((line, index) => {
    if (!line.includes('FlushTimeoutError')) return;
    describe(`  flush timeout: ${line}`);
    for (const near of lines.slice(Math.max(0, index - 3), index + 4))
      if (near !== line) describe(`      ${near}`);
  });
  // One `timed-out flush` line per flush (the FlushTimeoutError lines are per failed request).
  for (const line of lines) {
    if (!line.includes('"msg":"timed-out flush"')) continue;
    describe(`  timed-out flush followed up: ${line}`);
    if (line.includes('"settled":false')) slow.flushesNeverSettled += 1;
    else slow.flushesSettledLate += 1;
  }
  // Timeouts not followed up (the bot was stopped first): counted as never settled.
  if (run.flushTimeouts > 0 && slow.flushesNeverSettled + slow.flushesSettledLate === 0)
    slow.flushesNeverSettled = 1;
  return slow;
}
