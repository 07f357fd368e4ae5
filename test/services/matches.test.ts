import assert from 'node:assert/strict';
import { manualClock } from '../../services/clock';
import { CodedError } from '../../services/errors';
import { EntryRepository, type StoredEntry } from '../../services/entries';
import { MatchRepository } from '../../services/matching/matchRepository';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { newEntry, T0 } from './support';

describe('MatchRepository', () => {
  let database: TestDatabase;
  let entries: EntryRepository;
  let matches: MatchRepository;
  let need: StoredEntry;
  let offer: StoredEntry;
  const clock = manualClock(T0);

  before(async () => {
    database = await openTestDatabase('matches');
    entries = new EntryRepository(database.db, clock.now);
    matches = new MatchRepository(database.db, clock.now);
    await matches.ensureIndexes();
  });
  after(async () => database.dispose());
  beforeEach(async () => {
    await database.db.collection('entries').deleteMany({});
    await database.db.collection('matches').deleteMany({});
    need = await entries.create(newEntry({ psid: 'asker', kind: 'need' }));
    offer = await entries.create(newEntry({ psid: 'helper' }));
    await entries.publish(need._id);
    await entries.publish(offer._id);
  });

  it('proposes, and only the offer’s owner accepts (the entries are the entries module’s)', async () => {
    const proposed = await matches.propose(need, offer, 812.4);
    assert.equal(proposed.status, 'proposed');
    assert.equal(proposed.distanceMeters, 812);
    assert.equal(proposed.needPsid, 'asker');
    assert.equal(proposed.offerPsid, 'helper');
    const id = proposed._id.toHexString();

    assert.equal(await matches.accept(id, 'asker'), null, 'the asker cannot accept for the helper');
    assert.equal(await matches.accept('{"$ne": null}', 'helper'), null);
    clock.advance(60_000);
    const accepted = await matches.accept(id, 'helper');
    assert.equal(accepted?.status, 'accepted');
    assert.deepEqual(accepted?.acceptedAt, new Date(T0.getTime() + 60_000));
    assert.equal((await entries.get(need._id))?.status, 'published', 'matching writes no entry');
    assert.equal((await entries.get(offer._id))?.status, 'published');
    assert.equal(await matches.accept(id, 'helper'), null, 'only from proposed');
    assert.equal(await matches.decline(id, 'helper'), null);
    assert.equal(await matches.toModerators(id), null, 'an accepted match stays accepted');
  });

  it('declines without touching the entries, then hands over to moderators', async () => {
    const proposed = await matches.propose(need, offer, 300);
    assert.equal(await matches.decline(proposed._id, 'someone-else'), null);
    assert.equal((await matches.decline(proposed._id, 'helper'))?.status, 'declined');
    assert.equal((await entries.get(offer._id))?.status, 'published');
    assert.equal((await matches.toModerators(proposed._id.toHexString()))?.status, 'to_moderators');
    assert.equal((await matches.get(proposed._id))?.status, 'to_moderators');
  });

  it('lists a need’s matches oldest first', async () => {
    const other = await entries.create(newEntry({ psid: 'helper-2' }));
    const first = await matches.propose(need, offer, 300);
    clock.advance(1000);
    const second = await matches.propose(need, other, 500);
    const listed = await matches.forNeed(need._id.toHexString());
    assert.deepEqual(
      listed.map((match) => String(match._id)),
      [String(first._id), String(second._id)],
    );
    assert.deepEqual(await matches.forNeed('not-an-id'), []);
  });

  it('refuses to match entries of another kind or category', async () => {
    const pets = await entries.create(newEntry({ psid: 'helper-3', category: 'pets' }));
    await assert.rejects(matches.propose(need, pets, 100), CodedError);
    await assert.rejects(matches.propose(offer, need, 100), CodedError);
    await assert.rejects(matches.propose(need, offer, Number.NaN), CodedError);
    assert.equal(await database.db.collection('matches').countDocuments(), 0);
  });
});
