/**
 * Offers once or again and again, in residents' own words: the form asks (or reads from the
 * availability) whether the help is one-off or regular, shows it and lets it be changed; a
 * one-off offer used up by a match is published again or made regular by its owner; a
 * regular one says how many neighbours it helped and can be paused; a need's author who
 * accepts the order has the next helper asked without being asked again.
 */
import { strict as assert } from 'node:assert';
import type { Entry, Match } from '../../services/domain/types';
import type { Harness } from '../dialogs/support/harness';
import { ASKER_PLACE, seedHelper } from '../dialogs/support/seed';
import type { Ids } from '../dialogs/support/table';
import { at, offset } from '../services/support';
import { entriesOf, onlyEntryOf } from './support/stored';
import { playScripts, type Script } from './support/script';

/** The texts `psid` was sent outside their own turns (the modules' notices). */
function noticesTo(harness: Harness, psid: string): string {
  return harness.notifier
    .to(psid)
    .map((message) => message.activity.text ?? '')
    .join('\n');
}

/** The quick replies of the notices `psid` was sent. */
function noticePayloads(harness: Harness, psid: string): string[] {
  return harness.notifier
    .to(psid)
    .flatMap((message) => message.activity.suggestedActions?.actions ?? [])
    .map((action) => String(action.value));
}

/** The matches of the need `ids.need`, oldest first. */
async function matchesOfNeed(harness: Harness, ids: Ids): Promise<Match[]> {
  const needs = await harness.database.db
    .collection<Match>('matches')
    .find({})
    .sort({ createdAt: 1, _id: 1 })
    .toArray();
  return needs.filter((match) => match.needId.toHexString() === ids.need);
}

/** A published need of `psid` at place Jean Jaurès (`ids.need`). */
async function openNeed(harness: Harness, ids: Ids, psid: string): Promise<void> {
  const { entries, residents } = harness.repositories;
  await residents.recordStorageConsent(psid, {
    given: true,
    at: harness.clock.now(),
    version: 'storage-v1',
    via: 'messenger',
  });
  await residents.setContact(psid, { channels: ['email'], email: 'josiane.b@example.org' });
  const need = await entries.create({
    psid,
    kind: 'need',
    category: 'groceries',
    description: 'Mes courses de la semaine, je ne peux plus porter',
    availability: 'jeudi matin',
    addressText: 'place Jean Jaurès',
    location: at(offset(ASKER_PLACE, 0, 0)),
    locationSource: 'address',
    flags: [],
  });
  await entries.publish(need._id);
  ids.need = need._id.toHexString();
}

/**
 * A helper's one-off offer (`ids.offer`) asked for a neighbour's need: the helper's turn
 * answers it.
 */
async function oneOffOfferAsked(harness: Harness, ids: Ids, helper: string): Promise<void> {
  ids.offer = await seedHelper(harness, {
    psid: helper,
    category: 'groceries',
    meters: 250,
    contact: { channels: ['phone'], phone: '0611223344' },
    description: 'Je vais au marché samedi, je peux ramener des fruits et légumes',
  });
  await openNeed(harness, ids, `neighbour-of-${helper}`);
  const [need, offer] = await Promise.all([harness.entries.get(ids.need), harness.entries.get(ids.offer)]);
  assert.ok(need && offer);
  const { sent } = await harness.matching.askHelper(need, { offer, distanceMeters: 250 });
  assert.ok(sent, 'the helper was asked');
}

/** Two helpers near the need of `author` (300 m and 600 m); the nearest suggested to the author. */
async function twoHelpersNear(harness: Harness, ids: Ids, author: string): Promise<void> {
  ids.first = await seedHelper(harness, {
    psid: `${author}-first`,
    category: 'groceries',
    meters: 300,
    contact: { channels: ['phone'], phone: '0622334455' },
  });
  ids.second = await seedHelper(harness, {
    psid: `${author}-second`,
    category: 'groceries',
    meters: 600,
    contact: { channels: ['phone'], phone: '0633445566' },
    description: 'Courses le jeudi avec ma voiture',
  });
  await openNeed(harness, ids, author);
  assert.equal(await harness.matching.entryPublished(ids.need), 1, 'a helper was suggested');
}

const scripts: Script[] = [
  {
    title: 'a retired lady offers the Saturday shopping « chaque semaine »: nothing more is asked',
    voice: 'senior',
    psid: 'regular-senior',
    transcript: true,
    turns: [
      {
        send: 'bonjour je voudrais aider pour les courses je vais au marche a pied avec mon caddie',
        says: ['form.descriptionCarried', 'form.where'],
      },
      { send: 'rue des molieres', says: ['form.whereFound', 'form.availabilityOffer'] },
      {
        send: 'le samedi matin chaque semaine',
        says: ['form.recurrenceNotedRegular', 'form.contact'],
        hides: ['ponctuelle ou régulière'],
      },
      { send: 'par la page', says: ['form.commitmentsOffer'] },
      { send: 'oui j accepte', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['Fréquence : régulière'] },
      { send: 'oui merci', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'regular-senior');
      assert.equal(offer.kind, 'offer');
      assert.equal(offer.recurring, true);
      assert.equal(offer.availability, 'le samedi matin chaque semaine');
      assert.equal(
        offer.description,
        'Je voudrais aider pour les courses je vais au marche a pied avec mon caddie',
      );
    },
  },
  {
    title: 'a teenager says « tt les mercredis », then changes it to once in the recap',
    voice: 'changes-mind',
    psid: 'regular-teen',
    turns: [
      { send: 'slt jpropose mon aide pr les devoirs', says: ['form.descriptionOffer'] },
      { send: 'maths et physique niveau college, jsuis en terminale', says: ['form.where'] },
      { send: 'avenue de la republique', says: ['form.whereFound', 'form.availabilityOffer'] },
      { send: 'le mercredi aprem', says: ['form.recurrence'], offers: ['OFFER_ONCE', 'OFFER_REGULAR'] },
      { send: 'tt les mercredis', says: ['form.contact'] },
      { send: 'sur messenger', says: ['form.commitmentsOffer'] },
      { send: 'ok', says: ['form.consent'] },
      { send: 'ouais', says: ['form.recap'], contains: ['Fréquence : régulière'] },
      { send: 'modifier', says: ['form.editWhich'], offers: ['FORM_FIELD_recurring'] },
      { send: 'frequence', says: ['form.recurrence'] },
      {
        send: 'en fait juste une fois, jai le bac bientot',
        says: ['form.recap'],
        contains: ['une seule fois'],
      },
      { send: 'enregistrer', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'regular-teen');
      assert.equal(offer.category, 'homework');
      assert.equal(offer.recurring, undefined, 'a one-off offer in the end');
      assert.equal(offer.availability, 'le mercredi aprem');
    },
  },
  {
    title: 'a man dictates a dog walk for this Saturday and answers « ponctuellement »',
    voice: 'dictation',
    psid: 'once-dictation',
    turns: [
      {
        send: 'bonjour je peux promener le chien de quelqu un qui ne peut pas sortir',
        says: ['form.descriptionCarried', 'form.where'],
      },
      { send: 'place jean jaures', says: ['form.whereFound'] },
      { send: 'samedi apres midi', says: ['form.recurrence'] },
      { send: 'ponctuellement', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsOffer'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['Fréquence : une seule fois'] },
      { send: 'oui c est bon', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'once-dictation');
      assert.equal(offer.category, 'pets');
      assert.equal(offer.recurring, undefined);
      assert.equal(offer.description, 'Je peux promener le chien de quelqu un qui ne peut pas sortir');
    },
  },
  {
    title: 'a helper accepts with a one-off offer, is told it is closed and makes it regular',
    voice: 'helper',
    psid: 'used-up-regular',
    transcript: true,
    setup: (harness, ids) => oneOffOfferAsked(harness, ids, 'used-up-regular'),
    turns: [
      {
        send: 'oui avec plaisir',
        says: ['match.helperAccepted', 'offerUsedUp.ask'],
        offers: [(ids) => `ENTRY_REPUBLISH_${ids.offer}`, (ids) => `ENTRY_REGULAR_${ids.offer}`],
      },
      { send: (ids) => ({ payload: `ENTRY_REGULAR_${ids.offer}` }), says: ['offerUsedUp.madeRegular'] },
      { send: { payload: 'MENU_MY_ENTRIES' }, contains: ['offre régulière, 1 voisin(s) aidé(s)'] },
    ],
    async outcome(harness, ids) {
      const offer = await harness.entries.get(ids.offer);
      assert.equal(offer?.status, 'published', 'available again');
      assert.equal(offer?.recurring, true);
      assert.equal(offer?.helpedCount, 1);
      const need = await harness.entries.get(ids.need);
      assert.equal(need?.status, 'matched');
    },
  },
  {
    title: 'a helper taps « La republier »: the same offer goes back to review, once',
    voice: 'helper',
    psid: 'used-up-again',
    setup: (harness, ids) => oneOffOfferAsked(harness, ids, 'used-up-again'),
    turns: [
      { send: 'ok je peux', says: ['match.helperAccepted', 'offerUsedUp.ask'] },
      { send: (ids) => ({ payload: `ENTRY_REPUBLISH_${ids.offer}` }), says: ['offerUsedUp.republished'] },
      { send: (ids) => ({ payload: `ENTRY_REPUBLISH_${ids.offer}` }), says: ['offerUsedUp.stale'] },
    ],
    async outcome(harness, ids) {
      const [used, again, ...others] = await entriesOf(harness, 'used-up-again');
      assert.equal(others.length, 0, 'published again once only');
      assert.equal(used?._id?.toHexString(), ids.offer);
      assert.equal(used?.status, 'matched');
      assert.ok(used?.republishedAt, 'the used-up offer remembers it was published again');
      assert.equal(again?.status, 'pending_review', 'reviewed like a new offer');
      assert.equal(again?.description, used?.description);
      assert.equal(again?.recurring, undefined);
    },
  },
  {
    title: 'a newcomer accepts the order: the next helper is asked without asking her again',
    voice: 'non-native',
    psid: 'order-yes',
    transcript: true,
    setup: (harness, ids) => twoHelpersNear(harness, ids, 'order-yes'),
    turns: [
      { send: 'ok demandez dans l ordre svp', says: ['suggest.askedInOrder'] },
      { as: 'order-yes-first', send: 'desole je ne peux pas cette semaine', says: ['match.helperDeclined'] },
      { as: 'order-yes-second', send: 'oui je peux', says: ['match.helperAccepted'] },
    ],
    async outcome(harness, ids) {
      const need = (await harness.entries.get(ids.need)) as Entry | null;
      assert.equal(need?.orderAccepted, true, 'her consent is recorded on the need');
      assert.equal(need?.status, 'matched');
      const matches = await matchesOfNeed(harness, ids);
      assert.deepEqual(
        matches.map((match) => [match.offerId.toHexString(), match.status]),
        [
          [ids.first, 'declined'],
          [ids.second, 'accepted'],
        ],
      );
      const told = noticesTo(harness, 'order-yes');
      assert.match(told, /J'ai demandé à un autre voisin/, 'she is told the next one was asked');
      assert.equal(
        noticePayloads(harness, 'order-yes').filter((payload) => payload.startsWith('MATCH_ASK_')).length,
        1,
        'she was asked once, for the first helper only',
      );
      assert.match(noticesTo(harness, 'order-yes-second'), /Pouvez-vous l'aider/);
    },
  },
  {
    title: 'without that consent, the author is asked again after a decline',
    voice: 'senior',
    psid: 'order-no',
    setup: (harness, ids) => twoHelpersNear(harness, ids, 'order-no'),
    turns: [
      { send: 'oui demandez lui', says: ['suggest.asked'] },
      { as: 'order-no-first', send: 'non desole', says: ['match.helperDeclined'] },
    ],
    async outcome(harness, ids) {
      const need = await harness.entries.get(ids.need);
      assert.notEqual(need?.orderAccepted, true);
      const matches = await matchesOfNeed(harness, ids);
      assert.deepEqual(
        matches.map((match) => [match.offerId.toHexString(), match.status]),
        [
          [ids.first, 'declined'],
          [ids.second, 'suggested'],
        ],
        'the second helper is only suggested',
      );
      assert.equal(harness.notifier.to('order-no-second').length, 0, 'the second helper heard nothing');
      const asks = noticePayloads(harness, 'order-no').filter((payload) => payload.startsWith('MATCH_ASK_'));
      assert.equal(asks.length, 2, 'she chooses again');
    },
  },
];

playScripts('conversations: one-off and regular offers, the order of helpers', scripts);
