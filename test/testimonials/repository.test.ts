import assert from 'node:assert/strict';
import { ObjectId } from 'mongodb';
import { manualClock } from '../../services/clock';
import { CodedError } from '../../services/errors';
import { TestimonialRepository } from '../../services/testimonials/testimonialRepository';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { frenchPosts } from '../../dialogs/testimonials/signature';

const T0 = new Date('2026-05-04T10:00:00Z');

describe('TestimonialRepository', () => {
  let database: TestDatabase;
  let repository: TestimonialRepository;
  const clock = manualClock(T0);
  const create = (psid = 'p1', text = 'Merci à ma voisine pour les courses !') =>
    repository.create({
      psid,
      text,
      signature: { kind: 'first_name_neighbourhood', firstName: 'Camille', neighbourhood: 'La Maille 2' },
      consentVersion: 'testimonial-v1',
    });

  before(async () => {
    database = await openTestDatabase('testimonials_repo');
    repository = new TestimonialRepository(database.db, clock.now, frenchPosts);
    await repository.ensureIndexes();
  });
  after(async () => database.dispose());
  beforeEach(async () => {
    clock.set(T0);
    await database.db.collection('testimonials').deleteMany({});
  });

  it('stores a pending testimonial with its dated consent and rendered signature', async () => {
    const created = await create();
    const stored = await repository.get(created._id.toHexString());
    assert.equal(stored?.status, 'pending');
    assert.deepEqual(stored?.consent, { given: true, at: T0, version: 'testimonial-v1' });
    assert.deepEqual(stored?.signature, { kind: 'first_name_neighbourhood', text: 'Camille, La Maille 2' });
    assert.equal(stored?.attempts, 0);
  });

  it('renders initials and anonymous signatures, and refuses a first-name signature without a name', async () => {
    const initials = await repository.create({
      psid: 'p2',
      text: 'Super',
      signature: { kind: 'initials', firstName: 'jean-marc', lastName: 'Durand' },
      consentVersion: 'v1',
    });
    assert.equal(initials.signature.text, 'J. M. D., Miramas');
    const anonymous = await repository.create({
      psid: 'p3',
      text: 'Top',
      signature: { kind: 'anonymous' },
      consentVersion: 'v1',
    });
    assert.equal(anonymous.signature.text, 'Un voisin de Miramas');
    await assert.rejects(
      repository.create({
        psid: 'p4',
        text: 'x',
        signature: { kind: 'first_name_neighbourhood' },
        consentVersion: 'v1',
      }),
      CodedError,
    );
    await assert.rejects(create('p5', '   '), CodedError);
  });

  it('lists pending ones oldest first; approves with a correction keeping the original words', async () => {
    const first = await create('a');
    clock.advance(60_000);
    const second = await create('b');
    assert.deepEqual(
      (await repository.listPending()).map((item) => item._id.toHexString()),
      [first._id.toHexString(), second._id.toHexString()],
    );
    const approved = await repository.approve(
      first._id.toHexString(),
      'admin1',
      'Merci à ma voisine pour les courses.',
    );
    assert.equal(approved?.status, 'approved');
    assert.equal(approved?.text, 'Merci à ma voisine pour les courses.');
    assert.equal(approved?.originalText, 'Merci à ma voisine pour les courses !');
    assert.equal(approved?.reviewedBy, 'admin1');
    assert.equal(await repository.approve(first._id, 'admin1'), null, 'only a pending one can be approved');
    assert.equal((await repository.listPending()).length, 1);
  });

  it('schedules approved ones only, rejects unpublished ones, ignores malformed ids', async () => {
    const item = await create();
    const date = new Date('2026-05-10T16:00:00Z');
    assert.equal(await repository.schedule(item._id, date), null, 'not approved yet');
    await repository.approve(item._id, 'admin1');
    const scheduled = await repository.schedule(item._id, date);
    assert.equal(scheduled?.status, 'scheduled');
    assert.deepEqual(scheduled?.publishAt, date);
    assert.equal((await repository.reject(item._id, 'admin2'))?.status, 'rejected');
    assert.equal(await repository.get('not-an-id'), null);
    assert.equal(await repository.reject({ $ne: null } as unknown as string, 'admin2'), null);
    assert.equal(await repository.get(new ObjectId()), null);
  });

  it('withdraws the consent for one testimonial or for all of a resident’s', async () => {
    const one = await create('p1');
    const two = await create('p1');
    const other = await create('p2');
    clock.advance(1000);
    const byId = await repository.withdrawConsent({ id: one._id.toHexString() });
    assert.deepEqual(
      byId.map((item) => item.status),
      ['withdrawn'],
    );
    assert.equal(byId[0]?.consent.given, false);
    assert.deepEqual(byId[0]?.consent.withdrawnAt, clock.now());
    const byPsid = await repository.withdrawConsent({ psid: 'p1' });
    assert.deepEqual(
      byPsid.map((item) => item._id.toHexString()),
      [two._id.toHexString()],
    );
    assert.equal((await repository.get(other._id))?.status, 'pending');
  });
});
