/**
 * One database outage under load, as the fault test and `npm run bench -- --only=outage` run
 * it: the real bot process in front of a TCP proxy to the database, residents writing through
 * the signed webhook (retrying as Meta does), the proxy cut for a few seconds, then restored.
 * The run reports what happened; the callers judge it (the test asserts, the bench counts).
 */
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
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
}

/** What one outage run saw. */
export interface OutageReport {
  /** Every webhook answer, in order (0: no answer within 10 s, or the connection failed). */
  statuses: number[];
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
  /** Everything the bot wrote on stderr (warnings and errors, JSON lines). */
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
      logLevel: 'warn',
      startTimeoutMs: options.startTimeoutMs ?? 90_000,
    });
    bot = running;
    const cut = proxy;
    const messages = residentMessages(40, 'dbdown')
      .flat()
      .sort((a, b) => a.step - b.step);
    const statuses: number[] = [];
    const healthDuringOutage: number[] = [];

    const stream = inParallel(messages, 3, async (message) => {
      for (;;) {
        const status = await running.postWebhook(message.body).then(
          (response) => response.status,
          () => 0,
        );
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
    await new Promise((resolve) => setTimeout(resolve, 300));
    const healthAfter = await fetch(`${running.baseUrl}/healthz`).then(
      (response) => response.status,
      () => 0,
    );
    const stderr = running.stderr();
    return {
      statuses,
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
