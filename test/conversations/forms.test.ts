/**
 * The entry form as residents answer it: needs in every voice, time expressions and
 * relatives read in context (never an emergency), corrections, going back, switching a
 * need to an offer, changing the recap, an emergency in the middle with the form kept, and
 * what is said after two answers not understood.
 */
import { strict as assert } from 'node:assert';
import { t } from '../../services/i18n';
import { seedHelper } from '../dialogs/support/seed';
import { entriesOf, flagsOf, onlyEntryOf } from './support/stored';
import { playScripts, type Script } from './support/script';

const STUCK_CHOICES = ['FORM_MENU', 'FORM_CANCEL', 'MENU_HUMAN'];

const scripts: Script[] = [
  {
    title:
      'a teenager answers the description question with his neighbourhood: kept as the place, the description asked again',
    voice: 'sms',
    psid: 'offer-place-early',
    turns: [
      // A bare offer: the description question is asked, and answered with a place.
      { send: 'salut jpeux promener des chiens', hides: ['Je reprends votre message'] },
      { send: 'maille 2', says: ['form.whereFound', 'form.descriptionOffer'] },
      { send: 'je promene les chiens du quartier le soir apres les cours', says: ['form.availabilityOffer'] },
      { send: 'tous les soirs vers 19h', says: ['form.recurrenceNotedRegular', 'form.contact'] },
      { send: 'par la page', says: ['form.commitmentsOffer'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'] },
      { send: 'oui', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'offer-place-early');
      assert.equal(offer.neighbourhood, 'La Maille 2');
      assert.equal(offer.description, 'je promene les chiens du quartier le soir apres les cours');
    },
  },
  {
    title: 'an old lady asks for her shopping « le plus vite possible », without any emergency',
    voice: 'senior',
    psid: 'need-asap',
    transcript: true,
    async setup(harness) {
      await seedHelper(harness, {
        psid: 'helper-karim',
        category: 'groceries',
        meters: 300,
        contact: { channels: ['page'] },
      });
    },
    turns: [
      {
        send: 'bonjour j ai besoin qu on me fasse mes courses',
        says: ['form.categoryCarried', 'form.beneficiary'],
      },
      { send: 'c pour moi', says: ['form.urgency'] },
      { send: 'le plus vite possible', says: ['form.availabilityNoted', 'form.descriptionNeed'] },
      { send: 'du lait du pain et des oeufs je ne peux plus descendre les escaliers', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.whereFound', 'form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui d accord', says: ['form.recap'], contains: ['le plus vite possible'] },
      { send: 'oui', says: ['need.saved', 'need.offersIntro'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'need-asap');
      assert.equal(need.kind, 'need');
      assert.equal(need.beneficiary, 'self');
      assert.equal(need.urgency, 'high');
      assert.equal(need.availability, 'le plus vite possible');
      assert.deepEqual(await flagsOf(harness, 'need-asap'), []);
    },
  },
  {
    title: 'a daughter answers « ma mère » and « non pas du tout »',
    voice: 'dictation',
    psid: 'need-mother',
    turns: [
      { send: 'bonjour j ai besoin d aide', says: ['form.categoryNeed'] },
      { send: 'pharmacie', says: ['form.categoryUnderstood', 'form.beneficiary'] },
      { send: 'ma mère', says: ['form.urgency'] },
      { send: 'non pas du tout', says: ['form.descriptionNeed'] },
      {
        send: 'aller chercher ses medicaments a la pharmacie de la gare elle a quatre vingt dix ans',
        says: ['form.where'],
      },
      { send: 'avenue de la republique', says: ['form.availabilityNeed'] },
      { send: 'jeudi matin', says: ['form.contact'] },
      { send: '06 98 76 54 32', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['un proche'] },
      { send: 'oui', says: ['need.saved', 'need.noMatch'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'need-mother');
      assert.equal(need.category, 'pharmacy');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.urgency, 'normal');
      assert.equal(need.availability, 'jeudi matin');
      assert.deepEqual(await flagsOf(harness, 'need-mother'), []);
    },
  },
  {
    title: 'a wife writes « mon mari » then « oui c est urgent »',
    voice: 'typos',
    psid: 'need-husband',
    turns: [
      { send: 'j ai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'medicaments', says: ['form.categoryUnderstood', 'form.beneficiary'] },
      { send: 'mon mari', says: ['form.urgency'] },
      { send: 'oui c est urgent', says: ['form.descriptionNeed'] },
      { send: 'il a une ordonance a recuperer il est alité avec la grippe', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'cet aprem si possibel', says: ['form.contact'] },
      { send: 'par la pge', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'] },
      { send: 'oui', says: ['need.saved', 'handover.noMatchUrgent'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'need-husband');
      assert.equal(need.category, 'pharmacy');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.urgency, 'high');
      assert.deepEqual(await flagsOf(harness, 'need-husband'), ['no_match_urgent']);
    },
  },
  {
    title: 'a teenager needing a printout « ce soir »: the urgency and the time in one answer',
    voice: 'sms',
    psid: 'need-tonight',
    turns: [
      { send: 'bjr jai besoin dun coup de main', says: ['form.categoryNeed'] },
      { send: 'impression', says: ['form.beneficiary'] },
      { send: 'moi', says: ['form.urgency'] },
      { send: 'ce soir', says: ['form.availabilityNoted', 'form.descriptionNeed'] },
      { send: 'imprimer 3 pages pr un dossier de stage', says: ['form.where'] },
      { send: 'rue des molieres', says: ['form.contact'], hides: ['Quand auriez-vous besoin'] },
      { send: 'messenger', says: ['form.commitmentsNeed'] },
      { send: 'ouais', says: ['form.consent'] },
      { send: 'ouais', says: ['form.recap'], contains: ['ce soir'] },
      { send: 'ouais', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'need-tonight');
      assert.equal(need.category, 'printing');
      assert.equal(need.urgency, 'high');
      assert.equal(need.availability, 'ce soir');
    },
  },
  {
    title: 'a patient man is « pas pressé », then says when',
    voice: 'senior',
    psid: 'need-not-hurried',
    turns: [
      { send: 'j aurais besoin d aide pour internet', says: ['form.categoryNeed'] },
      { send: 'connexion', says: ['form.beneficiary'] },
      { send: 'pour moi meme', says: ['form.urgency'] },
      { send: 'pas pressé', says: ['form.descriptionNeed'] },
      { send: 'ma box ne marche plus depuis le changement d operateur', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'quand vous voulez dans la semaine', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['quand vous voulez dans la semaine'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'need-not-hurried');
      assert.equal(need.category, 'connection');
      assert.equal(need.urgency, 'normal');
      assert.equal(need.availability, 'quand vous voulez dans la semaine');
    },
  },
  {
    title: 'someone in danger mid-form gets the numbers, then finds the form where it was',
    voice: 'dictation',
    psid: 'need-emergency',
    emergency: true,
    turns: [
      { send: 'j ai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'courses', says: ['form.beneficiary'] },
      { send: 'pour ma voisine', says: ['form.urgency'] },
      { send: 'non', says: ['form.descriptionNeed'] },
      {
        send: 'attendez ma voisine est tombee elle respire plus',
        says: ['emergency.intro', 'emergency.base'],
        hides: ['Décrivez en quelques mots'],
      },
      { send: 'c est bon les pompiers sont la', says: ['form.resumed', 'form.descriptionNeed'] },
      {
        send: 'faire ses courses pendant qu elle est a l hopital pour nourrir son chat',
        says: ['form.where'],
      },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'cette semaine', says: ['form.contact'] },
      { send: 'ici', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['un proche'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'need-emergency');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.urgency, 'normal');
      assert.match(need.description, /hopital/);
      assert.deepEqual(await flagsOf(harness, 'need-emergency'), ['emergency']);
    },
  },
  {
    title: 'a mother says she was wrong about who the help is for',
    voice: 'changes-mind',
    psid: 'need-wrong-beneficiary',
    turns: [
      { send: 'j ai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'devoirs', says: ['form.beneficiary'] },
      { send: 'pour moi', says: ['form.urgency'] },
      { send: 'je me suis trompée', says: ['form.back', 'form.beneficiary'] },
      { send: 'c pour mon fils', says: ['form.urgency'] },
      { send: 'la semaine prochaine', says: ['form.descriptionNeed'] },
      { send: 'mon fils en quatrieme a du mal en maths', says: ['form.where'] },
      { send: 'avenue de la republique', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['un proche'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'need-wrong-beneficiary');
      assert.equal(need.category, 'homework');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.availability, 'la semaine prochaine');
    },
  },
  {
    title: 'a helper who started a need switches it to an offer, keeping what was said',
    voice: 'helper',
    psid: 'need-to-offer',
    transcript: true,
    turns: [
      { send: 'j ai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'courses', says: ['form.beneficiary'] },
      {
        send: 'non attendez je veux plutôt proposer',
        says: ['form.switchedToOffer', 'form.descriptionOffer'],
      },
      { send: 'je fais les courses au marche le samedi matin', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityOffer'] },
      { send: 'le samedi matin', says: ['form.recurrence'] },
      { send: 'chaque samedi', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsOffer'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['Offre : Courses'] },
      { send: 'oui', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'need-to-offer');
      assert.equal(offer.kind, 'offer');
      assert.equal(offer.category, 'groceries');
      assert.equal(offer.beneficiary, undefined);
      assert.equal(offer.urgency, undefined);
    },
  },
  {
    title: 'at the recap, a need is turned into an offer through « Modifier »',
    voice: 'changes-mind',
    psid: 'recap-switch',
    turns: [
      { send: 'j ai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'animaux', says: ['form.beneficiary'] },
      { send: 'moi', says: ['form.urgency'] },
      { send: 'pas urgent', says: ['form.descriptionNeed'] },
      { send: 'promener un chien le midi', says: ['form.where'] },
      { send: 'rue des molieres', says: ['form.availabilityNeed'] },
      { send: 'le midi en semaine', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'] },
      { send: { payload: 'FORM_EDIT' }, says: ['form.editWhich'], offers: ['FORM_FIELD_KIND'] },
      { send: 'en faire une offre', says: ['form.switchedToOffer', 'form.recurrence'] },
      { send: 'juste une fois', says: ['form.commitmentsOffer'] },
      { send: 'oui', says: ['form.recap'], contains: ['Offre : Animaux'] },
      { send: 'oui', says: ['offer.saved'] },
    ],
    async outcome(harness) {
      const offer = await onlyEntryOf(harness, 'recap-switch');
      assert.equal(offer.kind, 'offer');
      assert.equal(offer.category, 'pets');
      assert.equal(offer.availability, 'le midi en semaine');
    },
  },
  {
    title: 'at the recap, the category is changed: only that question is asked again',
    voice: 'non-native',
    psid: 'recap-category',
    turns: [
      { send: 'j ai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'autre', says: ['form.beneficiary'] },
      { send: '1', says: ['form.urgency'] },
      { send: '2', says: ['form.descriptionNeed'] },
      { send: 'remplir papier pour la caf, moi pas comprendre', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'lundi', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['Autre'] },
      { send: 'je veux changer', says: ['form.editWhich'] },
      { send: 'le type', says: ['form.categoryNeed'] },
      { send: 'informatique papiers', says: ['form.recap'], contains: ['Informatique/papiers'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'recap-category');
      assert.equal(need.category, 'it_admin');
      assert.equal(need.beneficiary, 'self');
      assert.equal(need.urgency, 'normal');
      assert.equal(need.availability, 'lundi');
    },
  },
  {
    title: 'two answers not understood: what can be done is said, with buttons, never a referent',
    voice: 'typos',
    psid: 'need-stuck',
    turns: [
      { send: 'j ai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'masques', says: ['form.beneficiary'] },
      { send: 'pour moi', says: ['form.urgency'] },
      { send: 'non', says: ['form.descriptionNeed'] },
      { send: 'deux masques en tissu', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'n importe quand', says: ['form.contact'] },
      { send: 'euh', says: ['form.contactRetry'] },
      { send: 'jsp', says: ['form.stuck'], offers: ['CONTACT_PAGE', ...STUCK_CHOICES] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'need-stuck');
      assert.equal(need.category, 'masks');
      assert.equal(need.urgency, 'normal');
      assert.equal(need.availability, 'n importe quand');
      assert.deepEqual(await flagsOf(harness, 'need-stuck'), []);
    },
  },
  {
    title: 'stuck twice, the resident taps « Annuler »: nothing is stored',
    voice: 'senior',
    psid: 'need-stuck-cancel',
    turns: [
      { send: 'j ai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'hmm', says: ['form.categoryRetry'] },
      { send: 'bof', says: ['form.stuck'], offers: STUCK_CHOICES },
      { send: { payload: 'FORM_CANCEL' }, says: ['interrupt.cancelled'] },
    ],
    async outcome(harness) {
      assert.deepEqual(await entriesOf(harness, 'need-stuck-cancel'), []);
      assert.deepEqual(await flagsOf(harness, 'need-stuck-cancel'), []);
    },
  },
  {
    title: 'a resident refuses the commitments with « nan »: nothing is stored',
    voice: 'sms',
    psid: 'need-refuses',
    turns: [
      { send: 'jai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'discussion', says: ['form.beneficiary'] },
      { send: 'moi', says: ['form.urgency'] },
      { send: 'nan', says: ['form.descriptionNeed'] },
      { send: 'parler un peu jsuis tout seul', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'le soir', says: ['form.contact'] },
      { send: 'ici', says: ['form.commitmentsNeed'] },
      { send: 'nan', says: ['form.commitmentsRefused'] },
    ],
    async outcome(harness) {
      assert.deepEqual(await entriesOf(harness, 'need-refuses'), []);
    },
  },
  {
    title: 'at the first question « précédent » says there is nothing before',
    voice: 'non-native',
    psid: 'need-back-first',
    turns: [
      { send: 'j ai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'précédent', says: ['form.backFirst', 'form.categoryNeed'] },
      { send: 'le 1', says: ['form.beneficiary'] },
      { send: 'pour ma maman', says: ['form.urgency'] },
      { send: 'demain', says: ['form.availabilityNoted', 'form.descriptionNeed'] },
      { send: 'des courses pour ma maman qui est malade', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.contact'] },
      { send: 'maman@example.org', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'need-back-first');
      assert.equal(need.category, 'groceries');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.urgency, 'high');
      assert.equal(need.availability, 'demain');
      const resident = await harness.repositories.residents.get('need-back-first');
      assert.equal(resident?.contact.email, 'maman@example.org');
    },
  },
  {
    title: 'a man who wrote money in his need rewrites it after the reminder',
    voice: 'non-native',
    psid: 'need-money',
    turns: [
      { send: 'j ai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'informatique', says: ['form.beneficiary'] },
      { send: 'moi', says: ['form.urgency'] },
      { send: 'non', says: ['form.descriptionNeed'] },
      { send: 'installer imprimante, je paye 10 euros', says: ['form.moneyReminder'] },
      { send: 'oui', says: ['form.rewritePrompt'] },
      { send: 'installer mon imprimante sur ordinateur', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'samedi', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'need-money');
      assert.equal(need.description, 'installer mon imprimante sur ordinateur');
      assert.deepEqual(need.flags, []);
    },
  },
  {
    title: 'a fall told at « pour qui ? »: the numbers, then her plain answer continues the form',
    voice: 'senior',
    psid: 'need-fall',
    emergency: true,
    turns: [
      { send: 'j ai besoin d aide svp', says: ['form.categoryNeed'] },
      { send: 'pharmacie', says: ['form.beneficiary'] },
      {
        send: 'ma mere est tombee elle ne se releve plus',
        says: ['emergency.intro'],
        hides: ["Cette aide, c'est pour vous"],
      },
      { send: 'pour ma mere', says: ['form.urgency'], hides: [t('form.resumed')] },
      { send: 'oui', says: ['form.descriptionNeed'] },
      { send: 'chercher ses medicaments apres sa sortie des urgences', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'demain matin', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'need-fall');
      assert.equal(need.category, 'pharmacy');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.urgency, 'high');
      assert.equal(need.availability, 'demain matin');
      assert.equal((await flagsOf(harness, 'need-fall'))[0], 'emergency');
    },
  },
];

playScripts('conversations: the entry form', scripts);
