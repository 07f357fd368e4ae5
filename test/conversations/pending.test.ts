/**
 * Questions asked from outside any form (a neighbour's request to a helper, "did the help
 * happen?", "is your entry still wanted?") answered in the resident's own words or from
 * "Mes annonces", until they expire.
 */
import { strict as assert } from 'node:assert';
import type { Category, Entry, Match } from '../../services/domain/types';
import { at, offset } from '../services/support';
import type { Harness } from '../dialogs/support/harness';
import { ASKER_PLACE, seedHelper } from '../dialogs/support/seed';
import type { Ids } from '../dialogs/support/table';
import { playScripts, type Script } from './support/script';

const DAY_MS = 86_400_000;
const MENU_ENTRIES = { payload: 'MENU_MY_ENTRIES' };

/** A need of `askerPsid` near the helper, whose offer (`category`) is asked: `ids.match`, `ids.need`. */
async function askHelper(harness: Harness, ids: Ids, helperPsid: string, category: Category): Promise<void> {
  const offerId = await seedHelper(harness, {
    psid: helperPsid,
    category,
    meters: 300,
    contact: { channels: ['phone'], phone: '0612345678' },
  });
  const { entries } = harness.repositories;
  const need = await entries.create({
    psid: `asker-of-${helperPsid}`,
    kind: 'need',
    category,
    description: 'Besoin d’un coup de main cette semaine',
    availability: 'jeudi après-midi',
    addressText: 'place Jean Jaurès',
    location: at(offset(ASKER_PLACE, 0, 0)),
    locationSource: 'address',
    flags: [],
  });
  await entries.publish(need._id);
  const [storedNeed, offer] = await Promise.all([entries.get(need._id), entries.get(offerId)]);
  assert.ok(storedNeed && offer);
  const { match, sent } = await harness.matching.askHelper(storedNeed, { offer, distanceMeters: 300 });
  assert.ok(sent, 'the helper was asked');
  ids.match = match._id.toHexString();
  ids.need = need._id.toHexString();
}

/** `askHelper`, accepted, then the follow-up question asked to both a day later. */
async function askFollowUp(
  harness: Harness,
  ids: Ids,
  helperPsid: string,
  category: Category,
): Promise<void> {
  await askHelper(harness, ids, helperPsid, category);
  const answer = await harness.matching.answerRequest(ids.match, helperPsid, true);
  assert.equal(answer.status, 'accepted');
  harness.clock.advance(DAY_MS);
  const summary = await harness.matching.sendFollowUps(harness.clock.now(), 1);
  assert.equal(summary.sent, 2, 'both were asked');
}

/** An entry of `psid` past its expiry whose owner was asked whether to keep it: `ids.entry`. */
async function askRenewal(harness: Harness, ids: Ids, psid: string, category: Category): Promise<void> {
  const offerId = await seedHelper(harness, {
    psid,
    category,
    meters: 200,
    contact: { channels: ['phone'], phone: '0698765432' },
  });
  ids.entry = offerId;
  harness.clock.advance(31 * DAY_MS);
  const summary = await harness.entries.expireOverdue(harness.clock.now());
  assert.equal(summary.asked, 1, 'the owner was asked');
}

async function matchOf(
  harness: Harness,
  id: string | undefined,
): Promise<(Match & { followUp?: unknown }) | null> {
  const all = await harness.database.db
    .collection<Match & { followUp?: unknown }>('matches')
    .find()
    .toArray();
  return all.find((match) => String((match as { _id?: unknown })._id) === id) ?? null;
}

async function entryOf(harness: Harness, id: string | undefined): Promise<Entry | null> {
  const all = await harness.database.db.collection<Entry & { _id: unknown }>('entries').find().toArray();
  return all.find((entry) => String(entry._id) === id) ?? null;
}

const scripts: Script[] = [
  {
    title: 'a helper says yes to a neighbour in her own words',
    voice: 'helper',
    psid: 'helper-words-yes',
    setup: (harness, ids) => askHelper(harness, ids, 'helper-words-yes', 'groceries'),
    turns: [{ send: 'oui avec plaisir !! je passe jeudi', says: ['match.helperAccepted'] }],
    async outcome(harness, ids) {
      assert.equal((await matchOf(harness, ids.match))?.status, 'accepted');
    },
  },
  {
    title: 'a helper cannot this week and says so in SMS',
    voice: 'sms',
    psid: 'helper-words-no',
    setup: (harness, ids) => askHelper(harness, ids, 'helper-words-no', 'pets'),
    turns: [{ send: 'dsl jpeu pas cette semaine', says: ['match.helperDeclined'], hides: ['Je n'] }],
    async outcome(harness, ids) {
      // Declined, and nobody else is near: the request goes on to the referents.
      assert.equal((await matchOf(harness, ids.match))?.status, 'to_moderators');
    },
  },
  {
    title: 'a retired helper comes back, is greeted as known and accepts with "ok je peux"',
    voice: 'senior',
    psid: 'helper-greeted',
    setup: (harness, ids) => askHelper(harness, ids, 'helper-greeted', 'printing'),
    turns: [
      {
        send: 'bonjour',
        says: ['greeting.welcomeBack', 'greeting.backRequest'],
        contains: ['1 offre en ligne (impressions)'],
      },
      { send: 'ok je peux', says: ['match.helperAccepted'] },
    ],
    async outcome(harness, ids) {
      assert.equal((await matchOf(harness, ids.match))?.status, 'accepted');
    },
  },
  {
    title: 'a helper finds the request again in "Mes annonces" and accepts it there',
    voice: 'helper',
    psid: 'helper-menu-yes',
    setup: (harness, ids) => askHelper(harness, ids, 'helper-menu-yes', 'groceries'),
    turns: [
      {
        send: MENU_ENTRIES,
        says: ['myEntries.pendingIntro', 'myEntries.pendingRequest', 'myEntries.intro'],
        offers: [(ids) => `MATCH_ACCEPT_${ids.match}`, (ids) => `MATCH_DECLINE_${ids.match}`],
      },
      { send: (ids) => ({ payload: `MATCH_ACCEPT_${ids.match}` }), says: ['match.helperAccepted'] },
    ],
    async outcome(harness, ids) {
      assert.equal((await matchOf(harness, ids.match))?.status, 'accepted');
    },
  },
  {
    title: 'a helper types "mes demandes en cours" and declines from the list',
    voice: 'typos',
    psid: 'helper-menu-no',
    setup: (harness, ids) => askHelper(harness, ids, 'helper-menu-no', 'homework'),
    turns: [
      { send: 'mes demandes en cours', says: ['myEntries.pendingRequest'] },
      { send: (ids) => ({ payload: `MATCH_DECLINE_${ids.match}` }), says: ['match.helperDeclined'] },
      // Asked again: nothing waits any more.
      { send: 'mes demandes', says: ['myEntries.intro'], hides: ['Un voisin vous a demandé'] },
    ],
    async outcome(harness, ids) {
      // Declined, and nobody else is near: the request goes on to the referents.
      assert.equal((await matchOf(harness, ids.match))?.status, 'to_moderators');
    },
  },
  {
    title: 'the asker tells, without accents, that the help went well',
    voice: 'senior',
    psid: 'asker-of-helper-followup-yes',
    setup: (harness, ids) => askFollowUp(harness, ids, 'helper-followup-yes', 'groceries'),
    turns: [{ send: 'oui ca s est tres bien passe merci', says: ['jobAnswers.followUpYes'] }],
    async outcome(harness, ids) {
      const match = (await matchOf(harness, ids.match)) as {
        followUp?: { answers?: { need?: { yes: boolean } } };
      };
      assert.equal(match.followUp?.answers?.need?.yes, true);
    },
  },
  {
    title: 'a helper says nobody came to the appointment (dictated, no punctuation)',
    voice: 'dictation',
    psid: 'helper-followup-no',
    setup: (harness, ids) => askFollowUp(harness, ids, 'helper-followup-no', 'pharmacy'),
    turns: [{ send: 'non personne n est venu au rendez vous j ai attendu', says: ['jobAnswers.followUpNo'] }],
    async outcome(harness, ids) {
      const match = (await matchOf(harness, ids.match)) as {
        followUp?: { answers?: { offer?: { yes: boolean } } };
      };
      assert.equal(match.followUp?.answers?.offer?.yes, false);
      const flagged = await harness.database.db
        .collection('conversations')
        .countDocuments({ psid: 'helper-followup-no' });
      assert.ok(flagged >= 1, 'the conversation is flagged for a referent');
    },
  },
  {
    title: 'the follow-up answered from "Mes annonces" days later',
    voice: 'non-native',
    psid: 'helper-followup-menu',
    setup: (harness, ids) => askFollowUp(harness, ids, 'helper-followup-menu', 'conversation'),
    turns: [
      { send: 'je veux voir mes annonces', says: ['myEntries.pendingFollowUp'] },
      { send: (ids) => ({ payload: `FOLLOWUP_YES_${ids.match}` }), says: ['jobAnswers.followUpYes'] },
    ],
    async outcome(harness, ids) {
      const match = (await matchOf(harness, ids.match)) as {
        followUp?: { answers?: { offer?: { yes: boolean } } };
      };
      assert.equal(match.followUp?.answers?.offer?.yes, true);
    },
  },
  {
    title: 'an owner keeps her offer with "oui toujours"',
    voice: 'senior',
    psid: 'owner-keeps',
    transcript: true,
    setup: (harness, ids) => askRenewal(harness, ids, 'owner-keeps', 'groceries'),
    turns: [{ send: 'oui toujours', says: ['jobAnswers.renewed'] }],
    async outcome(harness, ids) {
      const entry = await entryOf(harness, ids.entry);
      assert.equal(entry?.status, 'published');
      assert.ok(entry && entry.expiresAt > harness.clock.now(), 'the expiry moved 30 days on');
    },
  },
  {
    title: 'an owner who found help closes his entry in words',
    voice: 'sms',
    psid: 'owner-closes',
    setup: (harness, ids) => askRenewal(harness, ids, 'owner-closes', 'printing'),
    turns: [{ send: "non c bon j'ai trouvé", says: ['jobAnswers.closed'] }],
    async outcome(harness, ids) {
      assert.equal((await entryOf(harness, ids.entry))?.status, 'closed');
    },
  },
  {
    title: 'an owner renews from the list after hesitating',
    voice: 'changes-mind',
    psid: 'owner-menu',
    setup: (harness, ids) => askRenewal(harness, ids, 'owner-menu', 'pets'),
    turns: [
      {
        send: 'mes annonces',
        says: ['myEntries.pendingRenewal'],
        offers: [(ids) => `ENTRY_RENEW_${ids.entry}`],
      },
      { send: (ids) => ({ payload: `ENTRY_RENEW_${ids.entry}` }), says: ['jobAnswers.renewed'] },
      // The renewal question's own button, tapped afterwards: still answered, and kindly.
      { send: (ids) => ({ payload: `ENTRY_RENEW_${ids.entry}` }), says: ['jobAnswers.renewed'] },
    ],
    async outcome(harness, ids) {
      const entry = await entryOf(harness, ids.entry);
      assert.equal(entry?.status, 'published');
      assert.ok(entry && entry.expiresAt > harness.clock.now());
    },
  },
];

playScripts('conversations: questions still waiting', scripts);
