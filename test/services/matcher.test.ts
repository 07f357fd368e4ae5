import assert from 'node:assert/strict';
import { manualClock } from '../../services/clock';
import type { Entry } from '../../services/domain/types';
import { EntryRepository, type NewEntry, type StoredEntry } from '../../services/entries';
import { distanceBand } from '../../services/matching/distanceBand';
import { Matcher } from '../../services/matching/matcher';
import { blockCentre } from '../../services/places/blocks';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { at, MIRAMAS, newEntry, offset, T0 } from './support';

const DAY = 24 * 60 * 60 * 1000;

describe('Matcher (real coordinates in Miramas)', () => {
  let database: TestDatabase;
  let entries: EntryRepository;
  let matcher: Matcher;
  let need: StoredEntry;
  const clock = manualClock(T0);

  /** Creates and publishes an offer `meters` from the centre of Miramas. */
  async function offerAt(
    meters: number,
    bearing: number,
    overrides: Partial<NewEntry> = {},
  ): Promise<StoredEntry> {
    const offer = await entries.create(
      newEntry({
        psid: `helper-${meters}-${bearing}`,
        location: at(offset(MIRAMAS, meters, bearing)),
        ...overrides,
      }),
    );
    assert.equal(await entries.publish(offer._id), true);
    return offer;
  }

  before(async () => {
    database = await openTestDatabase('matcher');
    entries = new EntryRepository(database.db, clock.now);
    await entries.ensureIndexes();
    matcher = new Matcher(database.db, clock.now);
  });
  after(async () => database.dispose());
  beforeEach(async () => {
    clock.set(T0);
    await database.db.collection('entries').deleteMany({});
    need = await entries.create(
      newEntry({ psid: 'asker', kind: 'need', description: 'Courses pour ma mère' }),
    );
  });

  const ids = (found: Array<{ offer: Entry }>): string[] => found.map(({ offer }) => String(offer._id));

  it('finds an offer at 800 m and not one at 1,200 m (582 m and 1,165 m between their blocks)', async () => {
    const near = await offerAt(800, 45);
    await offerAt(1200, 45);
    const found = await matcher.findOffersNear(need);
    assert.deepEqual(ids(found), [String(near._id)]);
    assert.ok(Math.abs(found[0].distanceMeters - 582) < 2, `distance ${found[0].distanceMeters}`);
    assert.equal(distanceBand(found[0].distanceMeters), 1000);
    assert.ok(!('distanceMeters' in found[0].offer));
  });

  it('measures between blocks: moving the need or the offer within its block changes nothing', async () => {
    const offer = await offerAt(700, 60);
    const [before] = await matcher.findOffersNear(need);
    assert.equal(String(before.offer._id), String(offer._id));
    /** Another point of the block of `location`: 150 m east and 120 m south of its centre. */
    const elsewhereInBlock = (location: Entry['location']) => {
      const [lon, lat] = blockCentre(location).coordinates;
      return at(offset(offset({ lat, lon }, 150, 90), 120, 180));
    };
    await database.db.collection('entries').deleteMany({ _id: offer._id });
    const moved = await offerAt(700, 60, { location: elsewhereInBlock(offer.location) });
    const movedNeed = await entries.create(
      newEntry({ psid: 'asker', kind: 'need', location: elsewhereInBlock(need.location) }),
    );
    const [after] = await matcher.findOffersNear(movedNeed);
    assert.equal(String(after.offer._id), String(moved._id));
    assert.equal(after.distanceMeters, before.distanceMeters);
  });

  it('never proposes an offer stored before blocks until ensureIndexes rounds it to its block', async () => {
    const exact = at(offset(MIRAMAS, 250, 30));
    const { insertedId } = await database.db.collection('entries').insertOne({
      ...newEntry({ psid: 'legacy-helper', location: exact }),
      status: 'published',
      flags: [],
      createdAt: T0,
      updatedAt: T0,
      expiresAt: new Date(T0.getTime() + 30 * DAY),
    });
    assert.deepEqual(await matcher.findOffersNear(need), [], 'an exact point is never measured');

    await entries.ensureIndexes();
    const stored = await entries.get(insertedId);
    assert.deepEqual(stored?.location, blockCentre(exact));
    assert.notDeepEqual(stored?.location, exact);
    assert.equal(stored?.locationBlockMeters, 400);
    assert.deepEqual(ids(await matcher.findOffersNear(need)), [String(insertedId)]);
    assert.equal(await entries.roundLegacyLocations(), 0, 'nothing left to round');
  });

  it('ignores another category, withdrawn, paused, unpublished and expired offers, and the need’s own psid', async () => {
    await offerAt(300, 0, { category: 'pets' });
    const withdrawn = await offerAt(310, 90);
    assert.equal(await entries.withdraw(withdrawn._id, withdrawn.psid), true);
    const paused = await offerAt(320, 180);
    assert.equal(await entries.pause(paused._id, paused.psid), true);
    await offerAt(330, 270, { psid: 'asker' });
    await entries.create(newEntry({ psid: 'pending', location: at(offset(MIRAMAS, 340, 10)) }));
    await entries.create(
      newEntry({ psid: 'other-need', kind: 'need', location: at(offset(MIRAMAS, 350, 20)) }),
    );
    assert.deepEqual(await matcher.findOffersNear(need), []);

    const later = await offerAt(360, 30);
    assert.deepEqual(ids(await matcher.findOffersNear(need)), [String(later._id)]);
    clock.advance(31 * DAY);
    assert.deepEqual(await matcher.findOffersNear(need), [], 'expired offers are not proposed');
  });

  it('returns the three nearest, nearest first, and honours exclusions and options', async () => {
    const o900 = await offerAt(900, 200);
    const o150 = await offerAt(150, 10);
    const o600 = await offerAt(600, 120);
    const o400 = await offerAt(400, 300);
    const found = await matcher.findOffersNear(need);
    assert.deepEqual(
      ids(found),
      [o150, o400, o600].map((offer) => String(offer._id)),
    );
    const distances = found.map((match) => match.distanceMeters);
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b),
    );

    const rest = await matcher.findOffersNear(need, { excludeOfferIds: [o150._id, o400._id] });
    assert.deepEqual(
      ids(rest),
      [o600, o900].map((offer) => String(offer._id)),
    );
    const closer = await matcher.findOffersNear(need, { maxDistanceMeters: 500, limit: 10 });
    assert.deepEqual(
      ids(closer),
      [o150, o400].map((offer) => String(offer._id)),
    );
  });

  it('shows residents a band: under 500 m, under 1 km, then whole kilometres', () => {
    assert.equal(distanceBand(0), 500);
    assert.equal(distanceBand(499.9), 500);
    assert.equal(distanceBand(500), 1000);
    assert.equal(distanceBand(1000), 1000);
    assert.equal(distanceBand(1000.1), 2000);
    assert.equal(distanceBand(Number.NaN), 1000);
    assert.equal(distanceBand(-1), 1000);
  });
});
