/**
 * More residents, in the voices the other files have least: dictated run-on messages,
 * French learnt late, long sentences typed without accents; a need's author choosing the
 * helper suggested to them, a helper answering in their own words; an emergency told in the
 * middle of a form; complaints handed to a referent with a task; a price, the town hall, a
 * voice message or a photo in the middle of a form; times and relatives read in context.
 */
import { strict as assert } from 'node:assert';
import type { Category, Match } from '../../services/domain/types';
import { at, offset } from '../services/support';
import type { Harness } from '../dialogs/support/harness';
import { ASKER_PLACE, seedHelper } from '../dialogs/support/seed';
import type { Ids } from '../dialogs/support/table';
import { entriesOf, flagsOf, onlyEntryOf } from './support/stored';
import { playScripts, type Script, type ScriptTurn } from './support/script';

/** The end of a need or an offer form, typed: contact by the page, commitments, consent, recap. */
function typedEnd(commitments: string, saved: string, recapContains: string[] = []): ScriptTurn[] {
  return [
    { send: 'par la page', says: [commitments] },
    { send: 'oui', says: ['form.consent'] },
    { send: 'oui', says: ['form.recap'], contains: recapContains },
    { send: 'oui', says: [saved] },
  ];
}

/** Every match stored. */
async function matchesOf(harness: Harness): Promise<(Match & { _id: { toHexString(): string } })[]> {
  return harness.database.db
    .collection<Match & { _id: { toHexString(): string } }>('matches')
    .find()
    .toArray();
}

/** The tasks stored for `psid`. */
async function tasksOf(harness: Harness, psid: string): Promise<{ reason: string; status: string }[]> {
  return harness.database.db
    .collection<{ psid: string; reason: string; status: string }>('tasks')
    .find({ psid })
    .toArray();
}

/**
 * An open need of `psid` (`category`) at place Jean Jaurès, then a helper's offer published
 * 300 m away and suggested to the need's author: `ids.need`, `ids.offer`, `ids.match`.
 */
async function suggestHelper(
  harness: Harness,
  ids: Ids,
  psid: string,
  helperPsid: string,
  category: Category,
): Promise<void> {
  const { entries, residents } = harness.repositories;
  await residents.recordStorageConsent(psid, {
    given: true,
    at: harness.clock.now(),
    version: 'storage-v1',
    via: 'messenger',
  });
  await residents.setContact(psid, { channels: ['phone'], phone: '0687654321' });
  const need = await entries.create({
    psid,
    kind: 'need',
    category,
    description: 'Sortir mon chien le matin, je ne marche plus bien',
    availability: 'le matin',
    addressText: 'place Jean Jaurès',
    location: at(offset(ASKER_PLACE, 0, 0)),
    locationSource: 'address',
    flags: [],
  });
  await entries.publish(need._id);
  ids.need = need._id.toHexString();
  ids.offer = await seedHelper(harness, {
    psid: helperPsid,
    category,
    meters: 300,
    description: 'J aime les chiens, je peux les promener',
    contact: { channels: ['phone'], phone: '0611122233' },
  });
  const suggested = await harness.matching.entryPublished(ids.offer);
  assert.equal(suggested, 1, 'the need’s author was suggested the helper');
  const [match] = await matchesOf(harness);
  assert.equal(match?.status, 'suggested');
  ids.match = match._id.toHexString();
}

const scripts: Script[] = [
  {
    title: 'a son dictates in one breath a pharmacy errand for his father, tomorrow morning',
    voice: 'dictation',
    psid: 'more-dictated-father',
    transcript: true,
    turns: [
      {
        send: 'bonjour alors voila je vous explique mon pere a 88 ans il habite tout seul et il faudrait que quelqu un aille lui chercher ses medicaments a la pharmacie parce que moi je travaille a marseille toute la semaine',
        // Her father named in the first message: not asked again.
        says: ['form.categoryCarried', 'form.beneficiaryCarried', 'form.descriptionCarried', 'form.urgency'],
        contains: ['Pharmacie'],
      },
      // The whole story told at once is the description: not asked again.
      { send: 'demain matin si possible', says: ['form.availabilityNoted', 'form.where'] },
      { send: 'place jean jaures', says: ['form.whereFound', 'form.contact'] },
      ...typedEnd('form.commitmentsNeed', 'need.saved', ['un proche', 'demain matin si possible']).slice(
        0,
        3,
      ),
      {
        send: 'oui',
        // Tomorrow is within 24 hours: urgent, and nobody near, so a referent takes it at once;
        // the pharmacy, just recorded, is not offered a second time.
        says: ['need.saved', 'handover.noMatchUrgent'],
        hides: ['Vous parliez aussi'],
      },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'more-dictated-father');
      assert.equal(need.kind, 'need');
      assert.equal(need.category, 'pharmacy');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.urgency, 'high');
      assert.equal(need.availability, 'demain matin si possible');
      assert.equal(
        need.description,
        'Alors voila je vous explique mon pere a 88 ans il habite tout seul et il faudrait que quelqu un aille lui chercher ses medicaments a la pharmacie parce que moi je travaille a marseille toute la semaine',
      );
      assert.deepEqual(await flagsOf(harness, 'more-dictated-father'), ['no_match_urgent']);
    },
  },
  {
    title: 'a mother who learnt French late asks homework help for her daughter',
    voice: 'non-native',
    psid: 'more-homework-daughter',
    turns: [
      { send: 'bonjour. moi besoin aide svp', says: ['form.categoryNeed'] },
      { send: 'devoir ecole', says: ['form.beneficiary'] },
      { send: 'pour ma fille', says: ['form.urgency'] },
      { send: 'pas urgent', says: ['form.descriptionNeed'] },
      {
        send: 'ma fille CM2, moi pas bien lire francais, elle besoin aide lecture et dictée',
        says: ['form.where'],
      },
      { send: 'la carraire', says: ['form.whereFound'] },
      { send: 'mercredi apres midi', says: ['form.contact'] },
      ...typedEnd('form.commitmentsNeed', 'need.saved', ['un proche']),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'more-homework-daughter');
      assert.equal(need.category, 'homework');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.urgency, 'normal');
      assert.equal(need.availability, 'mercredi apres midi');
      assert.equal(need.neighbourhood, 'La Carraire');
      assert.ok(!(need.flags ?? []).includes('money'));
    },
  },
  {
    title: 'an old lady writes one long sentence without accents about walking her dog',
    voice: 'senior',
    psid: 'more-senior-dog',
    turns: [
      {
        send: 'bonjour je suis une dame de 84 ans et depuis mon operation du genou je ne peux plus promener mon petit chien est ce que quelqu un du quartier pourrait le sortir le matin',
        says: ['form.categoryCarried', 'form.descriptionCarried', 'form.beneficiary'],
        contains: ['Animaux', 'promener mon petit chien'],
      },
      { send: 'c est pour moi', says: ['form.urgency'] },
      { send: 'non ce n est pas presse', says: ['form.where'], hides: ['Décrivez'] },
      // « le sortir le matin » answered "Quand ?" (see carriedTime.test.ts).
      { send: 'avenue de la republique', says: ['form.contact'] },
      ...typedEnd('form.commitmentsNeed', 'need.saved', ['Animaux']).slice(0, 3),
      { send: 'oui', says: ['need.saved'], hides: ['Vous parliez aussi'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'more-senior-dog');
      assert.equal(need.category, 'pets');
      assert.equal(need.beneficiary, 'self');
      assert.equal(need.urgency, 'normal');
      assert.equal(need.availability, 'le matin');
      assert.equal(
        need.description,
        'Je suis une dame de 84 ans et depuis mon operation du genou je ne peux plus promener mon petit chien est ce que quelqu un du quartier pourrait le sortir le matin',
      );
      assert.deepEqual(await flagsOf(harness, 'more-senior-dog'), []);
    },
  },
  {
    title: 'a newcomer needs papers printed for the prefecture, in simple French',
    voice: 'non-native',
    psid: 'more-printing-prefecture',
    turns: [
      {
        send: 'Bonjour, je besoin imprimer papiers pour rendez vous préfecture, pas imprimante chez moi',
        says: ['form.descriptionCarried', 'form.beneficiary'],
        contains: ['Impressions', 'pas imprimante chez moi'],
      },
      { send: 'moi', says: ['form.urgency'] },
      { send: 'oui rendez vous lundi', says: ['form.where'] },
      // « lundi » was said with the urgency: « quand ? » is not asked again.
      { send: 'place jean jaures', says: ['form.contact'], hides: ['Quand auriez-vous'] },
      ...typedEnd('form.commitmentsNeed', 'need.saved', ['Impressions', 'rendez vous lundi']),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'more-printing-prefecture');
      assert.equal(need.category, 'printing');
      assert.equal(need.beneficiary, 'self');
      // « lundi » is not within 24 hours: not urgent, whatever the « oui » before it.
      assert.equal(need.urgency, 'normal');
      assert.match(need.availability, /rendez vous lundi/);
      assert.equal(
        need.description,
        'Je besoin imprimer papiers pour rendez vous préfecture, pas imprimante chez moi',
      );
    },
  },
  {
    title: 'a daughter dictates an online pension form for her mother, « cette semaine »',
    voice: 'dictation',
    psid: 'more-admin-mother',
    turns: [
      {
        send: 'bonjour j ai besoin d aide pour ma maman qui doit faire sa declaration de retraite sur internet et elle sait pas se servir d un ordinateur',
        says: ['form.categoryCarried', 'form.beneficiaryCarried', 'form.descriptionCarried', 'form.urgency'],
        contains: ['Informatique/papiers'],
      },
      { send: 'dans la semaine ce serait bien', says: ['form.availabilityNoted', 'form.where'] },
      { send: 'rue des molieres', says: ['form.contact'] },
      ...typedEnd('form.commitmentsNeed', 'need.saved', ['un proche', 'dans la semaine']),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'more-admin-mother');
      assert.equal(need.category, 'it_admin');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.availability, 'dans la semaine ce serait bien');
      assert.equal(
        need.description,
        'J ai besoin d aide pour ma maman qui doit faire sa declaration de retraite sur internet et elle sait pas se servir d un ordinateur',
      );
      assert.deepEqual(await flagsOf(harness, 'more-admin-mother'), []);
    },
  },
  {
    title: 'a retired man without internet since a storm asks to share a connection',
    voice: 'senior',
    psid: 'more-connection',
    turns: [
      {
        send: 'bonjour depuis l orage de samedi je n ai plus internet du tout et le technicien ne vient que dans quinze jours quelqu un pourrait il me partager sa connexion',
        says: ['form.descriptionCarried', 'form.beneficiary'],
        contains: ['Connexion internet'],
      },
      { send: 'pour moi', says: ['form.urgency'] },
      { send: 'un peu oui', says: ['form.where'] },
      { send: 'la maille 2', says: ['form.whereFound'] },
      { send: 'l apres midi', says: ['form.contact'] },
      ...typedEnd('form.commitmentsNeed', 'need.saved', ['Connexion internet']),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'more-connection');
      assert.equal(need.category, 'connection');
      assert.equal(need.beneficiary, 'self');
      assert.equal(need.availability, 'l apres midi');
      assert.equal(
        need.description,
        'Depuis l orage de samedi je n ai plus internet du tout et le technicien ne vient que dans quinze jours quelqu un pourrait il me partager sa connexion',
      );
      assert.ok(need.neighbourhood);
    },
  },
  {
    title: 'a teenager in SMS asks masks for his grandmother',
    voice: 'sms',
    psid: 'more-masks-grandma',
    turns: [
      {
        send: 'slt jcherche des masques pr ma grand mere',
        says: ['form.beneficiaryCarried', 'form.urgency'],
        contains: ['Masques'],
      },
      { send: 'nn', says: ['form.descriptionNeed'] },
      { send: '2 ou 3 masques en tissu lavables elle en a plus', says: ['form.where'] },
      { send: 'rue des molieres', says: ['form.availabilityNeed'] },
      { send: 'qd vs voulez', says: ['form.contact'] },
      ...typedEnd('form.commitmentsNeed', 'need.saved', ['un proche']),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'more-masks-grandma');
      assert.equal(need.category, 'masks');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.urgency, 'normal');
    },
  },
  {
    title: 'a man dictates a need fitting no category: « autre », a shelf to put up',
    voice: 'dictation',
    psid: 'more-other',
    turns: [
      { send: 'oui bonjour je voudrais demander de l aide', says: ['form.categoryNeed'] },
      { send: 'autre chose', says: ['form.beneficiary'] },
      { send: 'pour moi', says: ['form.urgency'] },
      { send: 'non', says: ['form.descriptionNeed'] },
      {
        send: 'il faudrait m aider a porter une armoire au deuxieme etage je suis tout seul et j ai mal au dos',
        says: ['form.where'],
      },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'samedi prochain', says: ['form.contact'] },
      ...typedEnd('form.commitmentsNeed', 'need.saved', ['Autre']),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'more-other');
      assert.equal(need.category, 'other');
      assert.equal(need.availability, 'samedi prochain');
      assert.match(need.description, /armoire/);
    },
  },
  {
    title: 'an old lady is suggested a dog walker, says yes, and the helper answers « ouais pas de souci »',
    voice: 'senior',
    psid: 'more-suggested-yes',
    transcript: true,
    setup: (harness, ids) => suggestHelper(harness, ids, 'more-suggested-yes', 'more-walker', 'pets'),
    turns: [
      {
        send: (ids) => ({ payload: `MATCH_ASK_${ids.match}` }),
        says: ['suggest.asked'],
      },
      {
        as: 'more-walker',
        send: 'ouais pas de souci',
        says: ['match.helperAccepted'],
        contains: ['0687654321'],
      },
    ],
    async outcome(harness, ids) {
      const [match] = await matchesOf(harness);
      assert.equal(match.status, 'accepted');
      assert.equal(match._id.toHexString(), ids.match);
      const text = harness.notifier
        .to('more-suggested-yes')
        .map((notice) => notice.activity.text ?? '')
        .join('\n');
      assert.match(text.replace(/\s/g, ''), /0611122233/, 'the author received the helper’s number');
    },
  },
  {
    title: 'a man suggested a helper says no thanks: nothing is sent, his need stays open',
    voice: 'changes-mind',
    psid: 'more-suggested-no',
    setup: (harness, ids) => suggestHelper(harness, ids, 'more-suggested-no', 'more-walker-2', 'pets'),
    turns: [{ send: (ids) => ({ payload: `MATCH_SKIP_${ids.match}` }), says: ['suggest.stillLooking'] }],
    async outcome(harness, ids) {
      const [match] = await matchesOf(harness);
      assert.equal(match.status, 'skipped');
      const need = (await entriesOf(harness, 'more-suggested-no')).find(
        (entry) => String(entry._id) === ids.need,
      );
      assert.equal(need?.status, 'published');
      assert.equal(harness.notifier.to('more-walker-2').length, 0, 'the helper heard nothing');
    },
  },
  {
    title: 'a woman suggested a helper answers in words, « oui demandez lui svp »: the helper is asked',
    voice: 'typos',
    psid: 'more-suggested-typed',
    setup: (harness, ids) => suggestHelper(harness, ids, 'more-suggested-typed', 'more-walker-3', 'pets'),
    turns: [{ send: 'oui demandez lui svp', says: ['suggest.asked'] }],
    async outcome(harness, ids) {
      const [match] = await matchesOf(harness);
      assert.equal(match._id.toHexString(), ids.match);
      assert.equal(match.status, 'proposed', 'the helper is asked only now');
      assert.equal(harness.notifier.to('more-walker-3').length, 1, 'the helper got the request');
    },
  },
  {
    title: 'a man finds the helper suggested to him in « mes annonces » and declines it there',
    voice: 'senior',
    psid: 'more-suggested-menu',
    setup: (harness, ids) => suggestHelper(harness, ids, 'more-suggested-menu', 'more-walker-4', 'pets'),
    turns: [
      {
        send: 'mes annonces',
        says: ['myEntries.pendingSuggestion'],
        offers: [(ids) => `MATCH_SKIP_${ids.match}`],
      },
      { send: (ids) => ({ payload: `MATCH_SKIP_${ids.match}` }), says: ['suggest.stillLooking'] },
    ],
    async outcome(harness) {
      const [match] = await matchesOf(harness);
      assert.equal(match.status, 'skipped');
      assert.equal(harness.notifier.to('more-walker-4').length, 0, 'the helper heard nothing');
    },
  },
  {
    title: 'a helper chosen by a neighbour cannot this week and says so in his words',
    voice: 'helper',
    psid: 'more-suggested-declined',
    setup: (harness, ids) =>
      suggestHelper(harness, ids, 'more-suggested-declined', 'more-busy-walker', 'pets'),
    turns: [
      { send: (ids) => ({ payload: `MATCH_ASK_${ids.match}` }), says: ['suggest.asked'] },
      {
        as: 'more-busy-walker',
        send: 'ah dsl pas dispo cette semaine je suis en deplacement',
        says: ['match.helperDeclined'],
        hides: ['0687654321'],
      },
    ],
    async outcome(harness) {
      const [match] = await matchesOf(harness);
      assert.ok(['declined', 'to_moderators'].includes(match.status), match.status);
      assert.equal(await entriesOf(harness, 'more-busy-walker').then((e) => e.length), 1);
    },
  },
  {
    title: 'a helper offering printing sees a neighbour fall in the middle of the form, then finishes',
    voice: 'helper',
    psid: 'more-emergency-offer',
    emergency: true,
    turns: [
      { send: 'je peux imprimer des documents pour les voisins', says: ['form.descriptionOffer'] },
      { send: 'j ai une imprimante laser, noir et blanc seulement', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityOffer'] },
      {
        send: 'attendez mon voisin vient de tomber dans l escalier il saigne de la tete',
        says: ['emergency.intro'],
      },
      { send: 'ca va les pompiers sont arrives', says: ['form.resumed', 'form.availabilityOffer'] },
      { send: 'le soir apres 18h', says: ['form.recurrence'] },
      { send: 'oui regulierement', says: ['form.contact'] },
      ...typedEnd('form.commitmentsOffer', 'offer.saved', ['Impressions']),
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'more-emergency-offer');
      assert.equal(offer.kind, 'offer');
      assert.equal(offer.category, 'printing');
      assert.equal(offer.availability, 'le soir apres 18h');
      assert.equal((await flagsOf(harness, 'more-emergency-offer'))[0], 'emergency');
    },
  },
  {
    title: 'an angry resident complains nobody called back: a referent gets a task',
    voice: 'sms',
    psid: 'more-complaint-sms',
    turns: [
      {
        send: "c'est nul personne m'a rappelé depuis 10 jours",
        says: [],
        hides: ['Racontez'],
      },
    ],
    async outcome(harness) {
      const tasks = await tasksOf(harness, 'more-complaint-sms');
      assert.equal(tasks.length, 1, JSON.stringify(tasks));
      assert.equal(tasks[0].reason, 'complaint');
      assert.equal(tasks[0].status, 'open');
      assert.deepEqual(await entriesOf(harness, 'more-complaint-sms'), []);
    },
  },
  {
    title: 'a retired lady writes, without accents, that she is not happy with a helper',
    voice: 'senior',
    psid: 'more-complaint-senior',
    turns: [
      {
        send: 'bonjour je ne suis pas contente du tout la personne devait venir mardi pour mes courses et elle n est jamais venue',
        says: [],
      },
    ],
    async outcome(harness) {
      const tasks = await tasksOf(harness, 'more-complaint-senior');
      assert.equal(tasks.length, 1, JSON.stringify(tasks));
      assert.equal(tasks[0].reason, 'complaint');
      assert.deepEqual(await entriesOf(harness, 'more-complaint-senior'), []);
    },
  },
  {
    title: 'in the middle of a request a man asks « c est combien ? » then « c est la mairie ? »',
    voice: 'non-native',
    psid: 'more-price-mid-form',
    turns: [
      { send: 'bonjour j ai besoin aide pour courses', says: ['form.beneficiary'] },
      { send: 'c est combien ?', says: ['smallTalk.priceInForm', 'form.beneficiary'], hides: ['Je n'] },
      { send: 'pour moi', says: ['form.urgency'] },
      { send: 'c est la mairie ?', says: ['smallTalk.whoInForm', 'form.urgency'], hides: ['Je n'] },
      { send: 'non pas urgent', says: ['form.descriptionNeed'] },
      { send: 'porter les bouteilles d eau, moi mal au dos', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'vendredi', says: ['form.contact'] },
      ...typedEnd('form.commitmentsNeed', 'need.saved'),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'more-price-mid-form');
      assert.equal(need.category, 'groceries');
      assert.equal(need.beneficiary, 'self');
      assert.equal(need.urgency, 'normal');
      assert.equal(need.availability, 'vendredi');
      assert.ok(!(need.flags ?? []).includes('money'), '« combien » asked is not money offered');
    },
  },
  {
    title: 'a senior sends a voice message then a photo of her prescription mid-form, then types',
    voice: 'senior',
    psid: 'more-voice-photo',
    turns: [
      { send: 'il me faudrait quelqu un pour la pharmacie', says: ['form.beneficiary'] },
      { send: 'moi', says: ['form.urgency'] },
      { send: 'non', says: ['form.descriptionNeed'] },
      {
        send: { attachmentOnly: true, contentType: 'audio' },
        says: ['fallback.voiceMessage', 'form.descriptionNeed'],
      },
      {
        send: { attachmentOnly: true, contentType: 'image' },
        says: ['fallback.photo', 'form.descriptionNeed'],
      },
      { send: 'recuperer mes medicaments avec l ordonnance que je donnerai', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'jeudi', says: ['form.contact'] },
      ...typedEnd('form.commitmentsNeed', 'need.saved'),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'more-voice-photo');
      assert.equal(need.category, 'pharmacy');
      assert.equal(need.description, 'recuperer mes medicaments avec l ordonnance que je donnerai');
      assert.deepEqual(await flagsOf(harness, 'more-voice-photo'), []);
    },
  },
  {
    title: 'a neighbour dictates shopping « pour ma voisine qui est malade »: a request, not a question',
    voice: 'dictation',
    psid: 'more-neighbour-ill',
    turns: [
      {
        send: 'j ai besoin de courses pour ma voisine qui est malade',
        says: ['form.beneficiaryCarried', 'form.urgency'],
        hides: ['est un service de la ville'],
      },
      { send: 'pas urgent', says: ['form.descriptionNeed'] },
      { send: 'du pain du lait et des fruits elle a la grippe', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'demain apres midi', says: ['form.contact'] },
      ...typedEnd('form.commitmentsNeed', 'need.saved', ['un proche']),
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'more-neighbour-ill');
      assert.equal(need.category, 'groceries');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.availability, 'demain apres midi');
    },
  },
];

playScripts('conversations: more voices', scripts);
