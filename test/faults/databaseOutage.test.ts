/**
 * The database stops answering for a few seconds under load: the webhook answers 503 (Meta
 * retries) and /healthz says so; nothing acknowledged is lost, and the same bot process
 * resumes on its own when the database is back.
 */
import assert from 'node:assert/strict';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import {
  deliveredTexts,
  exactlyOnceProblems,
  inboxDone,
  inParallel,
  residentMessages,
  waitUntil,
} from './support';
import { startTcpProxy, type TcpProxy } from './tcpProxy';

const OUTAGE_MS = 4_000;

describe('faults: the database stops for a few seconds under load', function () {
  this.timeout(90_000);
  let database: TestDatabase;
  let graph: FakeGraph;
  let proxy: TcpProxy;
  let bot: BotProcess | undefined;

  before(async () => {
    database = await openTestDatabase('faults_db');
    graph = await startFakeGraph();
    proxy = await startTcpProxy(database.uri);
  });
  after(async () => {
    await bot?.kill9();
    await proxy.close();
    await graph.close();
    await database.dispose();
  });

  it('answers 503 meanwhile, loses nothing acknowledged, and recovers without a restart', async () => {
    const running = await startBotProcess({
      mongodbUri: proxy.uri,
      mongodbDb: database.name,
      graphUrl: graph.url,
    });
    bot = running;
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
    const outage = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await proxy.cut();
      const until = Date.now() + OUTAGE_MS;
      while (Date.now() < until) {
        const health = await fetch(`${running.baseUrl}/healthz`).then((response) => response.status);
        healthDuringOutage.push(health);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await proxy.restore();
    })();
    await Promise.all([stream, outage]);

    assert.ok(
      statuses.includes(503),
      `the webhook answered 503 during the outage (${[...new Set(statuses)].join(',')})`,
    );
    assert.ok(!statuses.includes(0), `the webhook always answered (no hang, no crash)\n${running.stderr()}`);
    assert.ok(healthDuringOutage.includes(503), '/healthz said the database was down');
    await waitUntil(
      () => inboxDone(database.db, messages.length),
      45_000,
      'every event processed after the outage',
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${running.stderr()}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));

    assert.deepEqual(exactlyOnceProblems(messages, deliveredTexts(graph.calls)), [], running.stderr());
    assert.equal((await fetch(`${running.baseUrl}/healthz`)).status, 200);
    assert.doesNotMatch(running.stderr(), /unhandled|uncaught|Start-up failed/i);
  });
});
