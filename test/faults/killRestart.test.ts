/**
 * kill -9 of the real bot process in the middle of a stream of signed events from 50
 * residents, then a restart: every acknowledged event is answered exactly once.
 */
import assert from 'node:assert/strict';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { openTestDatabase, type TestDatabase } from '../support/db';
import type { OutboxDocument } from '../../services/outbox';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';
import {
  deliverUntilAcknowledged,
  deliveredTexts,
  exactlyOnceProblems,
  inboxDone,
  inParallel,
  midOf,
  residentMessages,
  waitUntil,
  type ResidentMessage,
} from './support';

describe('faults: kill -9 of the bot in the middle of a stream', function () {
  this.timeout(90_000);
  let database: TestDatabase;
  let graph: FakeGraph;
  const bots: BotProcess[] = [];

  let messageCalls = 0;
  /** Called when Meta has just answered a reply: the test kills the bot a few ms later. */
  let onAnswered: (count: number) => void = () => undefined;

  before(async () => {
    database = await openTestDatabase('faults_kill');
    graph = await startFakeGraph();
    graph.respond('/me/messages', (call) => {
      const body = call.body as { recipient?: { id?: string }; sender_action?: string };
      const recipient_id = body.recipient?.id;
      if (body.sender_action) return { body: { recipient_id } };
      messageCalls += 1;
      setImmediate(onAnswered, messageCalls);
      return { body: { recipient_id, message_id: `m_kill_${messageCalls}` } };
    });
  });
  after(async () => {
    await Promise.all(bots.map((bot) => bot.kill9()));
    await graph.close();
    await database.dispose();
  });

  it('answers every acknowledged event once: 50 residents, killed just after a reply, restarted', async () => {
    const start = (): Promise<BotProcess> =>
      startBotProcess({ mongodbUri: database.uri, mongodbDb: database.name, graphUrl: graph.url }).then(
        (bot) => {
          bots.push(bot);
          return bot;
        },
      );
    const messages = residentMessages(50, 'kill')
      .flat()
      .sort((a, b) => a.step - b.step);
    const acknowledged: ResidentMessage[] = [];
    const notAcknowledged: ResidentMessage[] = [];
    let killed = false;

    const first = await start();
    // Killed 0 to 9 ms after Meta answered the 20th reply: while that turn records the call,
    // saves its state or marks its event done, and the other senders are at other stages.
    const gone = new Promise<void>((resolve) => {
      onAnswered = (count) => {
        if (count !== 20) return;
        setTimeout(
          () => {
            killed = true;
            void first.kill9().then(resolve);
          },
          Math.floor(Math.random() * 10),
        );
      };
    });
    await inParallel(messages, 10, async (message) => {
      const ok =
        !killed &&
        (await first.postWebhook(message.body).then(
          (response) => response.status === 200,
          () => false,
        ));
      (ok ? acknowledged : notAcknowledged).push(message);
      if (!killed) await new Promise((resolve) => setTimeout(resolve, 20));
    });
    await gone;
    assert.ok(killed, 'the bot was killed during the stream');
    assert.ok(notAcknowledged.length > 0, 'some events were not acknowledged before the kill');
    const inbox = database.db.collection<{ status: string }>('inbox');
    assert.ok(
      (await inbox.countDocuments({ status: 'done' })) < messages.length,
      'the kill interrupted the work',
    );
    // The one window left: Meta took the call, the process died before recording it.
    const pending = await database.db
      .collection<OutboxDocument>('outbox')
      .find({ status: 'pending' })
      .toArray();
    // Ids are keys by meaning, `<event key>:<kind>:<recipient>:<digest>:<n>`: keep the events'.
    const inWindow = new Set(
      pending.filter((record) => record.kind === 'message').map((record) => record._id.split(':message:')[0]),
    );
    const senders = new Set(pending.map((record) => record.psid));
    assert.equal(
      senders.size,
      pending.length,
      'at most one call in hand per sender (its events go one by one)',
    );

    const second = await start();
    // Meta delivers again what was not acknowledged.
    await inParallel(notAcknowledged, 10, (message) =>
      deliverUntilAcknowledged((body) => second.postWebhook(body), message.body),
    );
    acknowledged.push(...notAcknowledged);
    await waitUntil(
      () => inboxDone(database.db, messages.length),
      45_000,
      'every event processed after the restart',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const delivered = deliveredTexts(graph.calls);
    const problems = exactlyOnceProblems(acknowledged, delivered, (message) =>
      inWindow.has(`mid:${midOf(message)}`),
    );
    assert.deepEqual(problems, [], bots.map((bot) => bot.stderr()).join('\n'));
    for (const bot of bots) assert.doesNotMatch(bot.stderr(), /unhandled|uncaught/i);
  });
});
