/**
 * Residents who come from an m.me link, in their own voices: a poster's neighbourhood known
 * from the first message and offered by the place question (tapped or typed), the town's
 * poster, and a personal link that no longer holds.
 */
import { strict as assert } from 'node:assert';
import { menuChoices } from '../../dialogs/replies';
import { entriesOf, onlyEntryOf } from './support/stored';
import { playScripts, type Script } from './support/script';

const MENU = menuChoices().map((action) => String(action.value));

const scripts: Script[] = [
  {
    title: 'a grandmother scans the poster in her hall and taps her neighbourhood when asked where',
    voice: 'senior',
    psid: 'referral-poster-senior',
    transcript: true,
    turns: [
      {
        send: { referral: 'q.la-maille-2', payload: 'GET_STARTED' },
        says: ['referral.neighbourhood', 'greeting.welcomeNoName'],
        contains: ['La Maille 2'],
        offers: MENU,
      },
      { send: 'il me faudrait quelqu un pour aller a la pharmacie', says: ['form.beneficiary'] },
      { send: 'c est pour moi', says: ['form.urgency'] },
      { send: 'pas presse', says: ['form.descriptionNeed'] },
      {
        send: 'chercher mes medicaments avec l ordonnance',
        says: ['form.where'],
        offers: ['PLACE_KNOWN'],
      },
      {
        send: { payload: 'PLACE_KNOWN', text: 'La Maille 2' },
        says: ['form.whereFound', 'form.availabilityNeed'],
      },
      { send: 'mardi dans la matinee', says: ['form.contact'] },
      { send: 'par la page', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'], contains: ['La Maille 2'] },
      { send: 'oui', says: ['need.saved'] },
    ],
    async outcome(harness) {
      const need = await onlyEntryOf(harness, 'referral-poster-senior');
      assert.equal(need.kind, 'need');
      assert.equal(need.category, 'pharmacy');
      assert.equal(need.neighbourhood, 'La Maille 2');
      assert.equal(need.locationSource, 'neighbourhood');
    },
  },
  {
    title: 'a teenager already talking to the page scans a poster, then types the neighbourhood herself',
    voice: 'sms',
    psid: 'referral-poster-sms',
    turns: [
      { send: 'slt', says: ['greeting.welcomeNoName'] },
      {
        send: { referral: 'q.la-maille-1' },
        says: ['referral.neighbourhood'],
        contains: ['La Maille 1'],
        offers: MENU,
      },
      { send: 'jpeux aider pr les devoirs', says: ['form.descriptionOffer'] },
      { send: 'maths et anglais niveau college', says: ['form.where'], offers: ['PLACE_KNOWN'] },
      { send: 'maille 1', says: ['form.whereFound', 'form.availabilityOffer'], contains: ['La Maille 1'] },
    ],
    async outcome(harness) {
      // The form is under way: nothing stored yet, nothing asked of anyone.
      assert.deepEqual(await entriesOf(harness, 'referral-poster-sms'), []);
    },
  },
  {
    title: 'a man opens an old request link he was forwarded, then asks for help in broken French',
    voice: 'non-native',
    psid: 'referral-stale-link',
    transcript: true,
    turns: [
      {
        send: { referral: 's1.match.0123456789abcdef01234567.k0.AAAAAAAAAAAAAAAA' },
        says: ['referral.expired'],
        offers: MENU,
        hides: ['Un voisin a besoin de vous'],
      },
      { send: { referral: 'ville' }, says: ['greeting.welcomeNoName'], offers: MENU },
      { send: 'moi besoin aide pour imprimer papier CAF', says: ['form.beneficiary'] },
    ],
    async outcome(harness) {
      assert.deepEqual(await entriesOf(harness, 'referral-stale-link'), []);
    },
  },
];

playScripts('conversations: residents who come from an m.me link', scripts);
