/**
 * Residents who write in English: answered in English for the whole conversation (buttons,
 * typed commands and yes/no), able to switch back to French, and notices sent to them in
 * English; French residents typing borrowed words ("ok", "top", "cool") stay in French.
 */
import { strict as assert } from 'node:assert';
import type { Entry, Resident } from '../../services/domain/types';
import { textIn } from '../../services/i18n';
import type { Harness } from '../dialogs/support/harness';
import { seedHelper } from '../dialogs/support/seed';
import { keyPattern, textsOf, type Ids } from '../dialogs/support/table';
import { playScripts, type Script } from './support/script';

/** The longest fixed part of the English text of `key` (placeholders left out), for `contains`. */
function en(key: string): string {
  return longestPart(textIn('en', key));
}

/** The same for the French text, for `hides` in an English conversation. */
function fr(key: string): string {
  return longestPart(textIn('fr', key));
}

function longestPart(text: string): string {
  return text.split(/\{\w+\}/).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

/** English texts of `keys`, as `contains` wants them. */
const saysEn = (...keys: string[]): string[] => keys.map(en);

/** French texts an English conversation must never show (the menu's question, the retry). */
const FRENCH_QUESTION = [fr('greeting.menuPrompt'), fr('form.retryButtons')];

/** English texts that say the bot did not understand (the runner counts the French ones). */
const NOT_UNDERSTOOD_EN = [
  'fallback.notUnderstood',
  'understanding.choose',
  'form.retryButtons',
  'form.textRetry',
].map(en);

/**
 * Holds an English script to the rules the runner applies in French: at most one "I didn't
 * understand", never a stale button, no emergency numbers.
 */
function english(script: Script): Script {
  let misunderstood = 0;
  return {
    ...script,
    turns: script.turns.map((turn) => ({
      ...turn,
      async then(replies, ids) {
        const text = textsOf(replies);
        if (NOT_UNDERSTOOD_EN.some((needle) => text.includes(needle))) misunderstood += 1;
        assert.ok(!text.includes(en('understanding.unknownPayload')), 'a stale button');
        assert.ok(!text.includes(en('emergency.intro')), 'emergency numbers');
        await turn.then?.(replies, ids);
      },
    })),
    async outcome(harness, ids) {
      assert.ok(misunderstood <= 1, `${misunderstood} "I didn't understand" in one conversation`);
      await script.outcome(harness, ids);
    },
  };
}

async function entriesOf(harness: Harness, psid: string): Promise<Entry[]> {
  return harness.database.db.collection<Entry>('entries').find({ psid }).toArray();
}

async function residentOf(harness: Harness, psid: string): Promise<Resident | null> {
  return harness.database.db.collection<Resident>('residents').findOne({ psid });
}

const HELPER = 'en-helper';

const scripts: Script[] = [
  english({
    title: 'a newcomer from Manchester offers to do shopping, tapping the buttons',
    voice: 'english',
    psid: 'en-offer',
    transcript: true,
    turns: [
      { send: 'Hi! I just moved here and I would love to help my neighbours', hides: FRENCH_QUESTION },
      { send: { payload: 'MENU_OFFER' }, contains: saysEn('form.categoryOffer') },
      { send: { payload: 'CATEGORY_GROCERIES' }, contains: saysEn('form.descriptionOffer') },
      { send: 'I can do the weekly shop on Saturdays, I have a car', contains: saysEn('form.where') },
      { send: 'place jean jaures', contains: saysEn('form.whereFound', 'form.availabilityOffer') },
      { send: 'saturday mornings', contains: saysEn('form.recurrence') },
      { send: 'every week', contains: saysEn('form.contact') },
      { send: { payload: 'CONTACT_PAGE' }, contains: saysEn('form.commitmentsOffer') },
      { send: 'yes', contains: saysEn('form.consent') },
      { send: 'I agree', contains: saysEn('form.recap') },
      { send: 'yes', contains: saysEn('offer.saved'), hides: FRENCH_QUESTION },
    ],
    async outcome(harness) {
      const [offer, ...others] = await entriesOf(harness, 'en-offer');
      assert.equal(others.length, 0);
      assert.equal(offer?.kind, 'offer');
      assert.equal(offer?.category, 'groceries');
      assert.match(offer?.availability ?? '', /saturday/i);
      assert.equal((await residentOf(harness, 'en-offer'))?.locale, 'en');
    },
  }),
  english({
    title:
      'a daughter asks for shopping for her mum, answers yes/no in words, then says merci and stays in English',
    voice: 'english',
    psid: 'en-need',
    transcript: true,
    turns: [
      { send: 'hello', hides: FRENCH_QUESTION },
      { send: { payload: 'MENU_NEED' }, contains: saysEn('form.categoryNeed') },
      { send: { payload: 'CATEGORY_GROCERIES' }, contains: saysEn('form.beneficiary') },
      { send: { payload: 'FOR_RELATIVE' }, contains: saysEn('form.urgency') },
      { send: 'no', contains: saysEn('form.descriptionNeed') },
      {
        send: 'She needs milk, bread and some fruit, she is 84 and lives alone',
        contains: saysEn('form.where'),
      },
      { send: 'Place Jean Jaures', contains: saysEn('form.availabilityNeed') },
      { send: 'tuesday afternoon would be perfect', contains: saysEn('form.contact') },
      { send: '06 12 34 56 78', contains: saysEn('form.commitmentsNeed') },
      { send: 'yeah', contains: saysEn('form.consent') },
      { send: 'yes', contains: [...saysEn('form.recap'), en('form.beneficiaryRelative')] },
      { send: 'yes please', contains: saysEn('need.saved', 'need.noMatch'), hides: FRENCH_QUESTION },
      { send: 'ok thanks', contains: saysEn('smallTalk.thanks') },
      { send: 'merci', contains: saysEn('smallTalk.thanks'), hides: [fr('smallTalk.thanks')] },
      { send: { payload: 'MENU_PRIVACY' }, contains: saysEn('privacy.intro') },
      {
        send: { payload: 'PRIVACY_EXPORT' },
        contains: ['Language we talk in: English.', 'She needs milk', ...saysEn('privacy.exportFooter')],
      },
    ],
    async outcome(harness) {
      const [need, ...others] = await entriesOf(harness, 'en-need');
      assert.equal(others.length, 0);
      assert.equal(need?.kind, 'need');
      assert.equal(need?.beneficiary, 'relative');
      assert.equal(need?.urgency, 'normal');
      assert.match(need?.description ?? '', /milk/);
      const resident = await residentOf(harness, 'en-need');
      assert.equal(resident?.locale, 'en');
      assert.equal(resident?.contact.phone, '0612345678');
    },
  }),
  english({
    title: 'an English speaker reads how it works, then asks for French and gets the French menu',
    voice: 'english',
    psid: 'en-back-to-french',
    transcript: true,
    turns: [
      { send: 'hello there', contains: saysEn('greeting.welcomeNoName') },
      { send: { payload: 'MENU_HELP' }, contains: saysEn('help.text') },
      { send: 'thank you', contains: saysEn('smallTalk.thanks') },
      { send: 'en français svp', says: ['language.switched'] },
      { send: { payload: 'MENU_NEED' }, says: ['form.categoryNeed'] },
      { send: 'les courses', says: ['form.beneficiary'], hides: [en('form.beneficiary')] },
      { send: 'annuler', says: ['interrupt.cancelled'] },
    ],
    async outcome(harness) {
      assert.deepEqual(await entriesOf(harness, 'en-back-to-french'), []);
      // Nothing was consented to: no resident document, not even for the language.
      assert.equal(await residentOf(harness, 'en-back-to-french'), null);
    },
  }),
  {
    title: 'a teenager types slt, ok, top, cool and SMS: always answered in French',
    voice: 'sms',
    psid: 'fr-teen',
    turns: [
      { send: 'slt', says: ['greeting.menuPrompt'], hides: [en('greeting.menuPrompt')] },
      { send: 'ok', says: ['smallTalk.acknowledgement'] },
      { send: 'jpeu aider pr les devoirs le week-end', says: ['form.descriptionOffer'] },
      { send: 'maths et anglais niveau college', says: ['form.where'] },
      // « le week-end » in the first message answered "Quand ?" (see carriedTime.test.ts).
      { send: 'place jean jaures', says: ['form.recurrence'] },
      { send: 'une fois', says: ['form.contact'] },
      { send: { payload: 'CONTACT_PAGE' }, says: ['form.commitmentsOffer'] },
      { send: 'ok', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'] },
      { send: 'ok', says: ['offer.saved'], hides: [en('offer.saved')] },
      { send: 'top merci', says: ['smallTalk.thanks'], hides: [en('smallTalk.thanks')] },
      { send: 'cool', hides: [en('greeting.menuPrompt'), en('testimonialDialog.intro')] },
    ],
    async outcome(harness) {
      const [offer] = await entriesOf(harness, 'fr-teen');
      assert.equal(offer?.category, 'homework');
      assert.match(offer?.description ?? '', /maths/);
      assert.equal((await residentOf(harness, 'fr-teen'))?.locale, undefined);
    },
  },
  english({
    title: 'a visitor who starts in French asks “do you speak english?” and sees their data in English',
    voice: 'english',
    psid: 'fr-then-en',
    turns: [
      { send: 'bonjour', says: ['greeting.menuPrompt'] },
      { send: 'Do you speak English?', contains: saysEn('language.switched') },
      { send: { payload: 'MENU_PRIVACY' }, contains: saysEn('privacy.intro') },
      {
        send: { payload: 'PRIVACY_EXPORT' },
        contains: saysEn('privacy.exportEmpty'),
        hides: FRENCH_QUESTION,
      },
    ],
    async outcome(harness) {
      assert.deepEqual(await entriesOf(harness, 'fr-then-en'), []);
      assert.equal(await residentOf(harness, 'fr-then-en'), null);
    },
  }),
  english({
    title: 'a French resident halfway through a request switches to English, then cancels in English',
    voice: 'non-native',
    psid: 'switch-mid-form',
    turns: [
      { send: "j'ai besoin d'un coup de main", says: ['form.categoryNeed'] },
      { send: 'courses', says: ['form.beneficiary'] },
      { send: { payload: 'FOR_ME' }, says: ['form.urgency'] },
      { send: 'sorry, english please?', contains: saysEn('language.switchedResume', 'form.urgency') },
      { send: 'No, not urgent', contains: saysEn('form.descriptionNeed') },
      { send: 'cancel', contains: saysEn('interrupt.cancelled') },
    ],
    async outcome(harness) {
      assert.deepEqual(await entriesOf(harness, 'switch-mid-form'), []);
    },
  }),
  english({
    title: 'an English speaker asks for help and the menu mid-form, then stops, all typed',
    voice: 'english',
    psid: 'en-commands',
    turns: [
      { send: 'hi', hides: FRENCH_QUESTION },
      { send: { payload: 'MENU_NEED' }, contains: saysEn('form.categoryNeed') },
      { send: 'help', contains: saysEn('interrupt.help', 'form.categoryNeed') },
      { send: 'main menu', contains: saysEn('interrupt.menu') },
      { send: { payload: 'MENU_OFFER' }, contains: saysEn('form.categoryOffer') },
      { send: { payload: 'CATEGORY_PETS' }, contains: saysEn('form.descriptionOffer') },
      { send: 'I can walk dogs in the evening after work', contains: saysEn('form.where') },
      { send: 'stop', contains: saysEn('interrupt.cancelled') },
    ],
    async outcome(harness) {
      assert.deepEqual(await entriesOf(harness, 'en-commands'), []);
    },
  }),
  {
    title:
      'an English-speaking helper gets the request in English and accepts in words; the French asker is told in French',
    voice: 'helper',
    psid: 'fr-asker',
    async setup(harness, ids) {
      ids.offer = await seedHelper(harness, {
        psid: HELPER,
        category: 'groceries',
        meters: 300,
        contact: { channels: ['phone'], phone: '0611223344' },
        description: 'Happy to do the shopping, I have a car',
      });
      assert.equal(await harness.repositories.residents.setLocale(HELPER, 'en'), true);
    },
    turns: [
      { send: "bonjour j'ai besoin qu'on me fasse les courses", says: ['form.beneficiary'] },
      { send: { payload: 'FOR_ME' }, says: ['form.urgency'] },
      { send: { payload: 'URGENCY_NORMAL' }, says: ['form.descriptionNeed'] },
      { send: 'du lait des pates et du cafe', says: ['form.where'] },
      { send: 'place jean jaures', says: ['form.availabilityNeed'] },
      { send: 'jeudi matin', says: ['form.contact'] },
      { send: '07 12 34 56 78', says: ['form.commitmentsNeed'] },
      { send: 'oui', says: ['form.consent'] },
      { send: 'oui', says: ['form.recap'] },
      { send: 'oui', says: ['need.saved', 'need.offersChoose'] },
      { send: (ids: Ids) => ({ payload: `MATCH_PICK_${ids.offer}` }), says: ['need.asked'] },
      {
        as: HELPER,
        send: 'yes of course, happy to help',
        contains: [...saysEn('match.helperAccepted'), '0712345678'],
        hides: [fr('match.helperAccepted')],
      },
    ],
    async outcome(harness) {
      const [ask] = harness.notifier.to(HELPER);
      assert.ok(
        ask?.activity.text?.includes(en('match.helperAsk')),
        'the request reached the helper in English',
      );
      assert.deepEqual(
        (ask?.activity.suggestedActions?.actions ?? []).map((action) => action.title),
        [textIn('en', 'match.accept'), textIn('en', 'match.decline')],
      );
      const told = harness.notifier.to('fr-asker').map((sent) => sent.activity.text ?? '');
      assert.ok(
        told.some((text) => keyPattern('match.needAccepted').test(text)),
        'the asker was told in French',
      );
      const [match] = await harness.database.db.collection('matches').find({}).toArray();
      assert.equal(match?.status, 'accepted');
    },
  },
];

playScripts('conversations: in English', scripts);
