/**
 * The outbox against the real database and real Graph clients over the fake Graph API:
 * calls journaled per turn, numbered `<event key>:<n>`, not repeated on a replay, retried
 * when Meta fails for a moment, recorded and handed to the moderators when Meta refuses.
 */
import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import { MessengerAdapter } from '../../bot/messenger/adapter';
import { extractEvents, type MessengerEvent } from '../../bot/messenger/events';
import { manualClock } from '../../services/clock';
import { createGraphClients, GraphError, type GraphClients } from '../../services/graph';
import { silentLogger } from '../../services/logger';
import {
  UNDELIVERED_COLLECTION,
  UndeliveredQueue,
  type UndeliveredMessage,
} from '../../services/moderation/undeliveredQueue';
import { journaledThreadControl, Outbox, OutboxStore, type OutboxDocument } from '../../services/outbox';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { startFakeGraph, type FakeGraph, type RecordedCall } from '../support/fake-graph';

const PSID = '7001';
const noWait = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: () => Promise.resolve() };
const sends = (call: RecordedCall): boolean =>
  call.path === '/me/messages' && (call.body as { message?: unknown }).message !== undefined;
const textOf = (call: RecordedCall): string | undefined =>
  (call.body as { message?: { text?: string } }).message?.text;

describe('outbox: exactly-once Graph calls per turn', () => {
  let database: TestDatabase;
  let fake: FakeGraph;
  let graph: GraphClients;
  let store: OutboxStore;
  let outbox: Outbox;
  let turn = 0;
  const clock = manualClock(new Date('2025-03-01T10:00:00Z'));

  /** A fresh event key per test, so that tests do not see each other's records. */
  const nextKey = (): string => `mid:m.turn${(turn += 1)}`;
  const sendText = (text: string, psid = PSID): Promise<string | undefined> =>
    outbox.perform(
      { kind: 'message', psid, body: { message: { text } }, text },
      async () => (await graph.send.sendMessage(psid, { text })).messageId,
    );
  const records = (key: string): Promise<OutboxDocument[]> =>
    store.calls
      .find({ _id: { $regex: `^${key.replace(/\./g, '\\.')}:` } })
      .sort({ _id: 1 })
      .toArray();
  const undelivered = () => database.db.collection<UndeliveredMessage>(UNDELIVERED_COLLECTION);

  before(async () => {
    database = await openTestDatabase('outbox');
    fake = await startFakeGraph();
    graph = createGraphClients({
      graphApiUrl: fake.url,
      graphApiVersion: 'v25.0',
      accessToken: 'tok',
      appSecret: 'sec',
    });
    store = new OutboxStore(database.db);
    await store.ensureIndexes();
    outbox = new Outbox({
      store,
      clock: clock.now,
      logger: silentLogger,
      retry: noWait,
      refused: new UndeliveredQueue(database.db, clock.now),
      sleep: () => Promise.resolve(),
    });
  });
  beforeEach(async () => {
    fake.reset();
    await undelivered().deleteMany({});
  });
  after(async () => {
    await fake.close();
    await database.dispose();
  });

  it('records the call pending before making it, marks it sent with the mid, and does not make it again on a replay', async () => {
    const key = nextKey();
    const statusSeenByMeta: (string | undefined)[] = [];
    fake.respond('/me/messages', async (call) => {
      statusSeenByMeta.push((await store.calls.findOne({ _id: `${key}:1` }))?.status);
      return { body: { recipient_id: PSID, message_id: `m_out_${fake.calls.indexOf(call)}` } };
    });

    const first = await outbox.runTurn(key, () => sendText('Bonjour Camille'));
    assert.equal(first, 'm_out_0');
    assert.deepEqual(statusSeenByMeta, ['pending'], 'the record existed, pending, while Meta was called');
    const [record] = await records(key);
    assert.equal(record?._id, `${key}:1`);
    assert.equal(record.status, 'sent');
    assert.equal(record.result, 'm_out_0');
    assert.equal(record.kind, 'message');
    assert.equal(record.psid, PSID);
    assert.deepEqual(
      Object.keys(record).sort(),
      ['_id', 'createdAt', 'expiresAt', 'failedAttempts', 'kind', 'psid', 'result', 'status', 'updatedAt'],
      'nothing of what was sent is kept, not even a hash',
    );
    assert.equal(record.expiresAt.getTime() - record.createdAt.getTime(), 2 * 86_400_000, 'kept 2 days');

    const replay = await outbox.runTurn(key, () => sendText('Bonjour Camille'));
    assert.equal(replay, 'm_out_0', 'the replay answers what Meta answered the first time');
    assert.equal(fake.calls.filter(sends).length, 1, 'Meta saw the message once');
    assert.equal((await records(key)).length, 1);
  });

  it('numbers the calls of a turn: two messages are two records, and a replay makes neither', async () => {
    const key = nextKey();
    const run = (): Promise<(string | undefined)[]> =>
      outbox.runTurn(key, async () => [await sendText('Première'), await sendText('Seconde')]);

    const first = await run();
    assert.equal(fake.calls.filter(sends).length, 2);
    const stored = await records(key);
    assert.deepEqual(
      stored.map((record) => [record._id, record.status, record.result]),
      [
        [`${key}:1`, 'sent', first[0]],
        [`${key}:2`, 'sent', first[1]],
      ],
    );
    assert.notEqual(first[0], first[1]);

    assert.deepEqual(await run(), first);
    assert.deepEqual(fake.calls.filter(sends).map(textOf), ['Première', 'Seconde']);
  });

  it('keeps the numbering of concurrent turns apart', async () => {
    const [a, b] = [nextKey(), nextKey()];
    const twoCalls = (key: string, prefix: string): Promise<void> =>
      outbox.runTurn(key, async () => {
        await sendText(`${prefix} 1`);
        await new Promise((resolve) => setImmediate(resolve));
        await sendText(`${prefix} 2`);
      });
    await Promise.all([twoCalls(a, 'A'), twoCalls(b, 'B')]);
    assert.deepEqual(
      (await records(a)).map((record) => record._id),
      [`${a}:1`, `${a}:2`],
    );
    assert.deepEqual(
      (await records(b)).map((record) => record._id),
      [`${b}:1`, `${b}:2`],
    );
    assert.equal(fake.calls.filter(sends).length, 4);
  });

  it('a replay after a failure in the middle of a turn makes only the calls not yet made', async () => {
    const key = nextKey();
    const run = (): Promise<void> =>
      outbox.runTurn(key, async () => {
        await sendText('Un');
        await sendText('Deux');
      });
    await run();
    // Pretend the second call was never made: the process died while it was pending.
    await store.calls.updateOne({ _id: `${key}:2` }, { $set: { status: 'pending' }, $unset: { result: '' } });
    fake.reset();

    await run();
    assert.deepEqual(fake.calls.filter(sends).map(textOf), ['Deux']);
    assert.deepEqual(
      (await records(key)).map((record) => record.status),
      ['sent', 'sent'],
    );
  });

  it('counts thread control as a call of the turn, made once', async () => {
    const key = nextKey();
    const handover = journaledThreadControl(graph.handover, outbox);
    const run = (): Promise<void> =>
      outbox.runTurn(key, async () => {
        await sendText('Je vous passe un modérateur');
        await handover.passThreadControl(PSID, '263902037430900', 'handoff');
      });
    await run();
    await run();
    assert.equal(fake.calls.filter((call) => call.path === '/me/pass_thread_control').length, 1);
    assert.equal(fake.calls.filter(sends).length, 1);
    assert.deepEqual(
      (await records(key)).map((record) => [record.kind, record.status]),
      [
        ['message', 'sent'],
        ['handover', 'sent'],
      ],
    );
  });

  for (const failure of [
    { name: '500', spec: { status: 500, code: 2 } },
    { name: '613 (slow down)', spec: { status: 400, code: 613 } },
  ]) {
    it(`retries a transient ${failure.name} and sends once, with one record`, async () => {
      const key = nextKey();
      fake.failNext(2, failure.spec);
      const mid = await outbox.runTurn(key, () => sendText('Malgré tout'));
      const statuses = fake.calls.filter(sends).map((call) => call.status);
      assert.deepEqual(statuses, [failure.spec.status, failure.spec.status, 200]);
      const stored = await records(key);
      assert.equal(stored.length, 1);
      assert.equal(stored[0]?.status, 'sent');
      assert.equal(stored[0].result, mid);
      assert.equal(stored[0].failedAttempts, 0);
    });
  }

  it('leaves the record not sent and throws when the call still fails after the retries; the replay sends it', async () => {
    const key = nextKey();
    fake.failNext(3, { status: 500, code: 2 });
    await assert.rejects(
      outbox.runTurn(key, () => sendText('Patience')),
      (error: unknown) => error instanceof GraphError && error.transient,
    );
    assert.equal(fake.calls.filter(sends).length, 3, 'every attempt reached Meta');
    let [record] = await records(key);
    assert.equal(record?.status, 'pending');
    assert.equal(record.failedAttempts, 1);
    assert.match(record.lastError ?? '', /status 500/);
    assert.equal(await undelivered().countDocuments(), 0);

    // The inbox replays the event later; Meta is back.
    const mid = await outbox.runTurn(key, () => sendText('Patience'));
    assert.equal(fake.calls.filter(sends).length, 4);
    [record] = await records(key);
    assert.equal(record?.status, 'sent');
    assert.equal(record.result, mid);
    assert.equal((await records(key)).length, 1);
  });

  for (const refusal of [
    {
      name: 'a blocked Page (551)',
      spec: { status: 400, code: 551 },
      reason: 'user_unavailable',
      queuedAs: 'refused',
    },
    {
      name: 'a closed window (10/2018278)',
      spec: { status: 400, code: 10, subcode: 2018278 },
      reason: 'outside_window',
      queuedAs: 'outside_window',
    },
  ]) {
    it(`records ${refusal.name} as refused, does not retry it, and queues it once for the moderators`, async () => {
      const key = nextKey();
      fake.failNext(1, refusal.spec);
      const refused = (error: unknown): boolean =>
        error instanceof GraphError && !error.transient && error.permanentReason === refusal.reason;
      const run = (): Promise<unknown> => outbox.runTurn(key, () => sendText('Votre annonce est en ligne'));

      await assert.rejects(run(), refused);
      assert.equal(fake.calls.length, 1, 'not retried');
      const [record] = await records(key);
      assert.equal(record?.status, 'failed');
      assert.deepEqual(record.failure, {
        reason: refusal.reason,
        status: refusal.spec.status,
        graphCode: refusal.spec.code,
        ...(refusal.spec.subcode === undefined ? {} : { subcode: refusal.spec.subcode }),
      });

      // The inbox replays the event: the same refusal, no new call, no second notice.
      await assert.rejects(run(), refused);
      await assert.rejects(run(), refused);
      assert.equal(fake.calls.length, 1, 'the replays did not call Meta');
      const queued = await undelivered().find({}).toArray();
      assert.equal(queued.length, 1);
      assert.equal(queued[0]?.psid, PSID);
      assert.equal(queued[0].reason, refusal.queuedAs);
      assert.equal(queued[0].text, 'Votre annonce est en ligne');
      assert.equal(queued[0].ref, `${key}:1`);
    });
  }

  it('outside a turn: makes the call with retries, journals nothing', async () => {
    const before = await store.calls.countDocuments();
    fake.failNext(2, { status: 500, code: 2 });
    const mid = await sendText('Rappel du soir');
    assert.match(mid ?? '', /^m_fake_/);
    assert.equal(fake.calls.filter(sends).length, 3);
    // Not journaled: a second identical call is made again.
    await sendText('Rappel du soir');
    assert.equal(fake.calls.filter(sends).length, 4);
    assert.equal(await store.calls.countDocuments(), before);

    fake.failNext(1, { status: 400, code: 551 });
    await assert.rejects(sendText('Rappel du soir'), (error: unknown) => error instanceof GraphError);
    assert.equal(fake.calls.filter(sends).length, 5, 'a refusal is not retried');
    assert.equal(await store.calls.countDocuments(), before);
  });

  it('through the Messenger adapter: a replayed event sends its replies once', async () => {
    const adapter = new MessengerAdapter({ send: graph.send, logger: silentLogger, calls: outbox });
    const event = messageEvent('m.adapter', 'Bonjour');
    let runs = 0;
    const logic = async (context: TurnContext): Promise<void> => {
      runs += 1;
      await context.sendActivities([
        { type: 'typing' },
        { type: 'message', text: 'Bonjour !' },
        { type: 'message', text: 'Que puis-je faire pour vous ?' },
      ]);
    };
    await adapter.processEvent(event, logic);
    await adapter.processEvent(event, logic);
    assert.equal(runs, 2);
    assert.deepEqual(fake.calls.filter(sends).map(textOf), ['Bonjour !', 'Que puis-je faire pour vous ?']);
    assert.equal(fake.calls.length, 3, 'typing indicator included, once');
    assert.deepEqual(
      (await records(event.key)).map((record) => [record._id, record.kind, record.status]),
      [
        [`${event.key}:1`, 'action', 'sent'],
        [`${event.key}:2`, 'message', 'sent'],
        [`${event.key}:3`, 'message', 'sent'],
      ],
    );
  });
});

function messageEvent(mid: string, text: string): MessengerEvent {
  const [event] = extractEvents({
    object: 'page',
    entry: [
      {
        id: '555000',
        time: 1700000000000,
        messaging: [
          {
            sender: { id: PSID },
            recipient: { id: '555000' },
            timestamp: 1700000000000,
            message: { mid, text },
          },
        ],
      },
    ],
  });
  if (!event) throw new Error('no event');
  return event;
}
