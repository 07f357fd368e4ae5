/**
 * The `match-timeouts` job: a request the helper never answers expires after the delay,
 * then the need moves on as after a decline (the next offer suggested to the resident, or
 * the moderators). Runs the
 * matching module's use case and the real dialogs on the test database, with a recording notifier and a manual clock.
 */
import { strict as assert } from 'node:assert';
import type { Match } from '../../services/domain/types';
import { PAGE_INBOX_APP_ID } from '../../services/graph';
import type { UndeliveredMessage } from '../../services/moderation';
import { createMatchTimeoutsJob } from '../../services/matching/jobs';
import { DEFAULT_MATCH_TIMEOUT_HOURS } from '../../services/matching';
import { useHarness, type Harness } from '../dialogs/support/harness';
import { seedHelper } from '../dialogs/support/seed';
import { keyPattern, payloadsOf, runTable, textsOf, type Ids } from '../dialogs/support/table';
import * as tables from '../dialogs/testData/need';

const ASKER = 'resident-need';
const NEAR = 'helper-near';
const FAR = 'helper-far';
const HOUR = 3_600_000;

describe('match-timeouts job', function () {
  let harness: Harness;
  let ids: Ids;
  useHarness((started) => {
    harness = started;
    ids = {};
  });

  const matches = () =>
    harness.database.db.collection<Match>('matches').find({}).sort({ createdAt: 1, _id: 1 }).toArray();
  const reasons = async (psid: string) =>
    (await harness.attention.get(psid))?.reasons.map((flag) => flag.reason) ?? [];
  const undelivered = () =>
    harness.database.db.collection<UndeliveredMessage>('undelivered').find({}).toArray();

  /** Runs the job as the scheduler would, at the clock's time. */
  const runJob = () => harness.matching.expireUnanswered(harness.clock.now());

  async function seed(psid: string, meters: number): Promise<string> {
    return seedHelper(harness, {
      psid,
      category: 'groceries',
      meters,
      contact: { channels: ['phone'], phone: '0700000001' },
    });
  }

  /** The asker's need (normal or urgent) saved, and the nearest offer picked and its owner asked. */
  async function askNearest(urgent = false): Promise<void> {
    await runTable(
      harness,
      ASKER,
      [
        ...tables.needForm({ urgent }),
        { send: { payload: 'YES' }, says: ['need.saved', 'need.offersIntro'] },
        { send: (known: Ids) => ({ payload: `MATCH_PICK_${known.near}` }), says: ['need.asked'] },
      ],
      ids,
    );
    const [match] = await matches();
    ids.match = match._id.toHexString();
    assert.equal(harness.notifier.to(NEAR).length, 1, 'the nearest helper was asked once');
  }

  /** Two offers, 300 m and 900 m away (less than 500 m and 1 km between blocks); the nearest one's owner asked. */
  async function twoOffersNearestAsked(): Promise<void> {
    ids.near = await seed(NEAR, 300);
    ids.far = await seed(FAR, 900);
    await askNearest();
  }

  it('is the every-15-minutes job named match-timeouts', function () {
    const job = createMatchTimeoutsJob(harness.matching);
    assert.equal(job.name, 'match-timeouts');
    assert.equal(job.schedule, '*/15 * * * *');
    assert.equal(DEFAULT_MATCH_TIMEOUT_HOURS, 6);
  });

  // Changed with issue 14: the next offer is suggested to the resident, who chooses; its
  // owner is asked only then (the resident's contact never goes to a helper they did not choose).
  it('expires an unanswered request after the delay and suggests the next offer to the resident, who chooses', async function () {
    await twoOffersNearestAsked();
    harness.clock.advance(DEFAULT_MATCH_TIMEOUT_HOURS * HOUR);
    const summary = await runJob();
    assert.equal(summary.expired, 1);
    assert.equal(summary.nextSuggested, 1);
    const [first, second] = await matches();
    assert.equal(first.status, 'expired');
    assert.equal(second.offerId.toHexString(), ids.far);
    assert.equal(second.status, 'suggested');
    assert.equal(harness.notifier.to(FAR).length, 0, 'the next helper is not asked yet');
    const [told, ...others] = harness.notifier.to(ASKER);
    assert.equal(others.length, 0);
    assert.match(told.activity.text ?? '', keyPattern('suggest.intro.expired'));
    assert.match(told.activity.text ?? '', /Un voisin à moins d'1 km peut vous aider/);
    assert.deepEqual(payloadsOf(told.activity), [
      `MATCH_ASK_${second._id.toHexString()}`,
      `MATCH_ORDER_${second._id.toHexString()}`,
      `MATCH_SKIP_${second._id.toHexString()}`,
    ]);
    assert.equal(harness.notifier.to(NEAR).length, 1, 'nothing more to the helper who did not answer');
    assert.deepEqual(await undelivered(), []);
  });

  it('asks the next offer directly when the resident accepted the order, and tells them', async function () {
    await twoOffersNearestAsked();
    const [asked] = await matches();
    assert.equal(await harness.entries.acceptOrder(asked.needId, ASKER), true);
    harness.clock.advance(DEFAULT_MATCH_TIMEOUT_HOURS * HOUR);
    const summary = await runJob();
    assert.equal(summary.expired, 1);
    assert.equal(summary.nextAsked, 1);
    assert.equal(summary.nextSuggested, 0);
    const [first, second] = await matches();
    assert.equal(first.status, 'expired');
    assert.equal(second.offerId.toHexString(), ids.far);
    assert.equal(second.status, 'proposed', 'asked without asking the resident again');
    const [request] = harness.notifier.to(FAR);
    assert.deepEqual(payloadsOf(request?.activity ?? {}), [
      `MATCH_ACCEPT_${second._id.toHexString()}`,
      `MATCH_DECLINE_${second._id.toHexString()}`,
    ]);
    const [told, ...others] = harness.notifier.to(ASKER);
    assert.equal(others.length, 0);
    assert.match(told.activity.text ?? '', keyPattern('matchTimeout.nextAsked'));
    assert.ok(!payloadsOf(told.activity).some((payload) => payload.startsWith('MATCH_ASK_')));
  });

  it('leaves a request younger than the delay alone', async function () {
    await twoOffersNearestAsked();
    harness.clock.advance(DEFAULT_MATCH_TIMEOUT_HOURS * HOUR - 60_000);
    const summary = await runJob();
    assert.equal(summary.expired, 0);
    const all = await matches();
    assert.deepEqual(
      all.map((match) => match.status),
      ['proposed'],
    );
    assert.equal(harness.notifier.to(FAR).length, 0);
    assert.equal(harness.notifier.to(ASKER).length, 0);
  });

  it('acts once when two runs start at once', async function () {
    await twoOffersNearestAsked();
    harness.clock.advance(DEFAULT_MATCH_TIMEOUT_HOURS * HOUR + HOUR);
    const [a, b] = await Promise.all([runJob(), runJob()]);
    assert.equal(a.expired + b.expired, 1);
    assert.equal(a.nextSuggested + b.nextSuggested, 1);
    assert.equal((await matches()).length, 2);
    assert.equal(harness.notifier.to(FAR).length, 0);
    assert.equal(harness.notifier.to(ASKER).length, 1);
  });

  it('gives the need to the moderators when no other offer is left', async function () {
    ids.near = await seed(NEAR, 300);
    await askNearest();
    harness.clock.advance(DEFAULT_MATCH_TIMEOUT_HOURS * HOUR);
    const summary = await runJob();
    assert.equal(summary.toModerators, 1);
    const [match, ...others] = await matches();
    assert.equal(others.length, 0);
    assert.equal(match.status, 'to_moderators');
    assert.deepEqual(await reasons(ASKER), ['asked_for_human']);
    const [told] = harness.notifier.to(ASKER);
    assert.match(told.activity.text ?? '', keyPattern('matchTimeout.toReferent'));
    assert.equal(await harness.moderation.handovers.active(ASKER), null, 'no handover for a normal need');
  });

  it('hands an urgent need over to a referent (no_match_urgent) when no other offer is left', async function () {
    ids.near = await seed(NEAR, 300);
    await askNearest(true);
    harness.clock.advance(DEFAULT_MATCH_TIMEOUT_HOURS * HOUR);
    const summary = await runJob();
    assert.equal(summary.handedOver, 1);
    assert.equal((await matches())[0].status, 'to_moderators');
    const handover = await harness.moderation.handovers.active(ASKER);
    assert.equal(handover?.reason, 'no_match_urgent');
    assert.equal(harness.threadControl.passesFor(ASKER)[0]?.targetAppId, PAGE_INBOX_APP_ID);
    assert.deepEqual(await reasons(ASKER), ['no_match_urgent']);
    assert.equal(harness.notifier.to(ASKER).length, 1, 'the resident is told who takes over');
  });

  it('keeps the notice for the moderators when the resident is outside their 24-hour window', async function () {
    ids.near = await seed(NEAR, 300);
    await askNearest();
    harness.notifier.results.set(ASKER, 'outside_window');
    harness.clock.advance(DEFAULT_MATCH_TIMEOUT_HOURS * HOUR);
    await runJob();
    const [queued, ...more] = await undelivered();
    assert.equal(more.length, 0);
    assert.equal(queued.psid, ASKER);
    assert.equal(queued.reason, 'outside_window');
    assert.match(queued.text ?? '', keyPattern('matchTimeout.toReferent'));
  });

  it('answers a late acceptance of the expired request politely and changes nothing', async function () {
    await twoOffersNearestAsked();
    harness.clock.advance(DEFAULT_MATCH_TIMEOUT_HOURS * HOUR);
    await runJob();
    const before = await matches();
    const sentBefore = harness.notifier.sent.length;
    const replies = await harness.say(NEAR, { payload: `MATCH_ACCEPT_${ids.match}` });
    assert.match(textsOf(replies), keyPattern('match.stale'));
    assert.match(textsOf(replies), /n'est plus d'actualité/);
    assert.deepEqual(await matches(), before);
    assert.equal(harness.notifier.sent.length, sentBefore, 'nobody is told anything');
    assert.equal((await harness.repositories.entries.get(ids.near))?.status, 'published');
  });
});
