/**
 * The entries module's use cases over the test database: registration with the daily
 * limit, registration on behalf of someone offline, the matching module's `markMatched`,
 * and the renewal question of the expiry as a typed notice.
 */
import assert from 'node:assert/strict';
import { manualClock } from '../../services/clock';
import type { Resident } from '../../services/domain/types';
import {
  Entries,
  EntryRepository,
  STORAGE_CONSENT_VERSION,
  type EntryInput,
  type NewEntry,
  type Registration,
} from '../../services/entries';
import type { EntryNotice } from '../../services/entries/notices';
import { Limits } from '../../services/limits';
import { silentLogger } from '../../services/logger';
import type { NotifyResult } from '../../services/messaging/notifier';
import { ResidentRepository } from '../../services/residents/residentRepository';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { newEntry, T0 } from './support';

const DAY = 86_400_000;

describe('Entries (use cases)', () => {
  let database: TestDatabase;
  let repository: EntryRepository;
  let residents: ResidentRepository;
  let entries: Entries;
  let audited: unknown[][];
  let notices: Array<{ psid: string; notice: EntryNotice }>;
  let result: NotifyResult;
  const clock = manualClock(T0);

  const registration = (kind: 'need' | 'offer' = 'need'): Registration => {
    const entry: Partial<NewEntry> = newEntry({ kind });
    delete entry.psid;
    return {
      entry: entry as EntryInput,
      consentGiven: true,
      contact: { channels: ['email'], email: 'me@example.org' },
    };
  };

  before(async () => {
    database = await openTestDatabase('entries_module');
  });
  after(async () => database.dispose());
  beforeEach(async () => {
    for (const name of ['entries', 'residents', 'limits']) await database.db.collection(name).deleteMany({});
    clock.set(T0);
    repository = new EntryRepository(database.db, clock.now);
    residents = new ResidentRepository(database.db, clock.now);
    audited = [];
    notices = [];
    result = 'sent';
    entries = new Entries({
      repository,
      residents,
      limits: new Limits({ db: database.db, logger: silentLogger, settings: { needsPerDay: 2 } }),
      audit: {
        record: (...args) => {
          audited.push(args);
          return Promise.resolve();
        },
      },
      notices: {
        notify: (psid, notice) => {
          notices.push({ psid, notice });
          return Promise.resolve(result);
        },
      },
      clock: clock.now,
      logger: silentLogger,
    });
  });

  it('registers the consent, the contact and the entry pending review, up to the daily limit', async () => {
    assert.deepEqual(await entries.dailyAllowance('me', 'need'), { allowed: true });
    const first = await entries.register('me', registration());
    assert.equal(first.status, 'stored');
    assert.ok(first.status === 'stored');
    assert.equal(first.entry.psid, 'me');
    assert.equal(first.entry.status, 'pending_review');
    const resident = (await residents.get('me')) as Resident;
    assert.equal(resident.consents.storage?.version, STORAGE_CONSENT_VERSION);
    assert.equal(resident.consents.storage?.via, 'messenger');
    assert.deepEqual(resident.contact, { channels: ['email'], email: 'me@example.org' });

    assert.equal((await entries.register('me', registration())).status, 'stored');
    assert.deepEqual(await entries.dailyAllowance('me', 'need'), { allowed: false, perDay: 2 });
    assert.deepEqual(await entries.register('me', registration()), { status: 'limit_reached', perDay: 2 });
    assert.equal(await database.db.collection('entries').countDocuments({ psid: 'me' }), 2);
    assert.deepEqual(await entries.dailyAllowance('me', 'offer'), { allowed: true }, 'one limit per kind');
  });

  it('records no consent when none was given in the form (it was given before)', async () => {
    const earlier = new Date(T0.getTime() - DAY);
    await residents.recordStorageConsent('again', {
      given: true,
      at: earlier,
      version: 'storage-v0',
      via: 'messenger',
    });
    clock.advance(60_000);
    const outcome = await entries.register('again', { ...registration(), consentGiven: false });
    assert.equal(outcome.status, 'stored');
    const consent = (await residents.get('again'))?.consents.storage;
    assert.equal(consent?.version, 'storage-v0');
    assert.deepEqual(consent?.at, earlier);
  });

  it('registers on behalf of someone offline: their own id, the phone as contact, their name for the referents, audited', async () => {
    const { entry: input } = registration('offer');
    const entry = await entries.registerOnBehalf({
      moderatorPsid: 'mod',
      entry: input,
      via: 'phone',
      phone: '0611223344',
      person: { name: 'Lucienne Ferrand', addressAs: 'Mme Ferrand' },
    });
    assert.match(entry.psid, /^offline:[0-9a-f]{16}$/);
    assert.equal(entry.registeredBy, 'mod');
    const person = await residents.get(entry.psid);
    assert.equal(person?.consents.storage?.via, 'phone');
    assert.deepEqual(person?.contact, { channels: ['phone'], phone: '0611223344' });
    assert.equal(person?.offline?.name, 'Lucienne Ferrand');
    assert.equal(person?.offline?.addressAs, 'Mme Ferrand');
    assert.equal(person?.offline?.registeredBy, 'mod');
    assert.doesNotMatch(entry.description, /Ferrand/, 'the name is never in what helpers read');
    assert.deepEqual(audited, [
      ['mod', 'entry.register', { type: 'entry', id: entry._id.toHexString() }, 'phone'],
    ]);
  });

  it('marks the entries of a match matched, unless closed or withdrawn', async () => {
    const need = await repository.create(newEntry({ psid: 'a', kind: 'need' }));
    const offer = await repository.create(newEntry({ psid: 'b' }));
    await repository.publish(offer._id);
    await repository.withdraw(need._id, 'a');
    await entries.markMatched(need._id, offer._id);
    assert.equal((await repository.get(need._id))?.status, 'withdrawn');
    assert.equal((await repository.get(offer._id))?.status, 'matched');
  });

  it('asks the owner of an expired entry to renew it with a typed notice, once', async () => {
    const entry = await repository.create(newEntry({ psid: 'owner' }));
    const now = new Date(T0.getTime() + 31 * DAY);
    assert.deepEqual(await entries.expireOverdue(now), { asked: 1, closed: 0, closedTold: 0, waiting: 0 });
    assert.deepEqual(notices, [
      {
        psid: 'owner',
        notice: {
          type: 'entries.renewalAsked',
          entryId: entry._id.toHexString(),
          category: 'groceries',
          graceDays: 3,
        },
      },
    ]);
    assert.deepEqual(await entries.expireOverdue(now), { asked: 0, closed: 0, closedTold: 0, waiting: 1 });
    result = 'outside_window';
    const other = await repository.create(newEntry({ psid: 'away' }));
    assert.deepEqual(await entries.expireOverdue(new Date(T0.getTime() + 32 * DAY)), {
      asked: 0,
      closed: 1,
      closedTold: 0,
      waiting: 1,
    });
    assert.equal((await repository.get(other._id))?.status, 'closed');
  });

  it('tells the owner when their entry is closed at its expiry', async () => {
    const entry = await repository.create(newEntry({ psid: 'owner', kind: 'need' }));
    await entries.expireOverdue(new Date(T0.getTime() + 31 * DAY));
    notices.length = 0;
    const summary = await entries.expireOverdue(new Date(T0.getTime() + 34 * DAY));
    assert.deepEqual(summary, { asked: 0, closed: 1, closedTold: 1, waiting: 0 });
    assert.equal((await repository.get(entry._id))?.status, 'closed');
    assert.deepEqual(notices, [
      {
        psid: 'owner',
        notice: {
          type: 'entries.closedByExpiry',
          entryId: entry._id.toHexString(),
          kind: 'need',
          category: 'groceries',
        },
      },
    ]);
  });

  it('keeps a recurring offer available after a match and counts the neighbours it helped', async () => {
    const offer = await repository.create(newEntry({ psid: 'b', recurring: true }));
    await repository.publish(offer._id);
    for (const asker of ['a', 'c']) {
      const need = await repository.create(newEntry({ psid: asker, kind: 'need' }));
      await entries.markMatched(need._id, offer._id);
      assert.equal((await repository.get(need._id))?.status, 'matched');
    }
    const after = await repository.get(offer._id);
    assert.equal(after?.status, 'published');
    assert.equal(after?.recurring, true);
    assert.equal(after?.helpedCount, 2);
    assert.equal(await entries.pause(offer._id, 'b'), true, 'still pausable');
    assert.equal(await entries.setRecurring(offer._id, 'b', false), true);
    const oneOff = await repository.create(newEntry({ psid: 'b' }));
    await repository.publish(oneOff._id);
    const need = await repository.create(newEntry({ psid: 'a', kind: 'need' }));
    await entries.markMatched(need._id, oneOff._id);
    const used = await repository.get(oneOff._id);
    assert.equal(used?.status, 'matched', 'a one-off offer is used up');
    assert.equal(used?.helpedCount, 1);
    assert.equal(used?.recurring, undefined);
  });

  it("publishes a used-up one-off offer again once, within the day's limit, or makes it regular", async () => {
    const limited = new Entries({
      repository,
      residents,
      limits: new Limits({ db: database.db, logger: silentLogger, settings: { offersPerDay: 1 } }),
      audit: { record: () => Promise.resolve() },
      notices: { notify: () => Promise.resolve('sent' as const) },
      clock: clock.now,
      logger: silentLogger,
    });
    const usedUp = async (): Promise<string> => {
      const offer = await repository.create(newEntry({ psid: 'b', description: 'Courses le samedi' }));
      await repository.publish(offer._id);
      const need = await repository.create(newEntry({ psid: 'a', kind: 'need' }));
      await limited.markMatched(need._id, offer._id);
      return offer._id.toHexString();
    };
    const first = await usedUp();
    assert.deepEqual(await limited.republish(first, 'a'), { status: 'unavailable' }, 'only its owner');
    const again = await limited.republish(first, 'b');
    assert.equal(again.status, 'stored');
    assert.equal(again.status === 'stored' && again.entry.status, 'pending_review');
    assert.equal(again.status === 'stored' && again.entry.description, 'Courses le samedi');
    assert.deepEqual(await limited.republish(first, 'b'), { status: 'unavailable' }, 'once');
    // Past the day's limit nothing is stored, and the offer can still be published again later.
    const second = await usedUp();
    assert.deepEqual(await limited.republish(second, 'b'), { status: 'limit_reached', perDay: 1 });
    assert.equal((await repository.get(second))?.republishedAt, undefined);
    assert.equal(await limited.makeRegular(second, 'b'), true);
    const regular = await repository.get(second);
    assert.equal(regular?.status, 'published');
    assert.equal(regular?.recurring, true);
    assert.equal(await limited.makeRegular(second, 'b'), true, 'an active offer made regular stays so');
    assert.equal(await limited.makeRegular(first, 'a'), false, 'not theirs');
  });

  it("records that a need's author accepts the order of helpers, on their own need only", async () => {
    const need = await repository.create(newEntry({ psid: 'a', kind: 'need' }));
    assert.equal(await entries.acceptOrder(need._id, 'b'), false);
    assert.equal(await entries.acceptOrder(need._id, 'a'), true);
    assert.equal((await repository.get(need._id))?.orderAccepted, true);
  });
});
