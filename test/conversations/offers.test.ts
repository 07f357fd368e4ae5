/**
 * Residents offering help, in their own words: the offer stored with what they said, the
 * choices typed in words, corrections, going back, switching to a need, changing the recap.
 */
import { strict as assert } from 'node:assert';
import { entriesOf, flagsOf, onlyEntryOf } from './support/stored';
import { playScripts, type Script } from './support/script';

const scripts: Script[] = [
  {
    title: 'a retired man offers to do the shopping, without accents, all typed',
    voice: 'senior',
    psid: 'offer-senior',
    transcript: true,
    turns: [
      {
        send: 'bonjour je suis a la retraite et j ai du temps je peux faire les courses des voisins',
        says: ['form.descriptionCarried', 'form.where'],
      },
      { send: '12 place jean jaures', says: ['form.whereFound', 'form.availabilityOffer'] },
      { send: 'le mardi et le vendredi matin', says: ['form.recurrence'] },
      { send: 'toutes les semaines', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsOffer'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui d accord', says: ['form.recap'] },
      { send: 'oui', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const [offer, ...others] = await entriesOf(harness, 'offer-senior');
      assert.equal(others.length, 0);
      assert.equal(offer?.kind, 'offer');
      assert.equal(offer?.category, 'groceries');
      assert.equal(
        offer?.description,
        'Je suis a la retraite et j ai du temps je peux faire les courses des voisins',
      );
      assert.match(offer?.availability ?? '', /mardi/);
    },
  },
  {
    title: 'a schoolgirl offers homework help in SMS, picks the category by its number',
    voice: 'sms',
    psid: 'offer-sms',
    turns: [
      { send: 'slt jveux proposer mon aide', says: ['form.categoryOffer'] },
      { send: '3', says: ['form.descriptionOffer'] },
      { send: 'jsuis en 1ere jpeu aider en maths et en anglais pr les collegiens', says: ['form.where'] },
      { send: 'avenue de la republique', says: ['form.whereFound', 'form.availabilityOffer'] },
      { send: 'le mercredi aprem', says: ['form.recurrence'] },
      { send: 'tt les mercredis', says: ['form.contact'] },
      { send: 'sur messenger', says: ['form.commitmentsOffer'] },
      { send: 'ouais', says: ['form.consent'] },
      { send: 'ok vas-y', says: ['form.recap'], offers: ['YES', 'FORM_EDIT', 'NO'] },
      { send: 'go', says: ['form.retryButtons'] },
      { send: 'enregistrer', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'offer-sms');
      assert.equal(offer.category, 'homework');
      assert.deepEqual(offer.availability, 'le mercredi aprem');
      assert.match(offer.description, /maths/);
      assert.equal(offer.addressText, 'avenue de la republique');
    },
  },
  {
    title: 'a dog lover types the category with a typo and gives a phone number',
    voice: 'typos',
    psid: 'offer-typos',
    turns: [
      { send: 'je propse mon aide', says: ['form.categoryOffer'] },
      { send: 'animeaux', says: ['form.categoryUnderstood', 'form.descriptionOffer'] },
      { send: 'je peux promenner les chiens des persones agées', says: ['form.where'] },
      { send: 'rue des molieres', says: ['form.whereFound'] },
      { send: 'le soir vers 18h', says: ['form.recurrence'] },
      { send: 'regulierment', says: ['form.contact'] },
      { send: 'mon numero c est le 06 12 34 56 78', says: ['form.commitmentsOffer'] },
      { send: 'oui daccord', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['0612345678'] },
      { send: 'oui c est bon', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'offer-typos');
      assert.equal(offer.category, 'pets');
      assert.equal(offer.availability, 'le soir vers 18h');
      const resident = await harness.repositories.residents.get('offer-typos');
      assert.equal(resident?.contact.phone, '0612345678');
    },
  },
  {
    title: 'a man dictates a printing offer without punctuation and answers « par messenger »',
    voice: 'dictation',
    psid: 'offer-dictation',
    turns: [
      {
        send: 'bonjour je voudrais proposer mon aide j ai une imprimante a la maison',
        says: ['form.categoryCarried', 'form.descriptionOffer'],
        contains: ['Impressions'],
      },
      {
        send: 'je peux imprimer les attestations et les papiers de la caf pour ceux qui n ont pas d imprimante',
        says: ['form.where'],
      },
      { send: 'place jean jaures', says: ['form.whereFound'] },
      { send: 'tous les jours apres 17 heures', says: ['form.contact'] },
      { send: 'par messenger c est bien', says: ['form.commitmentsOffer'] },
      { send: 'oui j accepte', says: ['form.consent'] },
      { send: 'oui je suis d accord', says: ['form.recap'] },
      { send: 'oui enregistrez', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'offer-dictation');
      assert.equal(offer.category, 'printing');
      assert.equal(offer.availability, 'tous les jours apres 17 heures');
      const resident = await harness.repositories.residents.get('offer-dictation');
      assert.deepEqual(resident?.contact.channels, ['page']);
    },
  },
  {
    title: 'a newcomer writes simple French, undoes a wrong category and answers by numbers',
    voice: 'non-native',
    psid: 'offer-non-native',
    turns: [
      // She picks the wrong number first: « retour » asks the kind of help again.
      { send: 'moi proposer aide', says: ['form.categoryOffer'] },
      { send: 'numero 3', says: ['form.descriptionOffer'] },
      { send: 'retour', says: ['form.back', 'form.categoryOffer'] },
      { send: 'numero 4', says: ['form.descriptionOffer'] },
      { send: 'moi parler avec personnes seules, téléphone ou visite', says: ['form.where'] },
      { send: 'Centre-ville', says: ['form.availabilityOffer'] },
      { send: 'samedi et dimanche', says: ['form.recurrence'] },
      { send: '2', says: ['form.contact'] },
      { send: '1', says: ['form.commitmentsOffer'] },
      { send: '1', says: ['form.consent'] },
      { send: '1', says: ['form.recap'] },
      { send: '1', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'offer-non-native');
      assert.equal(offer.category, 'conversation');
      assert.equal(offer.availability, 'samedi et dimanche');
      assert.ok(offer.neighbourhood, 'the neighbourhood named is kept');
    },
  },
  {
    title: 'someone starts an offer, then says it is them who needs help: a need is stored',
    voice: 'changes-mind',
    psid: 'offer-to-need',
    transcript: true,
    turns: [
      { send: 'je veux proposer mon aide', says: ['form.categoryOffer'] },
      { send: 'courses', says: ['form.descriptionOffer'] },
      {
        send: "en fait non, c'est moi qui ai besoin d'aide",
        says: ['form.switchedToNeed', 'form.beneficiary'],
        hides: ['Récapitulatif'],
      },
      { send: 'pour moi', says: ['form.urgency'] },
      { send: 'dans la semaine', says: ['form.availabilityNoted', 'form.descriptionNeed'] },
      {
        send: 'je me suis cassé le poignet, il me faut quelqu un pour porter les packs d eau',
        says: ['form.where'],
      },
      { send: 'place jean jaures', says: ['form.whereFound', 'form.contact'] },
      { send: 'ici', says: ['form.commitmentsNeed'] },
      { send: 'ok', says: ['form.consent'] },
      { send: 'ok', says: ['form.recap'], contains: ['Demande', 'dans la semaine'] },
      { send: 'oui', says: ['need.saved', 'need.noMatch'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'offer-to-need');
      assert.equal(need.kind, 'need');
      assert.equal(need.category, 'groceries');
      assert.equal(need.beneficiary, 'self');
      assert.equal(need.urgency, 'normal');
      assert.equal(need.availability, 'dans la semaine');
      assert.match(need.description, /poignet/);
      assert.deepEqual(await flagsOf(harness, 'offer-to-need'), []);
    },
  },
  {
    title: 'a helper gives the wrong place, writes « retour » and gives the right one',
    voice: 'helper',
    psid: 'offer-back',
    turns: [
      { send: 'je propose de faire des masques en tissu', says: ['form.descriptionOffer'] },
      { send: 'je couds des masques lavables', says: ['form.where'] },
      { send: 'avenue de la republique', says: ['form.whereFound', 'form.availabilityOffer'] },
      { send: 'retour', says: ['form.back', 'form.where'] },
      { send: 'rue des molieres', says: ['form.whereFound', 'form.availabilityOffer'] },
      { send: 'en semaine', says: ['form.recurrence'] },
      { send: 'ponctuellement', says: ['form.contact'] },
      { send: { payload: 'CONTACT_PAGE' }, says: ['form.commitmentsOffer'] },
      { send: '👍', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['rue des molieres'], hides: ['republique'] },
      { send: 'oui', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'offer-back');
      assert.equal(offer.category, 'masks');
      assert.equal(offer.addressText, 'rue des molieres');
      assert.deepEqual(await flagsOf(harness, 'offer-back'), []);
    },
  },
  {
    title: 'at the recap, a retiree changes her availability through « Modifier »',
    voice: 'senior',
    psid: 'offer-recap-edit',
    turns: [
      { send: 'je peux aider pour les papiers administratifs', says: ['form.descriptionOffer'] },
      { send: 'j etais secretaire je peux aider a remplir les dossiers', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityOffer'] },
      { send: 'le lundi', says: ['form.recurrence'] },
      { send: 'une seule fois', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsOffer'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['le lundi'] },
      { send: 'modifier', says: ['form.editWhich'], offers: ['FORM_FIELD_availability', 'FORM_KEEP'] },
      { send: 'quand', says: ['form.availabilityOffer'] },
      { send: 'le lundi et le jeudi apres midi', says: ['form.recap'], contains: ['le lundi et le jeudi'] },
      { send: 'enregistrer', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'offer-recap-edit');
      assert.equal(offer.category, 'it_admin');
      assert.equal(offer.availability, 'le lundi et le jeudi apres midi');
    },
  },
];

playScripts('conversations: offering help', scripts);
