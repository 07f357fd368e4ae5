/**
 * A first message that tells the request in detail is the entry's description: said back,
 * not asked again, screened like a typed one, and changed at the recap like any answer.
 */
import { strict as assert } from 'node:assert';
import { flagsOf, onlyEntryOf } from './support/stored';
import { playScripts, type Script } from './support/script';

const scripts: Script[] = [
  {
    title: 'a man with a broken wrist tells his shopping at once, then rewrites the description at the recap',
    voice: 'typos',
    psid: 'carried-need-rewritten',
    transcript: true,
    turns: [
      {
        send: "bonsoir je me suis cassé le poignée et j'arive plus a porter les pack d'eau et le lait du supermarcher",
        says: ['form.categoryCarried', 'form.descriptionCarried', 'form.beneficiary'],
        contains: ['Courses', "« Je me suis cassé le poignée et j'arive plus a porter les pack d'eau"],
        hides: ['Décrivez'],
      },
      { send: 'pour moi', says: ['form.urgency'] },
      { send: 'pas tres urgent', says: ['form.where'], hides: ['Décrivez'] },
      { send: 'rue des molieres', says: ['form.availabilityNeed'] },
      { send: 'en fin de matiné', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['les pack d'] },
      { send: 'modifier', says: ['form.editWhich'], offers: ['FORM_FIELD_description'] },
      { send: 'la description', says: ['form.descriptionNeed'] },
      {
        send: '6 packs d eau et 2 litres de lait a monter au 2eme sans ascenseur',
        says: ['form.recap'],
        contains: ['Description : 6 packs d eau et 2 litres de lait a monter au 2eme sans ascenseur'],
        hides: ['poignée'],
      },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'carried-need-rewritten');
      assert.equal(need.kind, 'need');
      assert.equal(need.category, 'groceries');
      assert.equal(need.beneficiary, 'self');
      assert.equal(need.urgency, 'normal');
      // The description typed at the recap replaced the first message.
      assert.equal(need.description, '6 packs d eau et 2 litres de lait a monter au 2eme sans ascenseur');
      assert.equal(need.availability, 'en fin de matiné');
    },
  },
  {
    title: 'a student in simple French offers computer help in one message: it is the description',
    voice: 'non-native',
    psid: 'carried-offer',
    transcript: true,
    turns: [
      {
        send: 'Bonjour, moi étudiant en informatique, je peux aider les personnes âgées avec ordinateur, internet et papiers CAF en ligne',
        says: ['form.categoryCarried', 'form.descriptionCarried', 'form.where'],
        contains: ['Informatique/papiers', '« Moi étudiant en informatique'],
        hides: ['Décrivez'],
      },
      { send: 'la carraire', says: ['form.whereFound', 'form.availabilityOffer'] },
      { send: 'samedi et dimanche', says: ['form.recurrence'] },
      { send: 'chaque semaine', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsOffer'] },
      { send: 'ok', says: ['form.consent'] },
      {
        send: 'ok',
        says: ['form.recap'],
        contains: ['Description : Moi étudiant en informatique, je peux aider les personnes âgées'],
      },
      { send: 'oui', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'carried-offer');
      assert.equal(offer.kind, 'offer');
      assert.equal(offer.category, 'it_admin');
      assert.equal(
        offer.description,
        'Moi étudiant en informatique, je peux aider les personnes âgées avec ordinateur, internet et papiers CAF en ligne',
      );
      assert.equal(offer.neighbourhood, 'La Carraire');
      assert.equal(offer.recurring, true);
      assert.deepEqual(await flagsOf(harness, 'carried-offer'), []);
    },
  },
  {
    title: 'an old man gives his phone number in his first message: the carried description drops it',
    voice: 'senior',
    psid: 'carried-phone',
    turns: [
      {
        send: 'bonjour j ai besoin qu on me monte mes courses samedi j ai 82 ans appelez moi au 06 11 22 33 44',
        says: ['form.descriptionCarried', 'form.contactsRemoved', 'form.beneficiary'],
        contains: ['[numéro retiré]'],
        hides: ['06 11 22 33 44'],
      },
      { send: 'c est pour moi', says: ['form.urgency'] },
      { send: 'non', says: ['form.where'] },
      // « samedi » in the first message answered "Quand ?" (see carriedTime.test.ts).
      { send: 'place jean jaures', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], hides: ['06 11 22 33 44'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'carried-phone');
      assert.equal(need.category, 'groceries');
      assert.match(need.description, /^J ai besoin qu on me monte mes courses samedi j ai 82 ans/);
      assert.doesNotMatch(need.description, /06|11 22|33 44/);
    },
  },
];

playScripts('conversations: the first message as the description', scripts);
