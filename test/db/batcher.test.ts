import assert from 'node:assert/strict';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import {
  Batcher,
  followTimedOutFlushes,
  FlushTimeoutError,
  type Outcome,
  type TimedOutFlush,
} from '../../services/db/batcher';
import { isTransientFailure } from '../../bot/transient';
import { insertEach, writeEach } from '../../services/db/bulk';
import { MongoStorage, type StorageDocument } from '../../services/db/mongoStorage';
import { openTestDatabase, type TestDatabase } from '../support/db';

/** A batcher whose flushes are recorded and finish when the test says so. */
function gatedBatcher(options: { maxInFlight?: number; maxWeight?: number } = {}) {
  const flushes: number[][] = [];
  const gates: Array<() => void> = [];
  const batcher = new Batcher<number, number>(async (items) => {
    flushes.push([...items]);
    await new Promise<void>((resolve) => gates.push(resolve));
    return items.map((item): Outcome<number> =>
      item < 0 ? { error: new Error(`bad ${item}`) } : { value: item * 10 },
    );
  }, options);
  const openGate = async (): Promise<void> => {
    while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
    gates.shift()!();
  };
  return { batcher, flushes, openGate };
}

describe('group commit (Batcher)', () => {
  it('sends requests of one turn of the event loop together, and each caller gets its own answer', async () => {
    const { batcher, flushes, openGate } = gatedBatcher();
    const answers = Promise.allSettled([1, 2, -3, 4].map((item) => batcher.submit(item)));
    await openGate();
    const settled = await answers;
    assert.deepEqual(flushes, [[1, 2, -3, 4]]);
    assert.deepEqual(
      settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : String(outcome.reason))),
      [10, 20, 'Error: bad -3', 40],
    );
  });

  it('lets requests made during a flush wait and go out together in the next one', async () => {
    const { batcher, flushes, openGate } = gatedBatcher({ maxInFlight: 1 });
    const first = batcher.submit(1);
    while (flushes.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((item) => batcher.submit(item));
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(flushes.length, 1, 'nothing else goes out while the only flush slot is taken');
    await openGate();
    await openGate();
    assert.deepEqual(await Promise.all([first, ...later]), [10, 20, 30, 40]);
    assert.deepEqual(flushes, [[1], [2, 3, 4]]);
  });

  it('caps a flush at maxWeight', async () => {
    const { batcher, flushes, openGate } = gatedBatcher({ maxWeight: 2 });
    const answers = Promise.all([1, 2, 3].map((item) => batcher.submit(item)));
    await openGate();
    await openGate();
    await answers;
    assert.deepEqual(flushes, [[1, 2], [3]]);
  });

  it('rejects every request of a flush that failed as a whole', async () => {
    const batcher = new Batcher<number, number>(() => Promise.reject(new Error('database gone')));
    const outcomes = await Promise.allSettled([1, 2].map((item) => batcher.submit(item)));
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status === 'rejected' && (outcome.reason as Error).message),
      ['database gone', 'database gone'],
    );
  });

  it('fails the requests of a flush that never ends, and goes on with the next batch', async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(
      (items) => {
        calls += 1;
        // The first command never comes back (a connection lost without an error).
        if (calls === 1) return new Promise(() => undefined);
        return Promise.resolve(items.map((item) => ({ value: item })));
      },
      { flushTimeoutMs: 50 },
    );
    await assert.rejects(batcher.submit(1), FlushTimeoutError);
    assert.equal(await batcher.submit(2), 2);
  });

  it('tells a timed-out flush that answers late from one that never settles', async () => {
    const followed: TimedOutFlush[] = [];
    followTimedOutFlushes((flush) => followed.push(flush), 300);
    try {
      let calls = 0;
      const batcher = new Batcher<number, number>(
        async (items) => {
          calls += 1;
          // The first command hangs for good, the second answers after its timeout.
          if (calls === 1) return new Promise(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, 120));
          return items.map((item) => ({ value: item }));
        },
        { flushTimeoutMs: 50 },
      );
      await assert.rejects(batcher.submit(1), FlushTimeoutError);
      await assert.rejects(batcher.submit(2), FlushTimeoutError);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const late = followed.find((flush) => flush.settled);
      const never = followed.find((flush) => !flush.settled);
      assert.equal(followed.length, 2);
      assert.equal(late?.outcome, 'answered');
      assert.ok(late && late.afterMs >= 100 && late.afterMs < 300, `settled late after ${late?.afterMs} ms`);
      assert.ok(never && never.afterMs >= 290, `given up after ${never?.afterMs} ms`);
    } finally {
      followTimedOutFlushes(undefined);
    }
  });

  it('fails a bulk write the database never got with the driver’s own error, one the inbox retries', async () => {
    // Nothing listens on port 9: every command fails as a whole, as in an outage.
    const client = new MongoClient('mongodb://127.0.0.1:9/', { serverSelectionTimeoutMS: 200 });
    const collection = client.db('unreachable').collection<{ _id: string }>('things');
    try {
      for (const attempt of [
        () => insertEach(collection, [{ _id: 'a' }]),
        () => writeEach(collection, [{ deleteOne: { filter: { _id: 'a' } } }]),
      ]) {
        await assert.rejects(attempt(), (error: unknown) => {
          assert.notEqual((error as Error).name, 'MongoBulkWriteError');
          assert.equal(isTransientFailure(error), true, (error as Error).name);
          return true;
        });
      }
    } finally {
      await client.close();
    }
  });

  describe('on the database', () => {
    let database: TestDatabase;
    let client: MongoClient;
    const commands: CommandStartedEvent[] = [];
    before(async () => {
      database = await openTestDatabase('batcher');
      client = new MongoClient(database.uri, { monitorCommands: true });
      client.on('commandStarted', (event) => commands.push(event));
      await client.connect();
    });
    after(async () => {
      await client.close();
      await database.dispose();
    });

    it('serves 20 concurrent conversation states with one find and one update command', async () => {
      const storage = new MongoStorage(client.db(database.name).collection<StorageDocument>('states'));
      const keys = Array.from({ length: 20 }, (_, index) => `conversation/${index}`);
      commands.length = 0;
      const read = await Promise.all(keys.map((key) => storage.read([key])));
      assert.ok(read.every((items) => Object.keys(items).length === 0));
      await Promise.all(keys.map((key, index) => storage.write({ [key]: { turn: index } })));
      assert.deepEqual(
        commands.map((command) => command.commandName),
        ['find', 'update'],
      );
      const stored = await storage.read(keys);
      assert.deepEqual(
        keys.map((key) => (stored[key] as { turn: number }).turn),
        keys.map((_, index) => index),
      );
    });
  });
});
