import assert from 'node:assert/strict';
import { EntryRepository, type ExpiringEntry } from '../../services/entries';
import { createExpireEntriesJob } from '../../services/entries/jobs';
import { newEntry } from '../services/support';
import { openJobsHarness, payloadsOf, type JobsHarness } from './support';

const CREATED = new Date('2026-04-01T08:00:00Z');
const DAY = 86_400_000;
const day = (n: number, hours = 0): Date => new Date(CREATED.getTime() + n * DAY + hours * 3_600_000);

describe('expire-entries job', () => {
  let h: JobsHarness;
  let entries: EntryRepository;
  const collection = () => h.database.db.collection<ExpiringEntry>('entries');
  const run = (at: Date) => {
    h.clock.set(at);
    return createExpireEntriesJob(h.modules.entries).run({ now: at });
  };

  before(async () => {
    h = await openJobsHarness('expire_entries', CREATED);
    entries = new EntryRepository(h.database.db, h.clock.now);
  });
  after(async () => h.dispose());
  beforeEach(async () => {
    h.resetGraph();
    h.clock.set(CREATED);
    await collection().deleteMany({});
    await h.database.db.collection('conversation_refs').deleteMany({});
  });

  it('asks the owner once inside the window, then closes the entry after the grace period', async () => {
    const entry = await entries.create(newEntry({ psid: 'owner' }));
    await entries.publish(entry._id);
    assert.deepEqual(
      await run(day(29)),
      { asked: 0, closed: 0, closedTold: 0, waiting: 0 },
      'not expired yet (30 days)',
    );
    await h.wrote('owner', day(30, -2));
    assert.deepEqual(await run(day(30, 1)), { asked: 1, closed: 0, closedTold: 0, waiting: 0 });
    const asked = h.messagesTo('owner');
    assert.equal(asked.length, 1);
    const id = entry._id.toHexString();
    assert.deepEqual(payloadsOf(asked[0]), [`ENTRY_RENEW_${id}`, `ENTRY_CLOSE_${id}`]);
    assert.deepEqual((await collection().findOne({ _id: entry._id }))?.renewalAskedAt, day(30, 1));

    await h.wrote('owner', day(31));
    assert.deepEqual(
      await run(day(31, 1)),
      { asked: 0, closed: 0, closedTold: 0, waiting: 1 },
      'asked once only',
    );
    assert.equal(h.messagesTo('owner').length, 1);
    assert.deepEqual(await run(day(33, 1)), { asked: 0, closed: 1, closedTold: 0, waiting: 0 });
    const closed = await collection().findOne({ _id: entry._id });
    assert.equal(closed?.status, 'closed');
    assert.equal(closed?.closedReason, 'expired');
  });

  it('closes at once when the owner is outside the window', async () => {
    const entry = await entries.create(newEntry({ psid: 'silent' }));
    await h.wrote('silent', day(2));
    assert.deepEqual(await run(day(30, 1)), { asked: 0, closed: 1, closedTold: 0, waiting: 0 });
    assert.equal(h.messagesTo('silent').length, 0);
    assert.equal((await collection().findOne({ _id: entry._id }))?.status, 'closed');
  });

  it('keeps a renewed entry, and asks again at its next expiry', async () => {
    const entry = await entries.create(newEntry({ psid: 'owner' }));
    await h.wrote('owner', day(30));
    await run(day(30, 1));
    h.clock.set(day(31));
    assert.equal(await entries.renew(entry._id, 'owner'), true);
    assert.deepEqual(await run(day(34)), { asked: 0, closed: 0, closedTold: 0, waiting: 0 });
    assert.equal((await collection().findOne({ _id: entry._id }))?.status, 'pending_review');
    await h.wrote('owner', day(61));
    assert.deepEqual(await run(day(61, 1)), { asked: 1, closed: 0, closedTold: 0, waiting: 0 });
    assert.equal(h.messagesTo('owner').length, 2);
  });

  it('leaves matched, closed and withdrawn entries alone', async () => {
    const matched = await entries.create(newEntry({ psid: 'a' }));
    await collection().updateOne({ _id: matched._id }, { $set: { status: 'matched' } });
    const withdrawn = await entries.create(newEntry({ psid: 'b' }));
    await entries.withdraw(withdrawn._id, 'b');
    assert.deepEqual(await run(day(40)), { asked: 0, closed: 0, closedTold: 0, waiting: 0 });
  });
});
