import assert from 'node:assert/strict';
import { ObjectId } from 'mongodb';
import { manualClock, type ManualClock } from '../../services/clock';
import type { Entry } from '../../services/domain/types';
import { CodedError } from '../../services/errors';
import { EntryRepository } from '../../services/entries/entryRepository';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { newEntry, T0 } from './support';

const DAY = 24 * 60 * 60 * 1000;

describe('EntryRepository', () => {
  let database: TestDatabase;
  let clock: ManualClock;
  let entries: EntryRepository;

  before(async () => {
    database = await openTestDatabase('entries');
  });
  after(async () => database.dispose());
  beforeEach(async () => {
    await database.db.collection('entries').deleteMany({});
    clock = manualClock(T0);
    entries = new EntryRepository(database.db, clock.now);
    await entries.ensureIndexes();
  });

  it('creates a pending entry with dates, expiry, trimmed and capped texts', async () => {
    const created = await entries.create(
      newEntry({
        description: `  ${'a'.repeat(700)}  `,
        availability: '  le   soir ',
        flags: ['money', 'money'],
      }),
    );
    const stored = await database.db.collection<Entry>('entries').findOne({ _id: created._id });
    assert.ok(stored);
    assert.equal(stored.status, 'pending_review');
    assert.equal(stored.description.length, 500);
    assert.equal(stored.availability, 'le soir');
    assert.deepEqual(stored.flags, ['money']);
    assert.deepEqual(stored.createdAt, T0);
    assert.deepEqual(stored.expiresAt, new Date(T0.getTime() + 30 * DAY));
  });

  it('honours expiryDays and rejects malformed input', async () => {
    const shortLived = new EntryRepository(database.db, clock.now, { expiryDays: 7 });
    const created = await shortLived.create(newEntry());
    assert.deepEqual(created.expiresAt, new Date(T0.getTime() + 7 * DAY));
    const bad = [
      { category: 'weapons' },
      { kind: 'gift' },
      { description: '   ' },
      { description: { $ne: null } },
      { psid: { $ne: null } },
      { location: { type: 'Point', coordinates: [5, 120] } },
    ] as const;
    for (const override of bad) {
      await assert.rejects(entries.create(newEntry(override as never)), CodedError, JSON.stringify(override));
    }
    assert.equal(await database.db.collection('entries').countDocuments(), 1);
  });

  it('stores an injection-looking text as plain text', async () => {
    const created = await entries.create(newEntry({ description: '{"$ne": null}' }));
    const stored = await entries.get(created._id.toHexString());
    assert.equal(stored?.description, '{"$ne": null}');
  });

  it('finds nothing for malformed ids and sends no operator', async () => {
    const created = await entries.create(newEntry());
    assert.equal(await entries.get('{"$ne": null}'), null);
    assert.equal(await entries.get({ $ne: null } as never), null);
    assert.equal(await entries.withdraw('{"$ne": null}', 'psid-helper'), false);
    assert.equal(await entries.withdraw(created._id, { $ne: null } as never), false);
    assert.equal((await entries.get(created._id))?.status, 'pending_review');
  });

  it('publishes, pauses, resumes, renews and withdraws, only for the owner', async () => {
    const created = await entries.create(newEntry());
    const id = created._id.toHexString();
    assert.equal(await entries.publish(id), true);
    assert.equal(await entries.publish(id), false, 'already published');

    assert.equal(await entries.pause(id, 'someone-else'), false);
    assert.equal(await entries.pause(id, 'psid-helper'), true);
    assert.equal((await entries.get(id))?.paused, true);
    assert.equal(await entries.pause(id, 'psid-helper'), false, 'already paused');
    assert.equal(await entries.resume(id, 'someone-else'), false);
    assert.equal(await entries.resume(id, 'psid-helper'), true);
    assert.equal((await entries.get(id))?.paused, false);

    clock.advance(20 * DAY);
    assert.equal(await entries.renew(id, 'someone-else'), false);
    assert.equal(await entries.renew(id, 'psid-helper'), true);
    assert.deepEqual((await entries.get(id))?.expiresAt, new Date(T0.getTime() + 50 * DAY));

    assert.equal(await entries.withdraw(id, 'someone-else'), false);
    assert.equal((await entries.get(id))?.status, 'published');
    assert.equal(await entries.withdraw(id, 'psid-helper'), true);
    assert.equal((await entries.get(id))?.status, 'withdrawn');
    assert.equal(await entries.withdraw(id, 'psid-helper'), false, 'already withdrawn');
    assert.equal(await entries.renew(id, 'psid-helper'), false, 'withdrawn entries are not renewed');
    assert.equal(await entries.pause(id, 'psid-helper'), false);
  });

  it('lists a resident’s entries, withdrawn last, most recent first', async () => {
    const first = await entries.create(newEntry({ description: 'first' }));
    clock.advance(1000);
    const second = await entries.create(newEntry({ description: 'second' }));
    clock.advance(1000);
    const third = await entries.create(newEntry({ description: 'third' }));
    await entries.create(newEntry({ psid: 'someone-else' }));
    await entries.withdraw(third._id, 'psid-helper');
    const listed = await entries.listByResident('psid-helper');
    assert.deepEqual(
      listed.map((entry) => entry.description),
      ['second', 'first', 'third'],
    );
    assert.ok(listed[0]._id.equals(second._id));
    assert.ok(listed[1]._id.equals(first._id));
  });

  it('leaves unknown ids alone', async () => {
    assert.equal(await entries.get(new ObjectId()), null);
    assert.equal(await entries.publish(new ObjectId()), false);
  });
});
