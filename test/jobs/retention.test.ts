import assert from 'node:assert/strict';
import type { Db } from 'mongodb';
import type { StorageDocument } from '../../services/db/mongoStorage';
import { silentLogger } from '../../services/logger';
import { applyRetention } from '../../services/privacy/retention';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { newEntry } from '../services/support';
import { frenchPosts } from '../../dialogs/testimonials/signature';

const NOW = new Date('2026-06-01T01:30:00Z');
const DAY = 86_400_000;
const ago = (days: number): Date => new Date(NOW.getTime() - days * DAY);

async function seedPerson(db: Db, psid: string, lastSeen: Date): Promise<void> {
  await db.collection('residents').insertOne({
    psid,
    consents: {},
    contact: { channels: ['phone'], phone: '06 12 34 56 78' },
    lastMessageAt: lastSeen,
    createdAt: lastSeen,
    updatedAt: lastSeen,
  });
  await db.collection('entries').insertOne({
    ...newEntry({ psid }),
    status: 'closed',
    flags: [],
    createdAt: lastSeen,
    updatedAt: lastSeen,
    expiresAt: lastSeen,
  });
  await db.collection('matches').insertOne({
    needPsid: psid,
    offerPsid: 'someone',
    status: 'accepted',
    createdAt: lastSeen,
    updatedAt: lastSeen,
  });
  await db.collection<StorageDocument>('bot_state').insertMany([
    { _id: `facebook/users/${psid}`, eTag: '1', state: '{}', updatedAt: lastSeen },
    { _id: `facebook/conversations/${psid}`, eTag: '1', state: '{}', updatedAt: lastSeen },
  ]);
  await db.collection('testimonials').insertMany([
    { psid, text: 'merci', status: 'pending', updatedAt: lastSeen, createdAt: lastSeen },
    { psid, text: 'bravo', status: 'published', postId: '1_2', updatedAt: lastSeen, createdAt: lastSeen },
  ]);
  await db
    .collection('handoffs')
    .insertOne({ psid, transcript: [], summary: '', createdAt: lastSeen, closedAt: lastSeen });
}

describe('retention job', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase('retention');
  });
  after(async () => database.dispose());

  it('deletes the data of residents inactive for 12 months, and nothing of active ones', async () => {
    const { db } = database;
    await seedPerson(db, 'gone', ago(400));
    await seedPerson(db, 'recent', ago(20));
    await seedPerson(db, 'quiet', ago(400));
    // "quiet" has not written for a year, but renewed an entry last month: still active.
    await db.collection('entries').updateOne({ psid: 'quiet' }, { $set: { updatedAt: ago(30) } });
    await db.collection<StorageDocument>('bot_state').insertMany([
      { _id: 'terminal/users/visitor', eTag: '1', state: '{}', updatedAt: ago(380) },
      { _id: 'terminal/users/visitor2', eTag: '1', state: '{}', updatedAt: ago(2) },
      { _id: 'facebook/users/gone2', eTag: '1', state: '{}', updatedAt: ago(2) },
    ]);

    const summary = await applyRetention({ db, logger: silentLogger, texts: frenchPosts }, NOW);

    assert.equal(await db.collection('residents').countDocuments({ psid: 'gone' }), 0);
    assert.equal(await db.collection('entries').countDocuments({ psid: 'gone' }), 0);
    assert.equal(await db.collection('matches').countDocuments({ needPsid: 'gone' }), 0);
    assert.equal(await db.collection('handoffs').countDocuments({ psid: 'gone' }), 0);
    assert.equal(await db.collection('testimonials').countDocuments({ psid: 'gone' }), 0);
    const published = await db
      .collection('testimonials')
      .find({ postId: '1_2', psid: { $exists: false } })
      .toArray();
    assert.equal(published.length, 1, 'the public testimonial stays, without its author');
    assert.equal(published[0]?.text, '', 'nor its text: the post on the Page is what remains');
    const state = await db.collection<StorageDocument>('bot_state').find().sort({ _id: 1 }).toArray();
    assert.deepEqual(
      state.map((document) => document._id),
      // quiet's dialog state, untouched for 400 days, goes as stale state; their data stays.
      [
        'facebook/conversations/recent',
        'facebook/users/gone2',
        'facebook/users/recent',
        'terminal/users/visitor2',
      ],
    );
    for (const psid of ['recent', 'quiet']) {
      assert.equal(await db.collection('residents').countDocuments({ psid }), 1, psid);
      assert.equal(await db.collection('entries').countDocuments({ psid }), 1, psid);
      assert.equal(await db.collection('testimonials').countDocuments({ psid }), 2, psid);
    }
    assert.equal(summary.residents, 1);
    assert.equal(summary.botState, 5);
  });

  it('empties handover transcripts 90 days after closing (or creation when never closed)', async () => {
    const { db } = database;
    await db.collection('handoffs').deleteMany({});
    const line = [{ from: 'resident', at: ago(120), text: 'J’habite 3 rue des Lilas, 06 12 34 56 78' }];
    await db.collection('handoffs').insertMany([
      {
        psid: 'x1',
        status: 'closed',
        summary: 'courses',
        transcript: line,
        createdAt: ago(120),
        closedAt: ago(91),
      },
      {
        psid: 'x2',
        status: 'closed',
        summary: 'courses',
        transcript: line,
        createdAt: ago(120),
        closedAt: ago(89),
      },
      { psid: 'x3', status: 'open', summary: 'courses', transcript: line, createdAt: ago(95) },
      { psid: 'x4', status: 'open', summary: 'courses', transcript: line, createdAt: ago(10) },
    ]);
    const summary = await applyRetention({ db, logger: silentLogger, texts: frenchPosts }, NOW);
    assert.equal(summary.transcripts, 2);
    const handovers = await db
      .collection<{ psid: string; transcript: unknown[]; summary: string }>('handoffs')
      .find()
      .sort({ psid: 1 })
      .toArray();
    assert.deepEqual(
      handovers.map((handover) => [handover.psid, handover.transcript.length, handover.summary]),
      [
        ['x1', 0, ''],
        ['x2', 1, 'courses'],
        ['x3', 0, ''],
        ['x4', 1, 'courses'],
      ],
    );
    assert.equal(
      (await applyRetention({ db, logger: silentLogger, texts: frenchPosts }, NOW)).transcripts,
      0,
    );
  });

  it('deletes the inbox leases an instance that died left behind, and no live one', async () => {
    const { db } = database;
    const leases = db.collection<{ _id: string; owner: string; until: Date }>('inbox_leases');
    const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
    await leases.insertMany([
      { _id: '2000000000000901', owner: 'dead-instance', until: minutesAgo(90) },
      { _id: '2000000000000902', owner: 'slow-instance', until: minutesAgo(5) },
      { _id: '2000000000000903', owner: 'live-instance', until: minutesAgo(-1) },
    ]);
    const summary = await applyRetention({ db, logger: silentLogger, texts: frenchPosts }, NOW);
    assert.equal(summary.abandonedLeases, 1);
    assert.deepEqual(
      (await leases.find().sort({ _id: 1 }).toArray()).map((lease) => lease._id),
      ['2000000000000902', '2000000000000903'],
    );
  });
});
