/**
 * Every point where the resident dialogs hand the conversation to a referent: the notice
 * (inside or outside the referents' hours), then one pass of the thread to the page inbox,
 * a handover stored with its reason and a redacted summary, and nothing more said.
 */
import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { PAGE_INBOX_APP_ID } from '../../../services/graph';
import type { AttentionReason } from '../../../services/domain/types';
import { useHarness, type Harness } from '../support/harness';
import { runTable, type Turn } from '../support/table';
import * as tables from './testData/handover';

const RESIDENT = 'resident-handover';
const REFERENT = '7000000001';

describe('dialogs: handover to a referent', function () {
  let harness: Harness;
  let lastReplies: Partial<Activity>[];
  useHarness(async (started) => {
    harness = started;
    await harness.moderation.moderators.upsert({ psid: REFERENT, name: 'Awa', quartiers: [] });
    lastReplies = [];
  });

  /** Runs `turns` and keeps the replies of the last one. */
  async function run(turns: Turn[]): Promise<void> {
    const last = turns[turns.length - 1];
    await runTable(harness, RESIDENT, [
      ...turns.slice(0, -1),
      { ...last, then: (replies) => void (lastReplies = replies) },
    ]);
  }

  /** The handover was recorded once, passed once to the page inbox, and the turn ended on the notice. */
  async function assertHandedOver(reason: AttentionReason): Promise<string> {
    const handover = await harness.moderation.handovers.active(RESIDENT);
    assert.equal(handover?.reason, reason);
    assert.ok(handover?.passedAt, 'thread control reached the page inbox');
    const passes = harness.threadControl.passesFor(RESIDENT);
    assert.equal(passes.length, 1);
    assert.equal(passes[0].targetAppId, PAGE_INBOX_APP_ID);
    const last = lastReplies[lastReplies.length - 1];
    assert.equal(last?.suggestedActions, undefined, 'no menu after the notice');
    const reasons = (await harness.attention.get(RESIDENT))?.reasons.map((flag) => flag.reason);
    assert.deepEqual(reasons, [reason]);
    return handover.summary;
  }

  it('hands over on "Parler à quelqu’un", with the last texts as summary', async function () {
    await run(tables.humanAfterTexts);
    const summary = await assertHandedOver('asked_for_human');
    assert.match(summary, /asdf qwer/);
    assert.match(summary, /mon numéro est le/);
    assert.doesNotMatch(summary, /06 11 22 33 44|0611223344/);
    assert.ok(summary.length <= 500);
  });

  it('hands over after two misunderstandings in a row', async function () {
    await run(tables.misunderstoodTwice);
    const summary = await assertHandedOver('misunderstood_twice');
    assert.match(summary, /« asdf qwer »\n« zxcv bnm »/);
  });

  it('hands over a complaint', async function () {
    await run(tables.complaint);
    await assertHandedOver('complaint');
  });

  it('hands over a request to register someone who is not online', async function () {
    await run(tables.offlineRegistration);
    await assertHandedOver('offline_registration');
  });

  it('hands over after showing the emergency numbers', async function () {
    await run(tables.emergency);
    assert.match(lastReplies[0]?.text ?? '', /15 : SAMU/);
    await assertHandedOver('emergency');
  });

  it('hands over an offer that keeps mentioning money, once saved', async function () {
    await run(tables.offerMoneyKept);
    await assertHandedOver('money');
    const [entry] = await harness.repositories.entries.listByResident(RESIDENT);
    assert.deepEqual(entry.flags, ['money']);
  });

  it('hands over an urgent need with no neighbour near', async function () {
    await run(tables.urgentNeedNoMatch);
    await assertHandedOver('no_match_urgent');
    const [need] = await harness.repositories.entries.listByResident(RESIDENT);
    const handover = await harness.moderation.handovers.active(RESIDENT);
    assert.ok(need.neighbourhood, 'the need has a neighbourhood');
    assert.equal(handover?.neighbourhood, need.neighbourhood, 'the referents of that neighbourhood are told');
  });

  it('tells when the referents answer and gives the CCAS line outside their hours', async function () {
    harness.clock.set(new Date('2020-04-05T14:00:00Z')); // Sunday 16:00 in Paris
    await run(tables.humanOnSunday);
    await assertHandedOver('asked_for_human');
  });

  it('does not hand a referent over to themselves', async function () {
    const replies = await harness.say(REFERENT, { payload: 'MENU_HUMAN' });
    assert.match(replies.map((reply) => reply.text).join('\n'), /Vous êtes référent/);
    assert.equal(await harness.moderation.handovers.active(REFERENT), null);
    assert.equal(harness.threadControl.calls.length, 0);
  });
});
