import assert from 'node:assert/strict';
import { MongoClient } from 'mongodb';
import { GroupCommit } from '../../services/inbox/groupCommit';
import type { InboxDocument } from '../../services/inbox/inboxDocuments';
import { openTestDatabase, type TestDatabase } from '../support/db';

function document(id: string): InboxDocument {
  const now = new Date();
  return {
    _id: id,
    psid: 'p',
    pageId: 'page',
    source: 'messaging',
    kind: 'message',
    timestamp: 1,
    raw: {},
    status: 'pending',
    receivedAt: now,
    attempts: 0,
    availableAt: now,
  };
}

describe('inbox group commit', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase('groupcommit');
  });
  afterEach(async () => {
    await database.dispose();
  });

  it('stores concurrent deliveries together and tells each caller how many of its own were new', async () => {
    const collection = database.db.collection<InboxDocument>('inbox');
    await collection.insertOne(document('seen-before'));
    const commit = new GroupCommit(collection, { maxInFlight: 1 });
    const results = await Promise.all([
      commit.insert([document('a'), document('b')]),
      commit.insert([document('b'), document('c')]), // "b" again in the same batch
      commit.insert([document('seen-before')]),
      ...Array.from({ length: 20 }, (_, i) => commit.insert([document(`n${i}`)])),
    ]);
    assert.deepEqual(results.slice(0, 3), [2, 1, 0]);
    assert.ok(results.slice(3).every((inserted) => inserted === 1));
    assert.equal(await collection.countDocuments(), 1 + 3 + 20);
  });

  it('rejects every caller of a batch the database did not take', async () => {
    const client = new MongoClient(database.uri, { serverSelectionTimeoutMS: 300 });
    const collection = client.db(database.name).collection<InboxDocument>('inbox');
    await client.close();
    const commit = new GroupCommit(collection);
    const outcomes = await Promise.allSettled([
      commit.insert([document('x')]),
      commit.insert([document('y')]),
    ]);
    assert.deepEqual(
      outcomes.map((outcome) => outcome.status),
      ['rejected', 'rejected'],
    );
  });
});
