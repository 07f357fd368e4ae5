/**
 * The admins' review in Messenger (publish with a corrected text, refuse, choose a day),
 * refused to anyone who is not an admin; and the answers to the jobs' questions in any
 * dialog (follow-up yes/no, renew/close an entry).
 *
 * @remarks
 * Over in-memory fakes of the ports, except the follow-up's "no": it stays on the database
 * harness because the flag it checks is raised by the matching module when it stores the
 * answer, not by the dialog.
 */
import { strict as assert } from 'node:assert';
import { ObjectId } from 'mongodb';
import type { ConversationAttention } from '../../../services/conversations/attention';
import { at, MIRAMAS } from '../../services/support';
import { startFakeConversation, type FakeConversation } from '../support/fakes';
import { sharedNlu, useHarness, type Harness } from '../support/harness';
import { seedHelper } from '../support/seed';
import { runTable } from '../support/table';
import { MENU } from '../testData/common';

const ADMIN = '3000000000000001';
const MODERATOR = '3000000000000002';
const RESIDENT = '4000000000000001';

describe('dialogs: testimonial review and answers to the jobs, over fakes', function () {
  let harness: FakeConversation;
  let id: string;
  beforeEach(async function () {
    harness = startFakeConversation(sharedNlu());
    harness.moderation.referents.set(ADMIN, 'admin');
    harness.moderation.referents.set(MODERATOR, 'moderator');
    harness.testimonials.admins.add(ADMIN);
    const created = await harness.testimonials.create({
      psid: RESIDENT,
      text: 'Merci a Nadia pour les course !',
      signature: { kind: 'anonymous' },
      consentVersion: 'testimonial-v1',
    });
    id = created._id.toHexString();
  });

  const stored = () => harness.testimonials.stored[0];
  const openAndPick = () => [
    {
      send: { payload: 'ADMIN_TESTIMONIALS' },
      says: ['testimonialAdmin.list'],
      offers: [`ADMIN_TESTIMONIAL_${id}`],
    },
    {
      send: { payload: `ADMIN_TESTIMONIAL_${id}` },
      says: ['testimonialAdmin.show'],
      contains: ['Merci a Nadia pour les course !'],
      offers: [
        `ADMIN_TM_APPROVE_${id}`,
        `ADMIN_TM_EDIT_${id}`,
        `ADMIN_TM_SCHEDULE_${id}`,
        `ADMIN_TM_REJECT_${id}`,
      ],
    },
  ];

  it('approves with the text corrected by the admin, the resident’s words kept', async function () {
    await runTable(harness, ADMIN, [
      ...openAndPick(),
      { send: { payload: `ADMIN_TM_EDIT_${id}` }, says: ['testimonialAdmin.editPrompt'] },
      {
        send: 'Merci à Nadia pour les courses !',
        says: ['testimonialAdmin.approvedCorrected'],
        offers: ['ADMIN_TESTIMONIALS', ...MENU],
      },
    ]);
    const testimonial = stored();
    assert.equal(testimonial?.status, 'approved');
    assert.equal(testimonial?.text, 'Merci à Nadia pour les courses !');
    assert.equal(testimonial?.originalText, 'Merci a Nadia pour les course !');
    assert.equal(testimonial?.reviewedBy, ADMIN);
  });

  it('refuses a testimonial', async function () {
    await runTable(harness, ADMIN, [
      ...openAndPick(),
      { send: { payload: `ADMIN_TM_REJECT_${id}` }, says: ['testimonialAdmin.rejected'] },
      { send: { payload: 'ADMIN_TESTIMONIALS' }, says: ['testimonialAdmin.none'], offers: MENU },
    ]);
    assert.equal(stored()?.status, 'rejected');
  });

  it('schedules on a typed French day, read back before it is recorded', async function () {
    // The harness's clock: Monday 6 April 2048, 11 h in Paris.
    await runTable(harness, ADMIN, [
      ...openAndPick(),
      { send: { payload: `ADMIN_TM_SCHEDULE_${id}` }, says: ['testimonialAdmin.datePrompt'] },
      { send: 'quand tu veux', says: ['testimonialAdmin.dateRetry'] },
      { send: 'samedi', says: ['testimonialAdmin.dateConfirm'], contains: ['samedi 11 avril 2048'] },
      { send: { payload: 'YES' }, says: ['testimonialAdmin.scheduled'], contains: ['samedi 11 avril 2048'] },
    ]);
    const testimonial = stored();
    assert.equal(testimonial?.status, 'scheduled');
    assert.equal(testimonial?.publishAt?.toISOString(), '2048-04-10T22:00:00.000Z');
  });

  it('changes nothing when the day is not confirmed', async function () {
    await runTable(harness, ADMIN, [
      ...openAndPick(),
      { send: { payload: `ADMIN_TM_SCHEDULE_${id}` }, says: ['testimonialAdmin.datePrompt'] },
      { send: '25/12', says: ['testimonialAdmin.dateConfirm'], contains: ['25 décembre 2048'] },
      { send: 'Non, annuler', says: ['testimonialAdmin.notChanged'] },
    ]);
    assert.equal(stored()?.status, 'pending');
  });

  it('gives a moderator who is not an admin, or a resident, the resident menu and changes nothing', async function () {
    for (const psid of [MODERATOR, RESIDENT]) {
      await runTable(harness, psid, [
        { send: { payload: 'ADMIN_TESTIMONIALS' }, says: ['interrupt.menu'], offers: MENU, hides: ['Nadia'] },
        { send: { payload: `ADMIN_TM_APPROVE_${id}` }, offers: MENU, hides: ['Nadia'] },
      ]);
    }
    const testimonial = stored();
    assert.equal(testimonial?.status, 'pending');
    assert.equal(testimonial?.reviewedBy, undefined);
  });

  describe('answers to the jobs', function () {
    let matchId: string;
    let entryId: string;

    beforeEach(async function () {
      await harness.residents.recordStorageConsent(RESIDENT, {
        given: true,
        at: harness.clock.now(),
        version: 'storage-v1',
        via: 'messenger',
      });
      const need = harness.entries.add(
        RESIDENT,
        {
          kind: 'need',
          category: 'groceries',
          description: 'Mes courses',
          availability: 'samedi',
          location: at(MIRAMAS),
          locationSource: 'address',
        },
        { status: 'published' },
      );
      entryId = need._id.toHexString();
      // An accepted match with a helper: its follow-up question was asked of the resident.
      matchId = new ObjectId().toHexString();
      harness.matching.followUpAskedOf.set(matchId, RESIDENT);
    });

    const entry = (entryId: string) =>
      harness.entries.stored.find((stored) => stored._id.toHexString() === entryId)!;

    it('a "yes" is stored, thanked, and a testimonial is suggested', async function () {
      await runTable(harness, RESIDENT, [
        {
          send: { payload: `FOLLOWUP_YES_${matchId}` },
          says: ['jobAnswers.followUpYes'],
          offers: ['MENU_TESTIMONIAL', ...MENU],
        },
      ]);
      assert.deepEqual(harness.matching.followUps, [{ matchId, psid: RESIDENT, yes: true }]);
      assert.deepEqual(harness.reasons(RESIDENT), []);
    });

    it('renews and closes an entry from the payloads, only for its owner', async function () {
      const before = entry(entryId).expiresAt;
      harness.clock.advance(86_400_000);
      await runTable(harness, 'someone-else', [
        { send: { payload: `ENTRY_RENEW_${entryId}` }, says: ['jobAnswers.stale'], offers: MENU },
      ]);
      assert.deepEqual(entry(entryId).expiresAt, before);
      await runTable(harness, RESIDENT, [
        { send: { payload: `ENTRY_RENEW_${entryId}` }, says: ['jobAnswers.renewed'], offers: MENU },
      ]);
      const renewed = entry(entryId);
      assert.ok(renewed.expiresAt.getTime() > before.getTime());
      await runTable(harness, RESIDENT, [
        { send: { payload: `ENTRY_CLOSE_${entryId}` }, says: ['jobAnswers.closed'], offers: MENU },
      ]);
      assert.equal(entry(entryId).status, 'closed');
    });

    it('leaves "Mes annonces" its own renewal button', async function () {
      const offer = harness.entries.add(RESIDENT, {
        kind: 'offer',
        category: 'printing',
        description: "J'imprime vos papiers",
        availability: 'le soir',
        location: at(MIRAMAS),
        locationSource: 'address',
      });
      entryId = offer._id.toHexString();
      await runTable(harness, RESIDENT, [
        { send: { payload: 'MENU_MY_ENTRIES' }, says: ['myEntries.intro'] },
        { send: { payload: `ENTRY_${entryId}` }, offers: [`ENTRY_RENEW_${entryId}`] },
        { send: { payload: `ENTRY_RENEW_${entryId}` }, says: ['myEntries.doneRenew'] },
      ]);
    });
  });
});

describe('dialogs: the follow-up\u2019s "no", on the database', function () {
  let harness: Harness;
  let matchId: string;
  useHarness(async (started) => {
    harness = started;
    const { residents, entries, matches } = harness.repositories;
    await residents.recordStorageConsent(RESIDENT, {
      given: true,
      at: harness.clock.now(),
      version: 'storage-v1',
      via: 'messenger',
    });
    const need = await entries.create({
      psid: RESIDENT,
      kind: 'need',
      category: 'groceries',
      description: 'Mes courses',
      availability: 'samedi',
      location: at(MIRAMAS),
      locationSource: 'address',
    });
    await entries.publish(need._id);
    const offerId = await seedHelper(harness, {
      psid: 'helper',
      category: 'groceries',
      meters: 200,
      contact: { channels: ['page'] },
    });
    const match = await matches.propose(need, (await entries.get(offerId))!, 200);
    await matches.accept(match._id, 'helper');
    matchId = match._id.toHexString();
  });

  const flags = () =>
    harness.database.db.collection<ConversationAttention>('conversations').findOne({ psid: RESIDENT });
  const answers = async () =>
    (await harness.database.db.collection('matches').findOne({}))?.followUp as
      { answers?: Record<string, { yes: boolean }> } | undefined;

  it('a "no" in the middle of a testimonial flags the conversation, then the question is asked again', async function () {
    await runTable(harness, RESIDENT, [
      { send: { payload: 'MENU_TESTIMONIAL' }, says: ['testimonialDialog.intro'] },
      {
        send: { payload: `FOLLOWUP_NO_${matchId}` },
        says: ['jobAnswers.followUpNo', 'testimonialDialog.intro'],
      },
    ]);
    assert.deepEqual((await answers())?.answers?.need?.yes, false);
    assert.deepEqual(
      (await flags())?.reasons.map((reason) => reason.reason),
      ['complaint'],
    );
  });
});
