/**
 * Asking for help and matching: offers within 1 km, the helper asked through the bot,
 * their answer at any time, contacts exchanged as each agreed.
 *
 * @remarks
 * The conversations where nobody is near, and a helper's answer in the middle of their own
 * dialog, run over in-memory fakes. The others stay on the database harness, end to end:
 * what they check is the matching module's work behind the dialog (offers found within
 * 1 km of the stored blocks, the matches stored and their statuses, the entries matched,
 * the module's notices to the helper and the asker, the 24-hour window's hand-over).
 */
import { strict as assert } from 'node:assert';
import type { Entry, Match } from '../../services/domain/types';
import { ObjectId } from 'mongodb';
import { startFakeConversation, type FakeConversation } from './support/fakes';
import { sharedNlu, useHarness, type Harness } from './support/harness';
import { seedHelper } from './support/seed';
import { keyPattern, payloadsOf, runTable, textsOf, type Ids } from './support/table';
import * as tables from './testData/need';

const ASKER = 'resident-need';
const NEAR = 'helper-near';
const FAR = 'helper-far';

describe('dialogs: asking for help and matching, on the database', function () {
  let harness: Harness;
  let ids: Ids;
  useHarness((started) => {
    harness = started;
    ids = {};
  });

  const matches = () =>
    harness.database.db.collection<Match>('matches').find({}).sort({ createdAt: 1 }).toArray();
  const entry = (id: string) => harness.repositories.entries.get(id);
  const reasons = async (psid: string) =>
    (await harness.attention.get(psid))?.reasons.map((flag) => flag.reason) ?? [];

  /**
   * Two helpers, 300 m and 900 m north (their blocks' centres 0 and 800 m from the asker's),
   * and one 1.5 km away (too far).
   */
  async function seedHelpers(
    nearContact: Parameters<typeof seedHelper>[1]['contact'] = {
      channels: ['email'],
      email: 'aide@example.org',
    },
  ): Promise<void> {
    ids.near = await seedHelper(harness, {
      psid: NEAR,
      category: 'groceries',
      meters: 300,
      contact: nearContact,
    });
    ids.far = await seedHelper(harness, {
      psid: FAR,
      category: 'groceries',
      meters: 900,
      contact: { channels: ['phone'], phone: '0700000001' },
    });
    ids.tooFar = await seedHelper(harness, {
      psid: 'helper-too-far',
      category: 'groceries',
      meters: 1500,
      contact: { channels: ['page'] },
    });
  }

  /** Runs the need up to the nearest helper asked, and learns the match id. */
  async function askNearest(): Promise<void> {
    await runTable(harness, ASKER, tables.needWithOffers, ids);
    const [match] = await matches();
    ids.match = match._id.toHexString();
  }

  it('proposes the offers within 1 km, nearest first, and asks the chosen helper through the bot', async function () {
    await seedHelpers();
    await askNearest();
    const [need] = await harness.database.db.collection<Entry>('entries').find({ psid: ASKER }).toArray();
    assert.equal(need.kind, 'need');
    assert.equal(need.status, 'pending_review');
    assert.equal(need.beneficiary, 'relative');
    assert.equal(need.urgency, 'normal');
    const [request, ...others] = harness.notifier.to(NEAR);
    assert.equal(others.length, 0);
    assert.match(request.activity.text ?? '', keyPattern('match.helperAsk'));
    assert.match(request.activity.text ?? '', /Un voisin à moins de 500 m a besoin/);
    assert.deepEqual(payloadsOf(request.activity), [
      `MATCH_ACCEPT_${ids.match}`,
      `MATCH_DECLINE_${ids.match}`,
    ]);
    assert.doesNotMatch(request.activity.text ?? '', /Jean Jaurès|0611223344/);
  });

  it('gives each side the contact the other agreed to share when the helper accepts', async function () {
    await seedHelpers();
    await askNearest();
    await runTable(harness, ASKER, tables.helperAccepts, ids);
    const [told] = harness.notifier.to(ASKER);
    assert.match(told.activity.text ?? '', keyPattern('match.needAccepted'));
    assert.match(told.activity.text ?? '', /aide@example\.org/);
    const [match] = await matches();
    assert.equal(match.status, 'accepted');
    assert.equal((await entry(ids.near))?.status, 'matched');
    assert.equal((await entry(match.needId.toHexString()))?.status, 'matched');
  });

  it('keeps a page-only contact private and asks a referent to put them in touch', async function () {
    await seedHelpers({ channels: ['page'] });
    await askNearest();
    await runTable(harness, ASKER, tables.helperAccepts, ids);
    const [told] = harness.notifier.to(ASKER);
    assert.match(told.activity.text ?? '', keyPattern('match.contactPrivate'));
    assert.deepEqual(await reasons(ASKER), ['asked_for_human']);
  });

  // Changed with issue 14: the next helper is suggested to the resident, who chooses; that
  // helper is asked (and learns of the resident) only when the resident says yes.
  it('suggests the next nearest helper to the resident when the first declines, and asks them once chosen', async function () {
    await seedHelpers();
    await askNearest();
    await runTable(harness, ASKER, tables.helperDeclines, ids);
    const [first, second] = await matches();
    assert.equal(first.status, 'declined');
    assert.equal(second.offerId.toHexString(), ids.far);
    assert.equal(second.status, 'suggested');
    assert.equal(harness.notifier.to(FAR).length, 0, 'not asked before the resident chooses');
    const [told] = harness.notifier.to(ASKER);
    assert.match(told.activity.text ?? '', keyPattern('suggest.intro.declined'));
    assert.match(told.activity.text ?? '', /Un voisin à moins d'1 km peut vous aider/);
    const ask = `MATCH_ASK_${second._id.toHexString()}`;
    assert.deepEqual(payloadsOf(told.activity), [
      ask,
      `MATCH_ORDER_${second._id.toHexString()}`,
      `MATCH_SKIP_${second._id.toHexString()}`,
    ]);
    const replies = await harness.say(ASKER, { payload: ask });
    assert.match(textsOf(replies), keyPattern('suggest.asked'));
    const [request] = harness.notifier.to(FAR);
    assert.deepEqual(payloadsOf(request.activity), [
      `MATCH_ACCEPT_${second._id.toHexString()}`,
      `MATCH_DECLINE_${second._id.toHexString()}`,
    ]);
    assert.equal((await matches())[1].status, 'proposed');
  });

  it('takes the helper\u2019s typed answer to the request they were asked, like its button', async function () {
    await seedHelpers();
    await askNearest();
    const replies = await harness.say(NEAR, 'Oui avec plaisir, je peux passer samedi');
    assert.match(textsOf(replies), keyPattern('match.helperAccepted'));
    const [match] = await matches();
    assert.equal(match.status, 'accepted');
    const [told] = harness.notifier.to(ASKER);
    assert.match(told.activity.text ?? '', keyPattern('match.needAccepted'));
    // Nothing waits any more: a second "oui" is an ordinary message, not an answer.
    assert.doesNotMatch(textsOf(await harness.say(NEAR, 'oui')), keyPattern('match.stale'));
  });

  it('hands the match to the moderators when the helper is outside their 24-hour window', async function () {
    await seedHelpers();
    harness.notifier.results.set(NEAR, 'outside_window');
    const turns = tables.needWithOffers.slice(0, -1);
    await runTable(harness, ASKER, turns, ids);
    const replies = await harness.say(ASKER, { payload: `MATCH_PICK_${ids.near}` });
    assert.match(textsOf(replies), keyPattern('need.toReferent'));
    const [match] = await matches();
    assert.equal(match.status, 'to_moderators');
    assert.deepEqual(await reasons(ASKER), ['match_outside_window']);
  });
});

describe('dialogs: asking for help and matching, over fakes', function () {
  let harness: FakeConversation;
  let ids: Ids;
  beforeEach(function () {
    harness = startFakeConversation(sharedNlu());
    ids = {};
  });

  it('handles the helper\u2019s answer in the middle of their own dialog, then resumes it', async function () {
    ids.match = new ObjectId().toHexString();
    harness.matching.requests.set(ids.match, {
      helperPsid: NEAR,
      status: 'proposed',
      askerContact: { phone: '0611223344' },
    });
    await runTable(harness, ASKER, tables.helperAcceptsMidDialog, ids);
    assert.deepEqual(harness.matching.answers, [{ matchId: ids.match, helperPsid: NEAR, accepted: true }]);
    assert.equal(harness.matching.requests.get(ids.match)?.status, 'accepted');
  });

  for (const { typed, accepted } of [
    { typed: 'oui avec plaisir !', accepted: true },
    { typed: "ok pas de souci, j'y vais demain", accepted: true },
    { typed: 'désolé je peux pas ce week-end', accepted: false },
    { typed: 'non malheureusement pas cette semaine', accepted: false },
  ]) {
    it(`reads "${typed}" from a helper with a request waiting as ${accepted ? 'an acceptance' : 'a refusal'}`, async function () {
      ids.match = new ObjectId().toHexString();
      harness.matching.requests.set(ids.match, { helperPsid: NEAR, status: 'proposed', askerContact: null });
      const replies = await harness.say(NEAR, typed);
      assert.deepEqual(harness.matching.answers, [{ matchId: ids.match, helperPsid: NEAR, accepted }]);
      assert.match(textsOf(replies), keyPattern(accepted ? 'match.helperAccepted' : 'match.helperDeclined'));
    });
  }

  it('leaves "oui" to the dialogs when no request waits, or when a question of a form is asked', async function () {
    await harness.say(NEAR, 'oui');
    assert.deepEqual(harness.matching.answers, [], 'no request waits');
    ids.match = new ObjectId().toHexString();
    harness.matching.requests.set(ids.match, { helperPsid: NEAR, status: 'proposed', askerContact: null });
    await harness.say(NEAR, { payload: 'MENU_OFFER' });
    await harness.say(NEAR, 'oui');
    assert.deepEqual(harness.matching.answers, [], 'the form asks: its question takes the answer');
    assert.equal(harness.matching.requests.get(ids.match)?.status, 'proposed');
  });

  it('tells the resident what happens next when nobody is near', async function () {
    await runTable(harness, ASKER, tables.needNoMatch(false), ids);
    assert.deepEqual(harness.reasons(ASKER), []);
    assert.equal(harness.matching.asked.length, 0);
  });

  it('flags an urgent need without a match for the moderators', async function () {
    await runTable(harness, ASKER, tables.needNoMatch(true), ids);
    assert.deepEqual(harness.reasons(ASKER), ['no_match_urgent']);
  });
});
