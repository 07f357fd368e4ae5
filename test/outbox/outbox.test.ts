/**
 * The outbox against the real database and real Graph clients over the fake Graph API:
 * calls journaled per turn under idempotency keys by meaning, not repeated on a replay
 * (even one that takes another path), retried when Meta fails for a moment, recorded and
 * handed to the moderators when Meta refuses.
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
import {
  journaledThreadControl,
  Outbox,
  OutboxStore,
  type OutboxDocument,
  type TurnCalls,
} from '../../services/outbox';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { startFakeGraph, type FakeGraph, type RecordedCall } from '../support/fake-graph';

const PSID = '7001';
/** The idempotency key pattern of a call: `<event>:<kind>:<recipient>:<digest>:<n>`. */
const keyOf = (key: string, kind: string, n = 1, psid = PSID): RegExp =>
  new RegExp(`^${escaped(key)}:${kind}:${psid}:[\\w-]{16}:${n}$`);
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
  // Today: records expire (TTL index) a few days after the clock's time, and the engine's TTL
  // monitor runs on the real time, so a clock in the past would let it delete them mid-test.
  const clock = manualClock(new Date());

  /** A fresh event key per test, so that tests do not see each other's records. */
  const nextKey = (): string => `mid:m.turn${(turn += 1)}`;
  /** Sends `text` through `calls` (a turn's), or outside any turn. */
  const sendText = (text: string, calls: Pick<TurnCalls, 'perform'> = outbox, psid = PSID) =>
    calls.perform(
      { kind: 'message', psid, body: { message: { text } }, text },
      async () => (await graph.send.sendMessage(psid, { text })).messageId,
    );
  const records = (key: string): Promise<OutboxDocument[]> =>
    store.calls.find({ _id: { $regex: `^${escaped(key)}:` } }).toArray();
  /** The record of the call that answered `result`. */
  const recordOf = async (key: string, result: string | undefined): Promise<OutboxDocument | undefined> =>
    (await records(key)).find((record) => record.result === result);
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
      secret: 'outbox-test-secret',
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
      statusSeenByMeta.push((await records(key))[0]?.status);
      return { body: { recipient_id: PSID, message_id: `m_out_${fake.calls.indexOf(call)}` } };
    });

    const first = await outbox.runTurn(key, PSID, (turn) => sendText('Bonjour Camille', turn));
    assert.equal(first, 'm_out_0');
    assert.deepEqual(statusSeenByMeta, ['pending'], 'the record existed, pending, while Meta was called');
    const [record] = await records(key);
    assert.match(record?._id ?? '', keyOf(key, 'message'), 'keyed by event, kind, recipient and content');
    assert.equal(record.status, 'sent');
    assert.equal(record.result, 'm_out_0');
    assert.equal(record.kind, 'message');
    assert.equal(record.psid, PSID);
    assert.deepEqual(
      Object.keys(record).sort(),
      ['_id', 'createdAt', 'expiresAt', 'failedAttempts', 'kind', 'psid', 'result', 'status', 'updatedAt'],
      'nothing of what was sent is kept, not even a hash',
    );
    assert.ok(!record._id.includes('Bonjour'), 'the key holds a keyed digest, not the text');
    assert.equal(record.expiresAt.getTime() - record.createdAt.getTime(), 2 * 86_400_000, 'kept 2 days');

    const replay = await outbox.runTurn(key, PSID, (turn) => sendText('Bonjour Camille', turn));
    assert.equal(replay, 'm_out_0', 'the replay answers what Meta answered the first time');
    assert.equal(fake.calls.filter(sends).length, 1, 'Meta saw the message once');
    assert.equal((await records(key)).length, 1);
  });

  it('keys the calls of a turn by meaning: two messages are two records, and a replay makes neither', async () => {
    const key = nextKey();
    const run = (): Promise<(string | undefined)[]> =>
      outbox.runTurn(key, PSID, async (turn) => [
        await sendText('Première', turn),
        await sendText('Seconde', turn),
      ]);

    const first = await run();
    assert.equal(fake.calls.filter(sends).length, 2);
    const stored = await records(key);
    assert.equal(stored.length, 2);
    for (const mid of first) {
      const record = await recordOf(key, mid);
      assert.match(record?._id ?? '', keyOf(key, 'message'));
      assert.equal(record?.status, 'sent');
    }
    assert.notEqual(stored[0]?._id, stored[1]?._id);
    assert.notEqual(first[0], first[1]);

    assert.deepEqual(await run(), first);
    assert.deepEqual(fake.calls.filter(sends).map(textOf), ['Première', 'Seconde']);
  });

  it('counts identical calls of a turn: the same text twice is sent twice, and a replay sends neither', async () => {
    const key = nextKey();
    const run = (): Promise<(string | undefined)[]> =>
      outbox.runTurn(key, PSID, async (turn) => [await sendText('Oui', turn), await sendText('Oui', turn)]);
    const first = await run();
    assert.notEqual(first[0], first[1]);
    assert.match((await recordOf(key, first[0]))?._id ?? '', keyOf(key, 'message', 1));
    assert.match((await recordOf(key, first[1]))?._id ?? '', keyOf(key, 'message', 2));
    assert.deepEqual(await run(), first);
    assert.deepEqual(fake.calls.filter(sends).map(textOf), ['Oui', 'Oui']);
  });

  it('a replay whose first call differs still sends the real message, once', async () => {
    const key = nextKey();
    // The first run welcomed the resident, then died before announcing the entry.
    await outbox.runTurn(key, PSID, (turn) => sendText('Bienvenue !', turn));
    // The replay takes another path (the welcome is no longer due): its first call is the announcement.
    await outbox.runTurn(key, PSID, (turn) => sendText('Votre annonce est en ligne', turn));
    await outbox.runTurn(key, PSID, (turn) => sendText('Votre annonce est en ligne', turn));
    assert.deepEqual(fake.calls.filter(sends).map(textOf), ['Bienvenue !', 'Votre annonce est en ligne']);
  });

  it('a replay that makes one call fewer before a call still makes that call, once', async () => {
    const key = nextKey();
    const typing = (turn: TurnCalls) =>
      turn.perform({ kind: 'action', psid: PSID, body: { sender_action: 'typing_on' } }, async () => {
        await graph.send.senderAction(PSID, 'typing_on');
        return undefined;
      });
    // The first run showed the typing dots and sent the first text, then died.
    await outbox.runTurn(key, PSID, async (turn) => {
      await typing(turn);
      await sendText('Texte A', turn);
    });
    // The replay shows no typing dots, then sends both texts.
    const replay = (): Promise<void> =>
      outbox.runTurn(key, PSID, async (turn) => {
        await sendText('Texte A', turn);
        await sendText('Texte B', turn);
      });
    await replay();
    await replay();
    assert.deepEqual(fake.calls.filter(sends).map(textOf), ['Texte A', 'Texte B']);
    assert.equal(fake.calls.length, 3, 'typing dots, Texte A, Texte B: each once');
  });

  it('keeps the calls of concurrent turns apart', async () => {
    const [a, b] = [nextKey(), nextKey()];
    const twoCalls = (key: string, psid: string, prefix: string): Promise<void> =>
      outbox.runTurn(key, psid, async (turn) => {
        await sendText(`${prefix} 1`, turn, psid);
        await new Promise((resolve) => setImmediate(resolve));
        await sendText(`${prefix} 2`, turn, psid);
      });
    await Promise.all([twoCalls(a, PSID, 'A'), twoCalls(b, PSID, 'B')]);
    assert.deepEqual(
      (await records(a)).map((record) => keyOf(a, 'message').test(record._id)),
      [true, true],
    );
    assert.deepEqual(
      (await records(b)).map((record) => keyOf(b, 'message').test(record._id)),
      [true, true],
    );
    assert.equal(fake.calls.filter(sends).length, 4);
  });

  it('a replay after a failure in the middle of a turn makes only the calls not yet made', async () => {
    const key = nextKey();
    const run = (): Promise<(string | undefined)[]> =>
      outbox.runTurn(key, PSID, async (turn) => [await sendText('Un', turn), await sendText('Deux', turn)]);
    const [, second] = await run();
    // Pretend the second call was never made: the process died while it was pending.
    const pending = await recordOf(key, second);
    await store.calls.updateOne(
      { _id: pending?._id },
      { $set: { status: 'pending' }, $unset: { result: '' } },
    );
    fake.reset();

    await run();
    assert.deepEqual(fake.calls.filter(sends).map(textOf), ['Deux']);
    assert.deepEqual(
      (await records(key)).map((record) => record.status),
      ['sent', 'sent'],
    );
  });

  it('counts thread control as a call of the turn of the person it is about, made once', async () => {
    const key = nextKey();
    const handover = journaledThreadControl(graph.handover, outbox);
    const run = (): Promise<void> =>
      outbox.runTurn(key, PSID, async (turn) => {
        await sendText('Je vous passe un modérateur', turn);
        await handover.passThreadControl(PSID, '263902037430900', 'handoff');
      });
    await run();
    await run();
    assert.equal(fake.calls.filter((call) => call.path === '/me/pass_thread_control').length, 1);
    assert.equal(fake.calls.filter(sends).length, 1);
    assert.deepEqual((await records(key)).map((record) => [record.kind, record.status]).sort(), [
      ['handover', 'sent'],
      ['message', 'sent'],
    ]);
    assert.equal(outbox.turnOf(PSID), undefined, 'the turn is closed once run');
  });

  for (const failure of [
    { name: '500', spec: { status: 500, code: 2 } },
    { name: '613 (slow down)', spec: { status: 400, code: 613 } },
  ]) {
    it(`retries a transient ${failure.name} and sends once, with one record`, async () => {
      const key = nextKey();
      fake.failNext(2, failure.spec);
      const mid = await outbox.runTurn(key, PSID, (turn) => sendText('Malgré tout', turn));
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
      outbox.runTurn(key, PSID, (turn) => sendText('Patience', turn)),
      (error: unknown) => error instanceof GraphError && error.transient,
    );
    assert.equal(fake.calls.filter(sends).length, 3, 'every attempt reached Meta');
    let [record] = await records(key);
    assert.equal(record?.status, 'pending');
    assert.equal(record.failedAttempts, 1);
    assert.match(record.lastError ?? '', /status 500/);
    assert.equal(await undelivered().countDocuments(), 0);

    // The inbox replays the event later; Meta is back.
    const mid = await outbox.runTurn(key, PSID, (turn) => sendText('Patience', turn));
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
      const run = (): Promise<unknown> =>
        outbox.runTurn(key, PSID, (turn) => sendText('Votre annonce est en ligne', turn));

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
      assert.equal(queued[0].ref, record._id, 'the record of the call');
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
      (await records(event.key))
        .map((record) => [keyOf(event.key, record.kind).test(record._id), record.kind, record.status])
        .sort(),
      [
        [true, 'action', 'sent'],
        [true, 'message', 'sent'],
        [true, 'message', 'sent'],
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
