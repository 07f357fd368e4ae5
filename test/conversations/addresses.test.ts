/**
 * Addresses, grades and positions in residents' own words: an address typed in a description
 * or in "quand" is taken out of what others read (and the author told why), a school grade is
 * not money, a position outside Miramas is refused with the CCAS line.
 */
import { strict as assert } from 'node:assert';
import type { Entry } from '../../services/domain/types';
import { isInMiramas } from '../../services/places';
import { seedHelper } from '../dialogs/support/seed';
import type { Harness } from '../dialogs/support/harness';
import { keyPattern } from '../dialogs/support/table';
import { playScripts, type Script, type ScriptTurn } from './support/script';

const REMOVED = '[adresse retirée]';

/** The only entry `psid` left. */
async function onlyEntryOf(harness: Harness, psid: string): Promise<Entry> {
  const entries = await harness.database.db.collection<Entry>('entries').find({ psid }).toArray();
  assert.equal(entries.length, 1, `${entries.length} entries for ${psid}`);
  return entries[0];
}

/** The text of every notice `psid` received. */
function noticesTo(harness: Harness, psid: string): string {
  return harness.notifier
    .to(psid)
    .map((notice) => notice.activity.text ?? '')
    .join('\n');
}

/** The end of a form, tapping the buttons: contact by the page, commitments, consent, recap. */
function tapToTheEnd(saved: string, recapHides: string[] = []): ScriptTurn[] {
  return [
    { send: { payload: 'CONTACT_PAGE' } },
    { send: { payload: 'YES' }, says: ['form.consent'] },
    { send: { payload: 'YES' }, says: ['form.recap'], hides: recapHides },
    { send: { payload: 'YES' }, says: [saved] },
  ];
}

/** A need up to its save, then the nearest helper asked. */
function needTail(recapHides: string[]): ScriptTurn[] {
  return [
    ...tapToTheEnd('need.saved', recapHides),
    { send: (ids) => ({ payload: `MATCH_PICK_${ids.near}` }), says: ['need.asked'] },
  ];
}

const scripts: Script[] = [
  {
    title: 'a retired lady offers shopping and gives her street, floor and door in the description',
    voice: 'senior',
    psid: 'addr-senior',
    transcript: true,
    turns: [
      { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
      { send: { payload: 'CATEGORY_GROCERIES' }, says: ['form.descriptionOffer'] },
      {
        send: 'je peux faire les courses des personnes agees je suis au 14 avenue jean jaures 3eme etage porte droite',
        says: ['screening.addressRemoved', 'form.where'],
        hides: ['14 avenue', 'porte droite'],
      },
      { send: 'la carraire', says: ['form.whereFound', 'form.availabilityOffer'] },
      { send: 'le matin sauf le jeudi', says: ['form.recurrence'] },
      { send: 'regulierement', says: ['form.contact'] },
      ...tapToTheEnd('offer.saved', ['jean jaures']),
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'addr-senior');
      assert.equal(offer.description, `je peux faire les courses des personnes agees je suis au ${REMOVED}`);
      assert.equal(offer.neighbourhood, 'La Carraire');
    },
  },
  {
    title: 'a teenager offers homework help from CP to 5e and types a door code in "quand"',
    voice: 'sms',
    psid: 'addr-teen',
    transcript: true,
    turns: [
      { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
      { send: { payload: 'CATEGORY_HOMEWORK' }, says: ['form.descriptionOffer'] },
      {
        send: 'jpeux aider en maths et anglais du CP a la 5e',
        says: ['form.where'],
        hides: ['tout est gratuit', 'Petit rappel'],
      },
      { send: 'maille 2', says: ['form.whereFound'] },
      {
        send: 'mercredi aprem chez moi bat C esc 2 code 4512B',
        says: ['screening.addressRemovedWhen', 'form.recurrence'],
        hides: ['4512'],
      },
      { send: 'ts les mercredis', says: ['form.contact'] },
      ...tapToTheEnd('offer.saved', ['4512', 'esc 2']),
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'addr-teen');
      assert.equal(offer.description, 'jpeux aider en maths et anglais du CP a la 5e');
      assert.equal(offer.availability, `mercredi aprem chez moi ${REMOVED}`);
      assert.ok(!(offer.flags ?? []).includes('money'), 'a grade is not money');
    },
  },
  {
    title: 'a man dictates his medicine errand with his address, the helper never reads it',
    voice: 'dictation',
    psid: 'addr-dictation',
    transcript: true,
    async setup(harness, ids) {
      ids.near = await seedHelper(harness, {
        psid: 'addr-helper-1',
        category: 'pharmacy',
        meters: 300,
        contact: { channels: ['page'] },
      });
    },
    turns: [
      { send: { payload: 'MENU_NEED' }, says: ['form.categoryNeed'] },
      { send: { payload: 'CATEGORY_PHARMACY' }, says: ['form.beneficiary'] },
      { send: { payload: 'FOR_ME' }, says: ['form.urgency'] },
      { send: { payload: 'URGENCY_NORMAL' }, says: ['form.descriptionNeed'] },
      {
        send: 'il me faudrait quelqu un pour aller chercher mes medicaments a la pharmacie je suis au 5 rue des lilas deuxieme etage porte gauche',
        says: ['screening.addressRemoved', 'form.where'],
      },
      { send: 'place jean jaures', says: ['form.whereFound'] },
      { send: 'demain matin avant midi', says: ['form.contact'] },
      ...needTail(['rue des lilas']),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'addr-dictation');
      assert.equal(
        need.description,
        `il me faudrait quelqu un pour aller chercher mes medicaments a la pharmacie je suis au ${REMOVED}`,
      );
      const asked = noticesTo(harness, 'addr-helper-1');
      assert.match(asked, keyPattern('match.helperAsk'));
      assert.ok(asked.includes(REMOVED));
      assert.ok(!/lilas|porte gauche/i.test(asked), asked);
    },
  },
  {
    title: 'a daughter asks for her mother and writes the residence and building in "quand"',
    voice: 'typos',
    psid: 'addr-daughter',
    async setup(harness, ids) {
      ids.near = await seedHelper(harness, {
        psid: 'addr-helper-2',
        category: 'groceries',
        meters: 200,
        contact: { channels: ['page'] },
      });
    },
    turns: [
      { send: { payload: 'MENU_NEED' }, says: ['form.categoryNeed'] },
      { send: { payload: 'CATEGORY_GROCERIES' }, says: ['form.beneficiary'] },
      { send: { payload: 'FOR_RELATIVE' }, says: ['form.urgency'] },
      { send: { payload: 'URGENCY_NORMAL' }, says: ['form.descriptionNeed'] },
      { send: 'des courses pour ma maman de 90ans, eau et lait surtout', says: ['form.where'] },
      { send: 'avenue de la republique', says: ['form.whereFound'] },
      {
        send: 'samedi matin chez elle residence Les Oliviers bat 4 rez de chaussée',
        says: ['screening.addressRemovedWhen', 'form.contact'],
      },
      ...needTail(['Oliviers']),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'addr-daughter');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.availability, `samedi matin chez elle ${REMOVED}`);
      const asked = noticesTo(harness, 'addr-helper-2');
      assert.ok(asked.includes(`samedi matin chez elle ${REMOVED}`), asked);
      assert.ok(!/oliviers|bat 4/i.test(asked), asked);
    },
  },
  {
    title: 'a mother who learnt French asks homework help for her son in 6e, no money reminder',
    voice: 'non-native',
    psid: 'addr-grades',
    turns: [
      { send: { payload: 'MENU_NEED' }, says: ['form.categoryNeed'] },
      { send: { payload: 'CATEGORY_HOMEWORK' }, says: ['form.beneficiary'] },
      { send: { payload: 'FOR_RELATIVE' }, says: ['form.urgency'] },
      { send: { payload: 'URGENCY_NORMAL' }, says: ['form.descriptionNeed'] },
      {
        send: 'mon fils il est en 6e, besoin aide pour français, niveau de la 6ème à la 5ème',
        says: ['form.where'],
        hides: ['Petit rappel'],
      },
      { send: 'les molieres', says: ['form.whereFound'] },
      { send: 'le soir 18h apres école', says: ['form.contact'] },
      ...tapToTheEnd('need.saved'),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'addr-grades');
      assert.equal(
        need.description,
        'mon fils il est en 6e, besoin aide pour français, niveau de la 6ème à la 5ème',
      );
      assert.equal(need.availability, 'le soir 18h apres école');
    },
  },
  {
    title:
      'a helper shares a position from Istres centre, is told the service is for Miramas, then names her neighbourhood',
    voice: 'helper',
    psid: 'addr-istres',
    transcript: true,
    turns: [
      { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
      { send: { payload: 'CATEGORY_PETS' }, says: ['form.descriptionOffer'] },
      { send: 'je peux promener les chiens le week end', says: ['form.where'] },
      {
        send: { location: { lat: 43.5147, lon: 4.9892 } },
        says: ['places.outsideMiramas'],
        contains: ['08000 13140'],
        hides: ["C'est noté"],
      },
      { send: 'ah pardon je suis a la maille 1', says: ['form.whereFound', 'form.availabilityOffer'] },
      { send: 'samedi et dimanche', says: ['form.recurrence'] },
      { send: 'juste une fois', says: ['form.contact'] },
      ...tapToTheEnd('offer.saved'),
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'addr-istres');
      assert.equal(offer.neighbourhood, 'La Maille 1');
      const [lon, lat] = offer.location.coordinates;
      assert.ok(isInMiramas(lat, lon));
    },
  },
  {
    title: 'a position from Saint-Chamas is refused, one at the southern edge of Miramas is taken',
    voice: 'senior',
    psid: 'addr-stchamas',
    turns: [
      { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
      { send: { payload: 'CATEGORY_CONVERSATION' }, says: ['form.descriptionOffer'] },
      { send: 'je peux telephoner aux personnes seules pour discuter un peu', says: ['form.where'] },
      {
        send: { location: { lat: 43.5503, lon: 5.0347 } },
        says: ['places.outsideMiramas'],
        hides: ['Saint-Chamas', 'Centre-ville', 'La Carraire'],
      },
      { send: { location: { lat: 43.566, lon: 5.0 } }, says: ['form.whereShared', 'form.availabilityOffer'] },
      { send: "l'apres midi", says: ['form.recurrence'] },
      { send: { payload: 'OFFER_REGULAR' }, says: ['form.contact'] },
      ...tapToTheEnd('offer.saved'),
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'addr-stchamas');
      assert.equal(offer.locationSource, 'shared_location');
      const [lon, lat] = offer.location.coordinates;
      assert.ok(isInMiramas(lat, lon), `${lat}, ${lon}`);
      assert.ok(offer.neighbourhood, 'named after a Miramas neighbourhood');
    },
  },
  {
    title: 'a position shared from Lyon on holiday is refused, then the resident types the town centre',
    voice: 'changes-mind',
    psid: 'addr-far',
    turns: [
      { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
      { send: { payload: 'CATEGORY_PRINTING' }, says: ['form.descriptionOffer'] },
      { send: "j'ai une imprimante, je peux imprimer des attestations", says: ['form.where'] },
      { send: { location: { lat: 45.764, lon: 4.8357 } }, says: ['places.outsideMiramas'] },
      { send: 'centre ville', says: ['form.whereFound'] },
      { send: 'à mon retour, à partir du 15', says: ['form.recurrence'] },
      { send: 'oui régulièrement', says: ['form.contact'] },
      ...tapToTheEnd('offer.saved'),
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'addr-far');
      assert.equal(offer.neighbourhood, 'Centre-ville');
      assert.equal(offer.availability, 'à mon retour, à partir du 15');
    },
  },
  {
    title: 'a resident types that she lives in Grans, is told the service is for Miramas, stops there',
    voice: 'typos',
    psid: 'addr-grans',
    turns: [
      { send: { payload: 'MENU_NEED' }, says: ['form.categoryNeed'] },
      { send: { payload: 'CATEGORY_GROCERIES' }, says: ['form.beneficiary'] },
      { send: { payload: 'FOR_ME' }, says: ['form.urgency'] },
      { send: { payload: 'URGENCY_NORMAL' }, says: ['form.descriptionNeed'] },
      { send: 'qqn pour me ramener un pack d eau', says: ['form.where'] },
      { send: "j'habite a Grans", says: ['places.outsideMiramas'], contains: ['08000 13140'] },
      { send: 'annuler' },
    ],
    async outcome(harness) {
      const entries = await harness.database.db
        .collection<Entry>('entries')
        .find({ psid: 'addr-grans' })
        .toArray();
      assert.equal(entries.length, 0, 'nothing stored for a resident of Grans');
    },
  },
  {
    title: 'a dog walker mentions a price and her street: the address goes, she rewrites without money',
    voice: 'changes-mind',
    psid: 'addr-rewrite',
    turns: [
      { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
      { send: { payload: 'CATEGORY_PETS' }, says: ['form.descriptionOffer'] },
      {
        send: 'je promene vos chiens pour 5e de l heure, venez au 3 impasse des Cigales',
        says: ['screening.addressRemoved', 'form.moneyReminder'],
        hides: ['Cigales'],
      },
      { send: { payload: 'REWRITE_TEXT' }, says: ['form.rewritePrompt'] },
      { send: 'je promene vos chiens gratuitement bien sur, le soir', says: ['form.where'] },
      { send: 'miramas le vieux', says: ['form.whereFound'] },
      { send: 'tous les soirs vers 19h', says: ['form.contact'] },
      ...tapToTheEnd('offer.saved'),
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'addr-rewrite');
      assert.equal(offer.description, 'je promene vos chiens gratuitement bien sur, le soir');
    },
  },
  {
    title: 'a helper offers printing with his building, a neighbour in need reads the offer without it',
    voice: 'helper',
    psid: 'addr-printer',
    setup(harness) {
      current = harness;
      return Promise.resolve();
    },
    turns: [
      { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
      { send: { payload: 'CATEGORY_PRINTING' }, says: ['form.descriptionOffer'] },
      {
        send: "J'imprime vos papiers, passez au 8 allée des Pins bâtiment B",
        says: ['screening.addressRemoved', 'form.where'],
      },
      { send: 'place jean jaures', says: ['form.whereFound'] },
      { send: 'en semaine après 17h', says: ['form.recurrence'] },
      { send: 'Régulièrement', says: ['form.contact'] },
      ...tapToTheEnd('offer.saved'),
      {
        as: 'addr-printer-neighbour',
        send: { payload: 'MENU_NEED' },
        says: ['form.categoryNeed'],
        async then() {
          const offer = await onlyEntryOf(current!, 'addr-printer');
          await current!.repositories.entries.publish(String(offer._id));
        },
      },
      { as: 'addr-printer-neighbour', send: { payload: 'CATEGORY_PRINTING' }, says: ['form.beneficiary'] },
      { as: 'addr-printer-neighbour', send: { payload: 'FOR_ME' }, says: ['form.urgency'] },
      { as: 'addr-printer-neighbour', send: { payload: 'URGENCY_NORMAL' }, says: ['form.descriptionNeed'] },
      { as: 'addr-printer-neighbour', send: 'imprimer 3 pages pour la CAF', says: ['form.where'] },
      { as: 'addr-printer-neighbour', send: 'avenue de la république', says: ['form.whereFound'] },
      { as: 'addr-printer-neighbour', send: 'cette semaine', says: ['form.contact'] },
      { as: 'addr-printer-neighbour', send: { payload: 'CONTACT_PAGE' } },
      { as: 'addr-printer-neighbour', send: { payload: 'YES' }, says: ['form.consent'] },
      { as: 'addr-printer-neighbour', send: { payload: 'YES' }, says: ['form.recap'] },
      {
        as: 'addr-printer-neighbour',
        send: { payload: 'YES' },
        says: ['need.saved', 'need.offersIntro'],
        contains: [`J'imprime vos papiers, passez au ${REMOVED}`],
        hides: ['Pins', 'bâtiment B'],
      },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'addr-printer');
      assert.equal(offer.description, `J'imprime vos papiers, passez au ${REMOVED}`);
    },
  },
  {
    title: 'a senior knitting masks gives his full postal address, only the neighbourhood remains',
    voice: 'senior',
    psid: 'addr-masks',
    turns: [
      { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
      { send: { payload: 'CATEGORY_MASKS' }, says: ['form.descriptionOffer'] },
      {
        send: "Je couds des masques en tissu. Mon adresse c'est 2 rue Gambetta 13140 Miramas.",
        says: ['screening.addressRemoved', 'form.where'],
      },
      { send: 'cite jardins', says: ['form.whereFound'] },
      { send: 'quand vous voulez', says: ['form.recurrence'] },
      { send: 'souvent', says: ['form.contact'] },
      ...tapToTheEnd('offer.saved', ['Gambetta', '13140 Miramas']),
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'addr-masks');
      assert.equal(offer.description, `Je couds des masques en tissu. Mon adresse c'est ${REMOVED}.`);
      assert.equal(offer.neighbourhood, 'Cité Jardins');
    },
  },
  {
    title: 'an ordinary sentence about the market square and 2 packs keeps every word',
    voice: 'senior',
    psid: 'addr-market',
    turns: [
      { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
      { send: { payload: 'CATEGORY_GROCERIES' }, says: ['form.descriptionOffer'] },
      {
        send: 'je passe à la place du marché le samedi, je peux rapporter 2 paquets ou un pack de lait',
        says: ['form.where'],
        hides: ['retiré', 'Petit rappel'],
      },
      { send: 'la carraire', says: ['form.whereFound'] },
      { send: 'le samedi à 9h', says: ['form.recurrence'] },
      { send: 'une fois', says: ['form.contact'] },
      ...tapToTheEnd('offer.saved'),
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'addr-market');
      assert.equal(
        offer.description,
        'je passe à la place du marché le samedi, je peux rapporter 2 paquets ou un pack de lait',
      );
      assert.equal(offer.availability, 'le samedi à 9h');
    },
  },
];

/** The harness of the running script, for a turn that publishes an offer as a referent would. */
let current: Harness | undefined;

playScripts('conversations: addresses, grades and places', scripts);
