import assert from 'node:assert/strict';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { manualClock } from '../../services/clock';
import { AttentionFlags } from '../../services/conversations/attention';
import type { Consent } from '../../services/domain/types';
import { ensureDomainIndexes } from '../../services/domain/ensureIndexes';
import { CodedError } from '../../services/errors';
import { EntryRepository } from '../../services/entries/entryRepository';
import { MatchRepository } from '../../services/matching/matchRepository';
import { exportPersonalData } from '../../services/privacy/export';
import { erasePerson } from '../../services/privacy/erasure';
import { ResidentRepository } from '../../services/residents/residentRepository';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { newEntry, T0 } from './support';
import { frenchPosts } from '../../dialogs/testimonials/signature';

const consent = (at: Date): Consent => ({ given: true, at, version: 'storage-v1', via: 'messenger' });

describe('ResidentRepository', () => {
  let database: TestDatabase;
  let residents: ResidentRepository;
  let entries: EntryRepository;
  let matches: MatchRepository;
  let attention: AttentionFlags;
  const clock = manualClock(T0);

  before(async () => {
    database = await openTestDatabase('residents');
    await ensureDomainIndexes(database.db);
    residents = new ResidentRepository(database.db, clock.now);
    entries = new EntryRepository(database.db, clock.now);
    matches = new MatchRepository(database.db, clock.now);
    attention = new AttentionFlags(database.db, clock.now);
  });
  after(async () => database.dispose());
  beforeEach(async () => {
    clock.set(T0);
    for (const name of ['residents', 'entries', 'matches', 'conversations']) {
      await database.db.collection(name).deleteMany({});
    }
  });

  it('creates the resident with the dated storage consent, once', async () => {
    assert.equal(await residents.get('alice'), null);
    const created = await residents.recordStorageConsent('alice', consent(T0));
    assert.deepEqual(created.consents.storage, consent(T0));
    assert.deepEqual(created.contact, { channels: ['page'] });
    assert.deepEqual(created.createdAt, T0);
    clock.advance(1000);
    const again = await residents.recordStorageConsent('alice', { ...consent(clock.now()), given: false });
    assert.equal(again.consents.storage?.given, false);
    assert.deepEqual(again.createdAt, T0);
    await residents.recordPublicationConsent('alice', { ...consent(T0), version: 'publication-v1' });
    assert.equal((await residents.get('alice'))?.consents.publication?.version, 'publication-v1');
    assert.equal(await database.db.collection('residents').countDocuments(), 1);
  });

  it('reads the residents of concurrent turns in one command, each reader its own copy, and sees writes ended before', async () => {
    await residents.recordStorageConsent('alice', consent(T0));
    await residents.recordStorageConsent('bob', consent(T0));
    const client = await MongoClient.connect(database.uri, { monitorCommands: true });
    try {
      const finds: CommandStartedEvent[] = [];
      client.on('commandStarted', (event) => {
        if (event.commandName === 'find') finds.push(event);
      });
      const watched = new ResidentRepository(client.db(database.name), clock.now);
      const [alice, bob, nobody, aliceAgain] = await Promise.all([
        watched.get('alice'),
        watched.get('bob'),
        watched.get('nobody'),
        watched.get('alice'),
      ]);
      assert.equal(finds.length, 1, 'one find for the four reads');
      assert.equal(alice?.psid, 'alice');
      assert.equal(bob?.psid, 'bob');
      assert.equal(nobody, null);
      assert.notEqual(alice, aliceAgain, 'two readers of the same person get two copies');
      assert.equal(aliceAgain?.psid, 'alice');
      // A read asked while a batch may still be under way goes with the next one: it sees a
      // write that ended after the first batch left.
      const first = watched.get('carol');
      await new Promise((resolve) => setImmediate(resolve));
      await watched.recordStorageConsent('carol', consent(T0));
      const second = watched.get('carol');
      await first;
      assert.equal((await second)?.psid, 'carol');
      assert.equal(finds.length, 3, 'the later read had a find of its own');
    } finally {
      await client.close();
    }
  });

  it('rejects malformed consents, contacts and psids', async () => {
    await assert.rejects(
      residents.recordStorageConsent('alice', { ...consent(T0), at: 'hier' } as never),
      CodedError,
    );
    await assert.rejects(residents.recordStorageConsent({ $ne: null } as never, consent(T0)), CodedError);
    await assert.rejects(residents.get({ $ne: null } as never), CodedError);
    await assert.rejects(residents.setContact('nobody', { channels: ['page'] }), CodedError);
    await residents.recordStorageConsent('alice', consent(T0));
    await assert.rejects(residents.setContact('alice', { channels: ['pigeon' as never] }), CodedError);
    await residents.setContact('alice', { channels: ['phone', 'phone'], phone: ' 06 12 34 56 78 ' });
    assert.deepEqual((await residents.get('alice'))?.contact, {
      channels: ['phone'],
      phone: '06 12 34 56 78',
    });
  });

  it('exports everything about the person, and nothing about the other party', async () => {
    await residents.recordStorageConsent('alice', consent(T0));
    await residents.recordStorageConsent('bob', consent(T0));
    const need = await entries.create(
      newEntry({ psid: 'alice', kind: 'need', addressText: '3 rue des Lilas' }),
    );
    const offer = await entries.create(newEntry({ psid: 'bob', description: 'Bob aide' }));
    const match = await matches.propose(need, offer, 432);
    await attention.flag('alice', 'asked_for_human');

    const exported = await exportPersonalData(database.db, 'alice', clock.now());
    assert.equal(exported.resident?.psid, 'alice');
    assert.deepEqual(
      exported.entries.map((entry) => String(entry._id)),
      [String(need._id)],
    );
    assert.equal(exported.entries[0].addressText, '3 rue des Lilas');
    assert.equal(exported.matches.length, 1);
    assert.deepEqual(exported.matches[0], {
      matchId: match._id,
      role: 'need',
      entryId: need._id,
      category: 'groceries',
      distanceMeters: 500,
      status: 'proposed',
      createdAt: T0,
      updatedAt: T0,
    });
    assert.equal(exported.attention?.reasons[0]?.reason, 'asked_for_human');
    const text = JSON.stringify(exported);
    assert.ok(
      !text.includes('bob') && !text.includes(String(offer._id)),
      'the other person leaks into the export',
    );

    const fromBob = await exportPersonalData(database.db, 'bob', clock.now());
    assert.equal(fromBob.matches[0]?.role, 'offer');
    assert.ok(!JSON.stringify(fromBob).includes('alice'));
  });

  it('erases the resident, their entries and their flags, anonymises their side of a match, and nobody else’s', async () => {
    await residents.recordStorageConsent('alice', consent(T0));
    await residents.recordStorageConsent('bob', consent(T0));
    const need = await entries.create(newEntry({ psid: 'alice', kind: 'need' }));
    await entries.create(newEntry({ psid: 'alice' }));
    const offer = await entries.create(newEntry({ psid: 'bob' }));
    const bobNeed = await entries.create(newEntry({ psid: 'bob', kind: 'need' }));
    const carol = await entries.create(newEntry({ psid: 'carol' }));
    await matches.propose(need, offer, 100);
    await matches.propose(bobNeed, carol, 100);
    await attention.flag('alice', 'money');
    await attention.flag('bob', 'complaint');

    const report = await erasePerson(database.db, 'alice', clock.now(), frenchPosts);
    assert.equal(report.residents, 1);
    assert.equal(report.entries, 2);
    assert.equal(report.matchesAnonymised, 1);
    assert.equal(report.attention, 1);

    const count = (name: string, filter: object = {}) => database.db.collection(name).countDocuments(filter);
    assert.equal(await count('residents', { psid: 'alice' }), 0);
    assert.equal(await count('entries', { psid: 'alice' }), 0);
    assert.equal(await count('matches', { $or: [{ needPsid: 'alice' }, { offerPsid: 'alice' }] }), 0);
    assert.equal(await count('conversations', { psid: 'alice' }), 0);
    assert.equal(await count('residents'), 1);
    assert.equal(await count('entries'), 3);
    assert.equal(await count('matches'), 2, 'bob still sees the request he was asked about');
    const kept = await database.db.collection('matches').findOne({ offerPsid: 'bob' });
    assert.match(String(kept?.needPsid), /^erased:/);
    assert.equal(kept?.status, 'expired', 'a request about an erased need can no longer be accepted');
    assert.equal(await count('conversations'), 1);
    const again = await erasePerson(database.db, 'alice', clock.now(), frenchPosts);
    assert.ok(
      Object.values(again).every((value) => value === 0),
      JSON.stringify(again),
    );
  });
});
