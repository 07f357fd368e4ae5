/**
 * "Est-ce une urgence ?" as residents answer it: typed as often as tapped. Yes gives the
 * numbers and a referent; no goes on with what they came for (the need form, its category
 * kept), never "Je n'ai pas compris"; anything else is asked once more, then a referent
 * answers. After the numbers, "fausse alerte", "ça va" or "merci" get a kind answer and the menu.
 */
import { strict as assert } from 'node:assert';
import type { Harness } from '../dialogs/support/harness';
import { entriesOf, flagsOf, onlyEntryOf } from './support/stored';
import { playScripts, type Script } from './support/script';

/** The reasons of the tasks the referents see for `psid`. */
async function taskReasons(harness: Harness, psid: string): Promise<string[]> {
  const tasks = await harness.database.db
    .collection<{ psid: string; reason: string }>('tasks')
    .find({ psid })
    .toArray();
  return tasks.map((task) => task.reason);
}

/** The conversation was handed to a referent, with an urgent task, as for a sure emergency. */
async function handedOverForEmergency(harness: Harness, psid: string): Promise<void> {
  assert.deepEqual(await flagsOf(harness, psid), ['emergency']);
  assert.deepEqual(await taskReasons(harness, psid), ['emergency']);
  assert.equal(harness.threadControl.passesFor(psid).length, 1, 'handed to the page inbox');
  assert.deepEqual(await entriesOf(harness, psid), []);
}

/** Nobody was alerted: no flag, no emergency task, no hand-over. */
async function nobodyAlerted(harness: Harness, psid: string): Promise<void> {
  assert.deepEqual(await flagsOf(harness, psid), []);
  assert.ok(!(await taskReasons(harness, psid)).includes('emergency'), 'no emergency task');
  assert.equal(harness.threadControl.passesFor(psid).length, 0);
}

const scripts: Script[] = [
  {
    title: 'a son says no, his mother fell yesterday: the groceries form goes on with what he said',
    voice: 'senior',
    psid: 'urgence-non-courses',
    transcript: true,
    turns: [
      {
        send: 'ma mère a fait une chute, elle a besoin d aide pour ses courses demain matin',
        says: ['emergency.ask'],
        offers: ['EMERGENCY_YES', 'EMERGENCY_NO'],
        hides: ['15 : SAMU'],
      },
      {
        send: 'non c etait il y a longtemps elle va bien mais elle peut plus porter',
        says: ['emergency.notEmergencyContinue', 'form.categoryCarried', 'form.availabilityCarried'],
        contains: ['Courses'],
        hides: ['15 : SAMU', 'Que souhaitez-vous faire'],
      },
      { send: 'pas urgent', says: ['form.where'] },
      { send: 'les molieres', says: ['form.whereFound', 'form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['Pour : un proche', 'Quand : demain matin'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'urgence-non-courses');
      assert.equal(need.kind, 'need');
      assert.equal(need.category, 'groceries');
      assert.equal(need.beneficiary, 'relative');
      assert.equal(need.availability, 'demain matin');
      await nobodyAlerted(harness, 'urgence-non-courses');
    },
  },
  {
    title: 'a teenager who fell this morning answers « nn »: straight on to the groceries',
    voice: 'sms',
    psid: 'urgence-nn',
    turns: [
      {
        send: 'jsuis tombée ce matin et jai besoin qu on m aide pr les courses',
        says: ['emergency.ask'],
      },
      {
        send: 'nn',
        says: ['emergency.notEmergencyContinue', 'form.categoryCarried'],
        hides: ['Je n\u2019ai pas', "Je n'ai pas"],
      },
    ],
    async outcome(harness) {
      const state = JSON.stringify(await harness.dialogStateOf('urgence-nn'));
      assert.match(state, /"category":"groceries"/, 'the need form is open with its category');
      await nobodyAlerted(harness, 'urgence-nn');
    },
  },
  {
    title: 'a worried neighbour types « oui vite »: the numbers and a referent, as for a sure emergency',
    voice: 'typos',
    psid: 'urgence-oui-vite',
    emergency: true,
    transcript: true,
    turns: [
      { send: 'mon voisin ne repond plus depuis 2 jours et j ai besoin d aide', says: ['emergency.ask'] },
      { send: 'oui vite', says: ['emergency.intro', 'emergency.outro'], contains: ['15 : SAMU', '112'] },
      {
        send: 'cetait une fausse alerte il etait chez sa fille',
        says: ['emergency.reassured'],
        offers: ['MENU_NEED'],
      },
    ],
    async outcome(harness) {
      await handedOverForEmergency(harness, 'urgence-oui-vite');
    },
  },
  {
    title: 'an excited « ouiii » is a yes',
    voice: 'sms',
    psid: 'urgence-ouiii',
    emergency: true,
    turns: [
      {
        send: 'je suis tombée ce matin et j ai besoin qu on m aide pour les courses',
        says: ['emergency.ask'],
      },
      { send: 'ouiii', says: ['emergency.intro'] },
      { send: 'merci', says: ['emergency.afterThanks'], offers: ['MENU_HUMAN'] },
    ],
    async outcome(harness) {
      await handedOverForEmergency(harness, 'urgence-ouiii');
    },
  },
  {
    title: 'someone writes « c est urgent » instead of tapping',
    voice: 'dictation',
    psid: 'urgence-cest-urgent',
    emergency: true,
    turns: [
      {
        send: 'j ai du mal a respirer quand je porte mes courses quelqu un pourrait m aider',
        says: ['emergency.ask'],
      },
      { send: 'c est urgent', says: ['emergency.intro'] },
    ],
    async outcome(harness) {
      await handedOverForEmergency(harness, 'urgence-cest-urgent');
    },
  },
  {
    title: 'the answer itself says he no longer breathes: the numbers at once',
    voice: 'senior',
    psid: 'urgence-respire',
    emergency: true,
    turns: [
      { send: 'mon voisin ne repond plus depuis 2 jours et j ai besoin d aide', says: ['emergency.ask'] },
      { send: 'il respire plus', says: ['emergency.intro'] },
      { send: 'ca va les pompiers sont la', says: ['emergency.reassured'] },
    ],
    async outcome(harness) {
      await handedOverForEmergency(harness, 'urgence-respire');
    },
  },
  {
    title: 'an English speaker answers « yes »',
    voice: 'english',
    psid: 'urgence-yes',
    emergency: true,
    turns: [
      { send: 'my neighbour fell and needs help with shopping', contains: ['is this an emergency'] },
      { send: 'yes', contains: ['15: SAMU', '112'] },
    ],
    async outcome(harness) {
      await handedOverForEmergency(harness, 'urgence-yes');
    },
  },
  {
    title: 'a lady answers « pas du tout », then « non merci » is not needed: the form goes on',
    voice: 'non-native',
    psid: 'urgence-pas-du-tout',
    turns: [
      {
        send: 'j ai besoin de courses ma mere est tombee hier elle a mal partout',
        says: ['emergency.ask'],
      },
      { send: 'pas du tout', says: ['emergency.notEmergencyContinue', 'form.categoryCarried'] },
    ],
    async outcome(harness) {
      await nobodyAlerted(harness, 'urgence-pas-du-tout');
      assert.match(JSON.stringify(await harness.dialogStateOf('urgence-pas-du-tout')), /"kind":"need"/);
    },
  },
  {
    title: 'an English « no » goes on too',
    voice: 'english',
    psid: 'urgence-no',
    turns: [
      { send: 'my neighbour fell and needs help with shopping', contains: ['is this an emergency'] },
      { send: 'no', contains: ["Let's take care of your request"], hides: ['15: SAMU'] },
    ],
    async outcome(harness) {
      await nobodyAlerted(harness, 'urgence-no');
    },
  },
  {
    title: 'a hesitant man answers neither twice: asked once more, then a referent',
    voice: 'changes-mind',
    psid: 'urgence-hesite',
    turns: [
      { send: 'mon voisin ne repond plus depuis 2 jours et j ai besoin d aide', says: ['emergency.ask'] },
      { send: 'je sais pas trop', says: ['emergency.askRetry'], offers: ['EMERGENCY_YES', 'EMERGENCY_NO'] },
      { send: 'bof', says: ['emergency.askHandover'], hides: ['Que souhaitez-vous faire'] },
    ],
    async outcome(harness) {
      assert.deepEqual(await flagsOf(harness, 'urgence-hesite'), ['emergency']);
      assert.equal(harness.threadControl.passesFor('urgence-hesite').length, 1);
    },
  },
  {
    title: 'the buttons work as before: « Non » goes on with the request',
    voice: 'senior',
    psid: 'urgence-bouton-non',
    turns: [
      { send: 'j ai besoin de courses ma mere est tombee hier elle a mal partout', says: ['emergency.ask'] },
      { send: { payload: 'EMERGENCY_NO' }, says: ['emergency.notEmergencyContinue', 'form.categoryCarried'] },
    ],
    async outcome(harness) {
      await nobodyAlerted(harness, 'urgence-bouton-non');
    },
  },
  {
    title: 'after a sure emergency, « non », « ça va » or « fausse alerte » are answered kindly',
    voice: 'senior',
    psid: 'urgence-sure-puis-non',
    emergency: true,
    turns: [
      { send: 'il y a de la fumée chez le voisin', says: ['emergency.intro'] },
      { send: 'non', says: ['emergency.reassured'], offers: ['MENU_NEED'] },
    ],
    async outcome(harness) {
      await handedOverForEmergency(harness, 'urgence-sure-puis-non');
    },
  },
  {
    title: 'after a sure emergency, « ça va » then nothing more is asked of her',
    voice: 'typos',
    psid: 'urgence-sure-ca-va',
    emergency: true,
    turns: [
      {
        send: 'mon mari est tombe dans la salle de bain il arrive pas a se relever',
        says: ['emergency.intro'],
      },
      { send: 'ça va', says: ['emergency.reassured'] },
    ],
    async outcome(harness) {
      await handedOverForEmergency(harness, 'urgence-sure-ca-va');
    },
  },
  {
    title: 'after a sure emergency, « fausse alerte »',
    voice: 'sms',
    psid: 'urgence-sure-fausse-alerte',
    emergency: true,
    turns: [
      { send: 'il y a de la fumée chez le voisin', says: ['emergency.intro'] },
      { send: 'fausse alerte', says: ['emergency.reassured'] },
    ],
    async outcome(harness) {
      await handedOverForEmergency(harness, 'urgence-sure-fausse-alerte');
    },
  },
  {
    title: 'in the middle of her offer, smoke next door, then « fausse alerte »: the form goes on',
    voice: 'senior',
    psid: 'urgence-dans-le-formulaire',
    emergency: true,
    turns: [
      { send: 'je propose mon aide pour les courses', says: ['form.descriptionOffer'] },
      { send: 'il y a de la fumée chez le voisin', says: ['emergency.intro'] },
      {
        send: 'fausse alerte c etait un barbecue',
        says: ['emergency.reassuredInForm', 'form.resumed', 'form.descriptionOffer'],
      },
      { send: 'je peux porter les sacs lourds et aller au marche', says: ['form.where'] },
    ],
    async outcome(harness) {
      assert.deepEqual(await flagsOf(harness, 'urgence-dans-le-formulaire'), ['emergency']);
      const state = JSON.stringify(await harness.dialogStateOf('urgence-dans-le-formulaire'));
      assert.match(state, /"description":"je peux porter les sacs lourds et aller au marche"/);
    },
  },
];

playScripts('conversations: « Est-ce une urgence ? »', scripts);
