/**
 * A first message that says when ("demain matin", "samedi après-midi", "tous les mardis")
 * answers the form's "Quand ?": said back, not asked again, shown at the recap and changed
 * there like any answer. A moment told in the past is not carried.
 */
import { strict as assert } from 'node:assert';
import { onlyEntryOf } from './support/stored';
import { playScripts, type Script } from './support/script';

const scripts: Script[] = [
  {
    title: 'an old lady without accents needs her shopping carried tomorrow morning: never asked when',
    voice: 'senior',
    psid: 'time-tomorrow',
    transcript: true,
    turns: [
      {
        send: 'bonjour j aurais besoin qu on m aide a monter mes courses demain matin je ne peux plus porter les bouteilles',
        says: ['form.categoryCarried', 'form.descriptionCarried', 'form.availabilityCarried'],
        contains: ['« demain matin »'],
        hides: ['Quand auriez-vous besoin'],
      },
      { send: 'c est pour moi', says: ['form.urgency'] },
      { send: 'non ca peut attendre', says: ['form.where'] },
      { send: 'avenue de la republique', says: ['form.contact'], hides: ['Quand auriez-vous besoin'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['Quand : demain matin'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'time-tomorrow');
      assert.equal(need.kind, 'need');
      assert.equal(need.category, 'groceries');
      assert.equal(need.availability, 'demain matin');
      assert.equal(need.urgency, 'normal');
    },
  },
  {
    title: 'a student offers homework help every Tuesday by text: when and how often are both noted',
    voice: 'sms',
    psid: 'time-tuesdays',
    transcript: true,
    turns: [
      {
        send: 'slt jpeux aider pr les devoirs de maths tous les mardis, je suis en fac de sciences',
        says: ['form.availabilityCarried', 'form.recurrenceNotedRegular', 'form.where'],
        contains: ['« tous les mardis »'],
        hides: ['Quand êtes-vous disponible', 'ponctuelle ou régulière'],
      },
      { send: 'la maille 1', says: ['form.whereFound', 'form.contact'] },
      { send: 'ici', says: ['form.commitmentsOffer'] },
      { send: 'ok', says: ['form.consent'] },
      {
        send: 'ok',
        says: ['form.recap'],
        contains: ['Quand : tous les mardis', 'Fréquence : régulière'],
      },
      { send: 'oui', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'time-tuesdays');
      assert.equal(offer.kind, 'offer');
      assert.equal(offer.category, 'homework');
      assert.equal(offer.availability, 'tous les mardis');
      assert.equal(offer.recurring, true);
    },
  },
  {
    title: 'a dog owner said Saturday afternoon, then changes it to Sunday morning at the recap',
    voice: 'changes-mind',
    psid: 'time-changed',
    transcript: true,
    turns: [
      {
        send: 'je cherche quelqu un pour promener mon chien samedi après-midi, je serai à l hôpital pour un examen',
        says: ['form.availabilityCarried'],
        contains: ['« samedi après-midi »'],
      },
      { send: 'pour moi', says: ['form.urgency'] },
      { send: 'pas urgent', says: ['form.where'] },
      { send: 'la carraire', says: ['form.whereFound', 'form.contact'] },
      { send: 'par messenger', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['Quand : samedi après-midi'] },
      { send: 'modifier', says: ['form.editWhich'], offers: ['FORM_FIELD_availability'] },
      { send: 'quand', says: ['form.availabilityNeed'] },
      {
        send: 'dimanche matin finalement',
        says: ['form.recap'],
        contains: ['Quand : dimanche matin finalement'],
        hides: ['Quand : samedi'],
      },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'time-changed');
      assert.equal(need.category, 'pets');
      assert.equal(need.availability, 'dimanche matin finalement');
    },
  },
  {
    title: 'a dictated message asks for printing next Monday, without punctuation',
    voice: 'dictation',
    psid: 'time-next-monday',
    turns: [
      {
        send: 'bonjour je voudrais de l aide pour imprimer des attestations lundi prochain merci beaucoup',
        says: ['form.availabilityCarried'],
        contains: ['« lundi prochain »'],
        hides: ['Quand auriez-vous besoin'],
      },
      { send: 'pour moi merci', says: ['form.urgency'] },
      { send: 'non', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['Quand : lundi prochain'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'time-next-monday');
      assert.equal(need.availability, 'lundi prochain');
    },
  },
  {
    title: 'a neighbour free this evening offers a chat: the evening is kept, the recurrence still asked',
    voice: 'non-native',
    psid: 'time-tonight',
    turns: [
      {
        send: 'Bonsoir, moi je suis libre ce soir pour parler au téléphone avec personne âgée seule',
        says: ['form.availabilityCarried'],
        contains: ['« ce soir »'],
        hides: ['Quand êtes-vous disponible'],
      },
      { send: 'la maille 2', says: ['form.recurrence'] },
      { send: 'une seule fois', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsOffer'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['Quand : ce soir'] },
      { send: 'oui', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'time-tonight');
      assert.equal(offer.kind, 'offer');
      assert.equal(offer.availability, 'ce soir');
      assert.notEqual(offer.recurring, true, 'a one-off offer');
    },
  },
  {
    title:
      'a son whose father left hospital last night asks for his shopping: the night is not when, it is asked',
    voice: 'typos',
    psid: 'time-past',
    turns: [
      {
        send: 'mon pere est sorti de l hopital hier soir et faudrait quelqu un pour ces courses',
        says: ['form.categoryCarried', 'form.beneficiaryCarried', 'form.urgency'],
        hides: ['Côté horaire'],
      },
      { send: 'pas tres urgent', says: ['form.where'] },
      { send: 'rue des molieres', says: ['form.availabilityNeed'] },
      { send: 'jeudi dans la journee', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['Quand : jeudi dans la journee'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'time-past');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.availability, 'jeudi dans la journee');
    },
  },
];

playScripts('conversations: the first message says when', scripts);
