/**
 * The right of erasure, proved on the whole database: after "Supprimer mes données", and
 * after the retention job, no document of any collection holds the person's psid, phone,
 * e-mail or first name, nor a hash of them; what others see stays, without them.
 */
import { strict as assert } from 'node:assert';
import type { Match } from '../../services/domain/types';
import { applyRetention } from '../../services/privacy/retention';
import { silentLogger } from '../../services/logger';
import {
  ADMIN,
  HELPER,
  PERSON,
  describeFindings,
  liveLife,
  openWorld,
  othersMidConversation,
  publishAnother,
  scanDatabase,
  type Life,
  type World,
} from './personLife';
import { frenchPosts } from '../../dialogs/testimonials/signature';

/** Collections the seeded life must have reached (or the scan proves nothing). */
const REACHED = [
  'bot_state',
  'conversation_refs',
  'conversations',
  'entries',
  'handoffs',
  'inbox',
  'matches',
  'outbox',
  'residents',
  'testimonials',
  'undelivered',
];

describe('security: erasure leaves nothing about the person', function () {
  this.timeout(60_000);
  let world: World;
  let life: Life;

  beforeEach(async function () {
    world = await openWorld();
    life = await liveLife(world);
  });
  afterEach(async function () {
    await world.dispose();
  });

  /** The seed reached every collection it should: otherwise a clean scan would mean nothing. */
  async function assertSeeded(): Promise<void> {
    const { findings } = await scanDatabase(world.db);
    const reached = new Set(findings.map((finding) => finding.collection));
    assert.deepEqual(
      REACHED.filter((name) => !reached.has(name)),
      [],
      'the person did not reach these collections before the erasure',
    );
  }

  /** Nothing of the person anywhere; the helper and the admin keep what is theirs. */
  async function assertErased(): Promise<void> {
    const { collections, findings } = await scanDatabase(world.db);
    assert.ok(collections.length >= REACHED.length, `collections listed: ${collections.join(', ')}`);
    assert.equal(findings.length, 0, `the person is still in the database:\n${describeFindings(findings)}`);

    const { db } = world;
    assert.equal(await db.collection('residents').countDocuments({ psid: HELPER }), 1);
    assert.equal(await db.collection('entries').countDocuments({ psid: HELPER }), 1);
    assert.equal(await db.collection('moderators').countDocuments({ psid: ADMIN }), 1);
    const match = await db.collection<Match>('matches').findOne({ offerPsid: HELPER });
    assert.ok(match, 'the helper still sees the match they accepted');
    assert.equal(match.status, 'accepted');
    const helperState = await db
      .collection('bot_state')
      .findOne({ _id: `facebook/conversations/${HELPER}/` as never });
    assert.ok(helperState, 'the helper keeps their conversation state (without the person)');
  }

  it('"Supprimer mes données" in the conversation', async function () {
    await othersMidConversation(world, life);
    await assertSeeded();

    await world.say(PERSON.psid, { payload: 'MENU_PRIVACY' });
    const asked = await world.say(PERSON.psid, { payload: 'PRIVACY_DELETE' });
    assert.match(asked, /définitif/);
    const done = await world.say(PERSON.psid, { payload: 'YES' });
    assert.match(done, /supprimées/);

    await assertErased();
  });

  it('the retention job, a year after their last activity', async function () {
    await publishAnother(world);
    world.harness.clock.advance(400 * 86_400_000);
    // The helper and the admin are active: the helper wrote today, the admin is reviewing.
    await world.say(HELPER, 'bonjour');
    await othersMidConversation(world, life);
    await assertSeeded();

    const summary = await applyRetention(
      { db: world.db, logger: silentLogger, texts: frenchPosts },
      world.harness.clock.now(),
    );
    assert.equal(summary.residents, 1, 'only the person was inactive');

    await assertErased();
  });
});
