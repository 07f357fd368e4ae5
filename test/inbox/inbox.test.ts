import assert from 'node:assert/strict';
import { manualClock } from '../../services/clock';
import type { InboxDocument, InboxEvent, ReceivedEvent } from '../../services/inbox/inboxDocuments';
import { InboxStore } from '../../services/inbox/inboxStore';
import { InboxWorker } from '../../services/inbox/inboxWorker';
import { silentLogger } from '../../services/logger';
import { openTestDatabase, type TestDatabase } from '../support/db';

function event(psid: string, timestamp: number, mid = `m_${psid}_${timestamp}`): InboxEvent {
  return {
    key: `mid:${mid}`,
    psid,
    pageId: 'page',
    source: 'messaging',
    kind: 'message',
    timestamp,
    raw: { n: timestamp },
  };
}

describe('durable inbox', () => {
  let database: TestDatabase;
  let store: InboxStore;
  const start = new Date('2026-11-24T10:00:00Z');

  beforeEach(async () => {
    database = await openTestDatabase('inbox');
    store = new InboxStore(database.db);
    await store.ensureIndexes();
  });
  afterEach(async () => {
    await database.dispose();
  });

  it('stores an event once, whether repeated in a batch, redelivered, or seen by a new instance', async () => {
    assert.deepEqual(await store.accept([event('a', 1), event('a', 1), event('a', 2)], start), {
      stored: 2,
      duplicates: 1,
    });
    assert.deepEqual(await store.accept([event('a', 2), event('a', 3)], start), { stored: 1, duplicates: 1 });
    const restarted = new InboxStore(database.db);
    assert.deepEqual(await restarted.accept([event('a', 1)], start), { stored: 0, duplicates: 1 });
    assert.equal(await database.db.collection('inbox').countDocuments(), 3);
  });

  it('hands the handler each event as it was accepted, with the time it was received', async () => {
    const typed = new InboxStore<'messaging', 'message'>(database.db);
    const accepted: InboxEvent<'messaging', 'message'> = {
      ...event('h', 1),
      source: 'messaging',
      kind: 'message',
    };
    await typed.accept([accepted], start);
    const seen: ReceivedEvent<'messaging', 'message'>[] = [];
    const worker = new InboxWorker({
      store: typed,
      owner: 'w1',
      clock: () => start,
      logger: silentLogger,
      handle: (received) => {
        seen.push(received);
        return Promise.resolve();
      },
    });
    assert.equal(await worker.runOnce(), 1);
    assert.deepEqual(seen, [{ ...accepted, receivedAt: start }]);
  });

  it("processes a sender's events in timestamp order, even when they arrived out of order", async () => {
    await store.accept([event('a', 30), event('a', 10), event('b', 5), event('a', 20)], start);
    const seen: number[] = [];
    const worker = new InboxWorker({
      store,
      owner: 'w1',
      clock: () => start,
      logger: silentLogger,
      handle: (document) => {
        if (document.psid === 'a') seen.push(document.timestamp);
        return Promise.resolve();
      },
    });
    assert.equal(await worker.runOnce(), 4);
    assert.deepEqual(seen, [10, 20, 30]);
    const done = await database.db.collection<InboxDocument>('inbox').find({ status: 'done' }).toArray();
    assert.equal(done.length, 4);
    assert.ok(done.every((document) => document.raw === undefined && document.expiresAt instanceof Date));
  });

  it('lets two workers share 300 events from 30 senders with no event handled twice', async () => {
    const events = Array.from({ length: 300 }, (_, index) => event(`p${index % 30}`, 1_000 + index));
    await store.accept(events, start);
    const handled: string[] = [];
    const bySender = new Map<string, number[]>();
    const handle = async (document: ReceivedEvent): Promise<void> => {
      handled.push(document.key);
      bySender.set(document.psid, [...(bySender.get(document.psid) ?? []), document.timestamp]);
      await new Promise((resolve) => setImmediate(resolve));
    };
    const workers = ['w1', 'w2'].map(
      (owner) =>
        new InboxWorker({
          store,
          owner,
          clock: () => new Date(),
          logger: silentLogger,
          handle,
          pollIntervalMs: 20,
        }),
    );
    workers.forEach((worker) => worker.start());
    const deadline = Date.now() + 60_000;
    while ((await store.events.countDocuments({ status: 'pending' })) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await Promise.all(workers.map((worker) => worker.stop()));
    assert.equal(handled.length, 300);
    assert.equal(new Set(handled).size, 300);
    for (const timestamps of bySender.values()) {
      assert.deepEqual(
        timestamps,
        [...timestamps].sort((x, y) => x - y),
      );
    }
  });

  it('claims several senders at once: their leases in one command, their events in one query', async () => {
    await store.accept([event('a', 2), event('a', 1), event('b', 1), event('c', 1)], start);
    await store.leases.insertOne({ _id: 'c', owner: 'other', until: new Date(start.getTime() + 5_000) });
    const held = await store.acquireMany(['a', 'b', 'c'], 'w1', start);
    assert.deepEqual(held, ['a', 'b'], "c's lease belongs to another instance");
    const events = await store.pendingOf(held, start, 10);
    assert.deepEqual(
      events.get('a')?.map((document) => document.timestamp),
      [1, 2],
    );
    assert.equal(events.get('b')?.length, 1);

    // With a limit that cuts the answer, the senders not read to the end are left to read alone.
    const cut = await store.pendingOf(['a', 'b'], start, 2);
    assert.equal(cut.get('a'), undefined);
    assert.equal(cut.get('b'), undefined);
    const partly = await store.pendingOf(['a', 'b'], start, 3);
    assert.equal(partly.get('a')?.length, 2);
    assert.equal(partly.get('b'), undefined);
  });

  it('keeps draining other senders while one sender takes long (no batch waits for its slowest)', async () => {
    await store.accept(
      Array.from({ length: 12 }, (_, index) => event(`s${index}`, 1)),
      start,
    );
    let releaseSlow: () => void = () => undefined;
    const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
    const handled: string[] = [];
    const worker = new InboxWorker({
      store,
      owner: 'w1',
      clock: () => new Date(),
      logger: silentLogger,
      concurrency: 3,
      pollIntervalMs: 20,
      handle: async (document) => {
        if (document.psid === 's0') await slowGate;
        handled.push(document.psid);
      },
    });
    worker.start();
    try {
      const deadline = Date.now() + 10_000;
      while (handled.length < 11 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(handled.length, 11, 'the 11 other senders went through two free slots');
      assert.ok(!handled.includes('s0'));
      releaseSlow();
    } finally {
      releaseSlow();
      await worker.stop();
    }
    assert.equal(await store.events.countDocuments({ status: 'pending' }), 0);
    assert.equal(await store.leases.countDocuments(), 0, 'every lease given back');
  });

  it('retries a failing event later, holds back the same sender meanwhile, and gives up in the end', async () => {
    const clock = manualClock(start);
    await store.accept([event('a', 1), event('a', 2), event('b', 1)], clock.now());
    let failures = 0;
    const handledTimestamps: string[] = [];
    const worker = new InboxWorker({
      store,
      owner: 'w1',
      clock: clock.now,
      logger: silentLogger,
      retryDelaysMs: [1_000],
      handle: (document) => {
        if (document.psid === 'a' && document.timestamp === 1) {
          failures += 1;
          return Promise.reject(new Error('Graph is down'));
        }
        handledTimestamps.push(`${document.psid}${document.timestamp}`);
        return Promise.resolve();
      },
    });
    await worker.runOnce();
    assert.deepEqual(handledTimestamps, ['b1']);
    assert.equal(failures, 1);

    await worker.runOnce();
    assert.equal(failures, 1, 'not retried before its delay');

    clock.advance(1_001);
    await worker.runOnce();
    assert.equal(failures, 2);
    assert.deepEqual(
      handledTimestamps,
      ['b1', 'a2'],
      'after giving up, the next event of the sender goes on',
    );
    const failed = await store.events.findOne({ _id: 'mid:m_a_1' });
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.attempts, 2);
  });
});
