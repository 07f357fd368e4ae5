/**
 * The MongoDB-compatible server the root hooks prepared, through the official driver.
 *
 * These tests hold for a real MongoDB replica set as well as for the local engine (DocumentDB
 * behind the gateway): they assert MongoDB's documented behaviour, not the gateway's.
 */
import { strict as assert } from 'node:assert';
import { MongoClient, MongoServerError, type Collection, type Document } from 'mongodb';
import { localEngineUri, startLocalEngine, stopLocalEngine } from '../../tools/localdb/engine';
import { enginePaths, instancePaths } from '../../tools/localdb/paths';
import { readState } from '../../tools/localdb/state';
import { openTestDatabase, type TestDatabase } from '../support/db';

/** Miramas, place Jean Jaurès (approximately). */
const MIRAMAS: [number, number] = [5.0, 43.58];
/** Degrees of latitude per metre. */
const DEGREE_PER_METRE = 1 / 111_195;

function pointNorthOf(
  origin: [number, number],
  metres: number,
): { type: 'Point'; coordinates: [number, number] } {
  return { type: 'Point', coordinates: [origin[0], origin[1] + metres * DEGREE_PER_METRE] };
}

describe('MongoDB-compatible server (driver-level behaviour)', function () {
  let test: TestDatabase;

  before(async function () {
    test = await openTestDatabase('gateway');
  });

  after(async function () {
    await test?.dispose();
  });

  function collection<T extends Document = Document>(name: string): Collection<T> {
    return test.db.collection<T>(name);
  }

  it('inserts, finds with sort and projection, updates and deletes', async function () {
    const people = collection('people');
    await people.insertMany([
      { name: 'Alice', age: 34, town: 'Miramas' },
      { name: 'Bruno', age: 71, town: 'Miramas' },
      { name: 'Chloé', age: 52, town: 'Istres' },
    ]);
    const found = await people
      .find({ town: 'Miramas' }, { projection: { _id: 0, name: 1 } })
      .sort({ age: -1 })
      .toArray();
    assert.deepEqual(found, [{ name: 'Bruno' }, { name: 'Alice' }]);

    const updated = await people.updateOne({ name: 'Alice' }, { $inc: { age: 1 } });
    assert.equal(updated.modifiedCount, 1);
    assert.equal((await people.findOne({ name: 'Alice' }))?.age, 35);

    assert.equal(await people.countDocuments({ town: 'Miramas' }), 2);
    assert.deepEqual((await people.distinct('town')).sort(), ['Istres', 'Miramas']);
    const deleted = await people.deleteMany({ town: 'Miramas' });
    assert.equal(deleted.deletedCount, 2);
    assert.equal(await people.countDocuments({}), 1);
  });

  it('iterates 1,000 documents in batches of 100 (getMore)', async function () {
    const many = collection('many');
    await many.insertMany(Array.from({ length: 1000 }, (_, i) => ({ i })));
    const seen: number[] = [];
    for await (const doc of many.find({}, { batchSize: 100 }).sort({ i: 1 })) seen.push(doc.i as number);
    assert.equal(seen.length, 1000);
    assert.deepEqual(seen.slice(0, 3), [0, 1, 2]);
    assert.equal(seen[999], 999);
    const unsorted = await many.find({ i: { $gte: 500 } }, { batchSize: 100 }).toArray();
    assert.equal(unsorted.length, 500);
  });

  it('rejects a duplicate on a unique index with code 11000', async function () {
    const users = collection('users');
    await users.createIndex({ psid: 1 }, { unique: true });
    await users.insertOne({ psid: 'p-1' });
    await assert.rejects(users.insertOne({ psid: 'p-1' }), (error: unknown) => {
      assert.ok(error instanceof MongoServerError);
      assert.equal(error.code, 11000);
      return true;
    });
    assert.equal(await users.countDocuments({ psid: 'p-1' }), 1);
  });

  it('rejects an upserting findOneAndUpdate that would duplicate a unique key with code 11000', async function () {
    const limits = collection('limits');
    await limits.createIndex({ key: 1 }, { unique: true });
    await limits.insertOne({ key: 'k-1', points: 1 });
    await assert.rejects(
      limits.findOneAndUpdate(
        { key: 'k-1', expiresAt: { $gt: new Date() } },
        { $inc: { points: 1 } },
        { upsert: true, returnDocument: 'after' },
      ),
      (error: unknown) => {
        assert.ok(error instanceof MongoServerError);
        assert.equal(error.code, 11000);
        return true;
      },
    );
  });

  it('upserts with findOneAndUpdate and returns the new document', async function () {
    const counters = collection('counters');
    const first = await counters.findOneAndUpdate(
      { _id: 'requests' as unknown as never },
      { $inc: { value: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    assert.equal(first?.value, 1);
    const second = await counters.findOneAndUpdate(
      { _id: 'requests' as unknown as never },
      { $inc: { value: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    assert.equal(second?.value, 2);
  });

  it('lets an eTag-guarded update lose when the eTag changed', async function () {
    const state = collection('state');
    await state.insertOne({ key: 'conversation', eTag: 'e1', step: 1 });
    const won = await state.updateOne({ key: 'conversation', eTag: 'e1' }, { $set: { eTag: 'e2', step: 2 } });
    assert.equal(won.matchedCount, 1);
    const lost = await state.updateOne(
      { key: 'conversation', eTag: 'e1' },
      { $set: { eTag: 'e3', step: 3 } },
    );
    assert.equal(lost.matchedCount, 0);
    assert.equal((await state.findOne({ key: 'conversation' }))?.step, 2);
  });

  it('aggregates with $match, $group and $sort', async function () {
    const requests = collection('requests');
    await requests.insertMany([
      { kind: 'courses', status: 'open' },
      { kind: 'courses', status: 'open' },
      { kind: 'bricolage', status: 'open' },
      { kind: 'courses', status: 'closed' },
    ]);
    const result = await requests
      .aggregate([
        { $match: { status: 'open' } },
        { $group: { _id: '$kind', n: { $sum: 1 } } },
        { $sort: { n: -1 } },
      ])
      .toArray();
    assert.deepEqual(result, [
      { _id: 'courses', n: 2 },
      { _id: 'bricolage', n: 1 },
    ]);
  });

  it('finds neighbours within 1 km with a 2dsphere index ($near and $geoNear)', async function () {
    const places = collection('places');
    await places.createIndex({ location: '2dsphere' });
    await places.insertMany([
      { label: 'at 800 m', location: pointNorthOf(MIRAMAS, 800) },
      { label: 'at 1200 m', location: pointNorthOf(MIRAMAS, 1200) },
    ]);
    const origin = { type: 'Point', coordinates: MIRAMAS };
    const near = await places
      .find({ location: { $near: { $geometry: origin, $maxDistance: 1000 } } })
      .toArray();
    assert.deepEqual(
      near.map((place) => place.label as string),
      ['at 800 m'],
    );
    const geoNear = await places
      .aggregate([
        { $geoNear: { near: origin, distanceField: 'distance', maxDistance: 1000, spherical: true } },
      ])
      .toArray();
    assert.equal(geoNear.length, 1);
    assert.equal(geoNear[0]?.label, 'at 800 m');
    const distance = geoNear[0]?.distance as number;
    assert.ok(Math.abs(distance - 800) < 20, `distance ${distance} should be about 800 m`);
  });

  it('commits a transaction, invisible to others until committed', async function () {
    const accounts = collection('accounts');
    await accounts.insertOne({ name: 'pot commun', balance: 100 });
    const session = test.client.startSession();
    try {
      await session.withTransaction(async () => {
        await accounts.updateOne({ name: 'pot commun' }, { $inc: { balance: -30 } }, { session });
        await accounts.insertOne({ name: 'courses', balance: 30 }, { session });
        assert.equal(await accounts.countDocuments({ name: 'courses' }), 0, 'visible outside before commit');
      });
    } finally {
      await session.endSession();
    }
    assert.equal((await accounts.findOne({ name: 'pot commun' }))?.balance, 70);
    assert.equal(await accounts.countDocuments({ name: 'courses' }), 1);
  });

  it('rolls back an aborted transaction', async function () {
    const accounts = collection('accounts_abort');
    await accounts.insertOne({ name: 'caisse', balance: 10 });
    const session = test.client.startSession();
    try {
      session.startTransaction();
      await accounts.updateOne({ name: 'caisse' }, { $set: { balance: 0 } }, { session });
      assert.equal((await accounts.findOne({ name: 'caisse' }, { session }))?.balance, 0);
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    assert.equal((await accounts.findOne({ name: 'caisse' }))?.balance, 10);
  });

  it('accepts a TTL index and lists indexes', async function () {
    const sessions = collection('sessions');
    await sessions.createIndex({ createdAt: 1 }, { expireAfterSeconds: 3600 });
    const indexes = (await sessions.listIndexes().toArray()) as Document[];
    const ttl = indexes.find((index) => index.name === 'createdAt_1');
    assert.ok(ttl, `no createdAt_1 in ${indexes.map((index) => String(index.name)).join(', ')}`);
    assert.equal(ttl.expireAfterSeconds, 3600);
    assert.ok(indexes.some((index) => index.name === '_id_'));
  });
});

describe('local engine lifecycle', function () {
  this.timeout(120_000);

  before(async function () {
    const state = await readState(instancePaths(enginePaths(), 'test').stateFile);
    if (!state || process.env.MONGODB_URI !== localEngineUri(state.gatewayPort)) {
      this.skip(); // MONGODB_URI points at another server: there is no local engine to test
    }
  });

  it('reuses a running instance quickly', async function () {
    const started = Date.now();
    const again = await startLocalEngine({ instance: 'test' });
    assert.equal(again.reused, true);
    assert.equal(again.uri, process.env.MONGODB_URI);
    assert.ok(Date.now() - started < 5_000, `reuse took ${Date.now() - started} ms`);
  });

  it('starts, reuses and stops a separate instance', async function () {
    const instance = 'lifecycle-test';
    const first = await startLocalEngine({ instance });
    try {
      assert.equal((await startLocalEngine({ instance })).reused, true);
      const client = await MongoClient.connect(first.uri);
      try {
        assert.equal((await client.db('admin').command({ ping: 1 })).ok, 1);
      } finally {
        await client.close();
      }
    } finally {
      await stopLocalEngine({ instance });
    }
    await stopLocalEngine({ instance }); // stopping twice is harmless
    const stopped = new MongoClient(first.uri, { serverSelectionTimeoutMS: 500 });
    await assert.rejects(stopped.connect());
    await stopped.close();
  });
});
