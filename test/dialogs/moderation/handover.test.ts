/**
 * Every point where the resident dialogs hand the conversation to a referent: the notice
 * (inside or outside the referents' hours), then one pass of the thread to the page inbox,
 * a handover stored with its reason and a redacted summary, and nothing more said.
 *
 * @remarks
 * Over in-memory fakes of the ports (a referent registered, at work), where one handover
 * asked of the handover port is the one pass to the page inbox. Two stay on the database
 * harness, end to end: a request for a person checks the handover stored by the moderation
 * module and its thread control's pass to the page inbox, and the Sunday request checks the
 * referents' hours the module computes from the stored referent.
 */
import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { PAGE_INBOX_APP_ID } from '../../../services/graph';
import type { AttentionReason } from '../../../services/domain/types';
import { startFakeConversation, type FakeConversation } from '../support/fakes';
import { sharedNlu, useHarness, type Harness } from '../support/harness';
import { runTable, type Turn } from '../support/table';
import * as tables from './testData/handover';

const RESIDENT = 'resident-handover';
const REFERENT = '7000000001';

describe('dialogs: handover to a referent, on the database', function () {
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

  it('tells when the referents answer and gives the CCAS line outside their hours', async function () {
    harness.clock.set(new Date('2048-04-05T14:00:00Z')); // Sunday 16:00 in Paris
    await run(tables.humanOnSunday);
    await assertHandedOver('asked_for_human');
  });
});

describe('dialogs: handover to a referent, over fakes', function () {
  let harness: FakeConversation;
  let lastReplies: Partial<Activity>[];
  beforeEach(function () {
    harness = startFakeConversation(sharedNlu());
    harness.moderation.referents.set(REFERENT, 'moderator');
    // Monday 11 h in Paris: the referent registered is at work.
    harness.moderation.notice = { withinHours: true };
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

  /** The handover was asked once (the one pass to the page inbox), and the turn ended on the notice. */
  function assertHandedOver(reason: AttentionReason): string {
    const handovers = harness.handovers.filter((handover) => handover.psid === RESIDENT);
    assert.equal(handovers.length, 1);
    assert.equal(handovers[0].reason, reason);
    const last = lastReplies[lastReplies.length - 1];
    assert.equal(last?.suggestedActions, undefined, 'no menu after the notice');
    assert.deepEqual(harness.reasons(RESIDENT), [reason]);
    return handovers[0].summary;
  }

  it('hands over after two misunderstandings in a row', async function () {
    await run(tables.misunderstoodTwice);
    const summary = assertHandedOver('misunderstood_twice');
    assert.match(summary, /« asdf qwer »\n« zxcv bnm »/);
  });

  it('hands over a complaint', async function () {
    await run(tables.complaint);
    assertHandedOver('complaint');
  });

  it('hands over a request to register someone who is not online', async function () {
    await run(tables.offlineRegistration);
    assertHandedOver('offline_registration');
  });

  it('hands over after showing the emergency numbers', async function () {
    await run(tables.emergency);
    assert.match(lastReplies[0]?.text ?? '', /15 : SAMU/);
    assertHandedOver('emergency');
  });

  it('hands over an offer that keeps mentioning money, once saved', async function () {
    await run(tables.offerMoneyKept);
    assertHandedOver('money');
    const [entry] = await harness.entries.listByResident(RESIDENT);
    assert.deepEqual(entry.flags, ['money']);
  });

  it('hands over an urgent need with no neighbour near', async function () {
    await run(tables.urgentNeedNoMatch);
    assertHandedOver('no_match_urgent');
    const [need] = await harness.entries.listByResident(RESIDENT);
    const [handover] = harness.handovers;
    assert.ok(need.neighbourhood, 'the need has a neighbourhood');
    assert.equal(handover?.neighbourhood, need.neighbourhood, 'the referents of that neighbourhood are told');
  });

  it('does not hand a referent over to themselves', async function () {
    const replies = await harness.say(REFERENT, { payload: 'MENU_HUMAN' });
    assert.match(replies.map((reply) => reply.text).join('\n'), /Vous êtes référent/);
    assert.deepEqual(harness.handovers, []);
    assert.deepEqual(harness.moderation.calls, []);
  });
});
