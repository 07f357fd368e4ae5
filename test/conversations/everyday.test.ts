/**
 * What real residents write besides a request: a bare "?", the price, who is behind the
 * service, a voice message or a photo, coming back; their data in words; and two requests
 * in one message.
 */
import { strict as assert } from 'node:assert';
import type { Entry } from '../../services/domain/types';
import type { Harness } from '../dialogs/support/harness';
import { seedHelper } from '../dialogs/support/seed';
import { MENU } from '../dialogs/testData/common';
import { playScripts, type Script, type ScriptTurn } from './support/script';

/** The entries `psid` left. */
async function entriesOf(harness: Harness, psid: string): Promise<Entry[]> {
  return harness.database.db.collection<Entry>('entries').find({ psid }).toArray();
}

/** Nothing stored, nobody handed over: small talk leaves no trace but the answer. */
async function nothingStored(harness: Harness, psid: string): Promise<void> {
  assert.deepEqual(await entriesOf(harness, psid), []);
  assert.equal(await harness.database.db.collection('handoffs').countDocuments({ psid }), 0);
  assert.deepEqual(harness.threadControl.calls, []);
}

/** A resident with a published offer (groceries) and a need waiting for review (printing). */
async function returning(harness: Harness, psid: string): Promise<void> {
  await seedHelper(harness, {
    psid,
    category: 'groceries',
    meters: 100,
    contact: { channels: ['phone'], phone: '0611223344' },
  });
  await harness.repositories.entries.create({
    psid,
    kind: 'need',
    category: 'printing',
    description: 'Imprimer un formulaire pour la CAF',
    availability: 'cette semaine',
    addressText: '8 avenue de la République',
    location: { type: 'Point', coordinates: [5.0017, 43.5843] },
    locationSource: 'address',
    flags: [],
  });
}

/** The rest of a need form once its category is known, buttons tapped. */
function needFormAfterCategory(description: string, consentAsked: boolean): ScriptTurn[] {
  return [
    { send: { payload: 'FOR_ME' }, says: ['form.urgency'] },
    { send: { payload: 'URGENCY_NORMAL' }, says: ['form.descriptionNeed'] },
    { send: description, says: ['form.where'] },
    { send: 'place Jean Jaurès', says: ['form.availabilityNeed'] },
    { send: 'dans la semaine', says: ['form.contact'] },
    { send: { payload: 'CONTACT_PAGE' }, says: ['form.commitmentsNeed'] },
    { send: { payload: 'YES' }, says: [consentAsked ? 'form.consent' : 'form.recap'] },
    ...(consentAsked ? [{ send: { payload: 'YES' }, says: ['form.recap'] }] : []),
  ];
}

const scripts: Script[] = [
  {
    title: 'a lady sends a question mark, asks if it is free, and thanks',
    voice: 'senior',
    psid: 'everyday-question-mark',
    turns: [
      { send: '?', says: ['greeting.welcomeNoName'], offers: MENU },
      { send: 'c est gratuit ?', says: ['smallTalk.price'], offers: MENU },
      { send: 'merci bien', says: ['smallTalk.thanks'], hides: ['Racontez'] },
    ],
    outcome: (harness) => nothingStored(harness, 'everyday-question-mark'),
  },
  {
    title: 'a teenager asks the price and whether a robot answers',
    voice: 'sms',
    psid: 'everyday-teen',
    turns: [
      { send: 'c combien ??', says: ['smallTalk.price'] },
      { send: 'vs etes 1 robot ou koi', says: ['smallTalk.bot'], contains: ['Miramas', 'Imédias'] },
    ],
    outcome: (harness) => nothingStored(harness, 'everyday-teen'),
  },
  {
    title: 'a newcomer asks whether the town hall runs it and who they are',
    voice: 'non-native',
    psid: 'everyday-who',
    turns: [
      { send: 'bonjour, c est la mairie ?', says: ['smallTalk.who'] },
      { send: 'qui êtes vous exactement', says: ['smallTalk.who'], contains: ['Parler à quelqu'] },
    ],
    outcome: (harness) => nothingStored(harness, 'everyday-who'),
  },
  {
    title: 'a man dictates whether it costs something, then whether a person reads',
    voice: 'dictation',
    psid: 'everyday-dictated-price',
    turns: [
      { send: 'est ce que ça coûte quelque chose', says: ['smallTalk.price'] },
      { send: 'est ce que je parle a une vraie personne', says: ['smallTalk.bot'] },
    ],
    outcome: (harness) => nothingStored(harness, 'everyday-dictated-price'),
  },
  {
    title: 'a voice message, then the same thing written',
    voice: 'senior',
    psid: 'everyday-voice',
    turns: [
      { send: { attachmentOnly: true, contentType: 'audio' }, says: ['fallback.voiceMessage'], offers: MENU },
      { send: 'ok', says: ['smallTalk.acknowledgement'] },
    ],
    outcome: (harness) => nothingStored(harness, 'everyday-voice'),
  },
  {
    title: 'a photo of a letter, a video and a PDF',
    voice: 'non-native',
    psid: 'everyday-photo',
    turns: [
      { send: { attachmentOnly: true, contentType: 'image' }, says: ['fallback.photo'], offers: MENU },
      { send: { attachmentOnly: true, contentType: 'video' }, says: ['fallback.photo'] },
      { send: { attachmentOnly: true, contentType: 'file' }, says: ['fallback.file'] },
    ],
    outcome: (harness) => nothingStored(harness, 'everyday-photo'),
  },
  {
    title: 'a resident comes back and is greeted with what she has open',
    voice: 'senior',
    psid: 'everyday-returning',
    transcript: true,
    setup: (harness) => returning(harness, 'everyday-returning'),
    turns: [
      {
        send: 'Bonjour',
        says: ['greeting.welcomeBack', 'greeting.backManage'],
        contains: ['1 offre en ligne (courses) et 1 demande en cours (impressions)'],
        hides: ['bienvenue chez'],
      },
      { send: '?', says: ['greeting.welcomeBack'] },
    ],
    async outcome(harness) {
      assert.equal((await entriesOf(harness, 'everyday-returning')).length, 2);
    },
  },
  {
    title: 'he looks at his data, gets a copy, taps "Tout supprimer" under it and keeps it all',
    voice: 'senior',
    psid: 'everyday-data-kept',
    setup: (harness) => returning(harness, 'everyday-data-kept'),
    turns: [
      { send: 'voir mes donnees', says: ['privacy.summary'], offers: ['PRIVACY_EXPORT', 'PRIVACY_DELETE'] },
      { send: { payload: 'PRIVACY_EXPORT' }, says: ['privacy.exportHeader'], offers: ['PRIVACY_DELETE'] },
      { send: { payload: 'PRIVACY_DELETE' }, says: ['privacy.deleteConfirm'] },
      { send: 'non', says: ['privacy.kept'] },
    ],
    async outcome(harness) {
      assert.equal((await entriesOf(harness, 'everyday-data-kept')).length, 2);
    },
  },
  {
    title: 'she asks what is known about her, for a copy, then to delete everything',
    voice: 'changes-mind',
    psid: 'everyday-data-erased',
    setup: (harness) => returning(harness, 'everyday-data-erased'),
    turns: [
      { send: "qu'est-ce que vous savez sur moi ?", says: ['privacy.summary', 'privacy.summaryEntries'] },
      { send: 'envoyez-moi mes infos', says: ['privacy.exportHeader'], contains: ['Imprimer un formulaire'] },
      { send: 'supprimez tout', says: ['privacy.deleteConfirm'] },
      { send: 'oui', says: ['privacy.deleted'] },
    ],
    async outcome(harness) {
      assert.deepEqual(await entriesOf(harness, 'everyday-data-erased'), []);
      assert.equal(
        await harness.database.db.collection('residents').countDocuments({ psid: 'everyday-data-erased' }),
        0,
      );
    },
  },
  {
    title: 'from the "Mes données" menu she types "effacer mon compte", then thinks better of it',
    voice: 'typos',
    psid: 'everyday-data-typed',
    setup: (harness) => returning(harness, 'everyday-data-typed'),
    turns: [
      { send: { payload: 'MENU_PRIVACY' }, says: ['privacy.intro'], offers: ['PRIVACY_SEE'] },
      { send: 'effacer mon compte', says: ['privacy.deleteConfirm'] },
      { send: 'non', says: ['privacy.kept'] },
      // The first menu's "Voir mes données", tapped now.
      { send: { payload: 'PRIVACY_SEE' }, says: ['privacy.summary'] },
    ],
    async outcome(harness) {
      assert.equal((await entriesOf(harness, 'everyday-data-typed')).length, 2);
    },
  },
  {
    title: 'in the middle of a new request, she taps "Recevoir une copie" from an earlier message',
    voice: 'changes-mind',
    psid: 'everyday-copy-mid-form',
    setup: (harness) => returning(harness, 'everyday-copy-mid-form'),
    turns: [
      { send: 'mes infos', says: ['privacy.summary'], offers: ['PRIVACY_EXPORT'] },
      { send: { payload: 'MENU_NEED' }, says: ['form.categoryNeed'] },
      { send: { payload: 'PRIVACY_EXPORT' }, says: ['privacy.exportHeader'], hides: ['Choisissez'] },
    ],
    async outcome(harness) {
      assert.equal((await entriesOf(harness, 'everyday-copy-mid-form')).length, 2, 'nothing added or lost');
    },
  },
  {
    title: 'old buttons of "Mes annonces" still do what they say',
    voice: 'changes-mind',
    psid: 'everyday-old-buttons',
    setup: (harness) => returning(harness, 'everyday-old-buttons'),
    turns: [
      {
        send: { payload: 'MENU_MY_ENTRIES' },
        says: ['myEntries.intro'],
        then: (replies, ids) => {
          const actions = replies.at(-1)?.suggestedActions?.actions ?? [];
          ids.entryButton = String(actions[0]?.value);
        },
      },
      { send: { payload: 'MENU_HELP' }, says: ['help.text'] },
      {
        send: (ids) => ({ payload: ids.entryButton }),
        says: ['myEntries.actions'],
        then: (replies, ids) => {
          const actions = (replies.at(-1)?.suggestedActions?.actions ?? []).map((a) => String(a.value));
          ids.pause = actions.find((value) => value.startsWith('ENTRY_PAUSE_'))!;
          ids.withdraw = actions.find((value) => value.startsWith('ENTRY_WITHDRAW_'))!;
        },
      },
      { send: (ids) => ({ payload: ids.pause }), says: ['myEntries.donePause'] },
      // "Retirer", from the same old list: done too.
      { send: (ids) => ({ payload: ids.withdraw }), says: ['myEntries.doneWithdraw'] },
      // A "Oui" of a question long over.
      { send: { payload: 'YES' }, says: ['understanding.finishedQuestion'], offers: MENU },
    ],
    async outcome(harness) {
      const statuses = (await entriesOf(harness, 'everyday-old-buttons')).map((entry) => entry.status);
      assert.ok(statuses.includes('withdrawn'), 'one entry was withdrawn');
    },
  },
  {
    title: 'two needs in one message: the shopping first, then the printing offered and taken',
    voice: 'sms',
    psid: 'everyday-two-needs',
    transcript: true,
    turns: [
      {
        send: 'bjr je cherche qqn pour les courses et aussi pour imprimer un papier',
        says: ['form.beneficiary'],
      },
      ...needFormAfterCategory('faire les courses au super u, 2 sacs', true),
      {
        send: { payload: 'YES' },
        says: ['need.saved', 'also.ask'],
        contains: ['impressions'],
        offers: ['ALSO_NEED_PRINTING', 'ALSO_NO'],
      },
      { send: { payload: 'ALSO_NEED_PRINTING' }, says: ['form.beneficiary'] },
      ...needFormAfterCategory('imprimer un papier pour la mutuelle', false),
      { send: { payload: 'YES' }, says: ['need.saved'], hides: ['Vous parliez aussi'] },
    ],
    async outcome(harness) {
      const needs = await entriesOf(harness, 'everyday-two-needs');
      assert.deepEqual(needs.map((need) => need.category).sort(), ['groceries', 'printing']);
      assert.ok(needs.every((need) => need.kind === 'need'));
    },
  },
  {
    title: 'two offers in one message, the second declined in words',
    voice: 'changes-mind',
    psid: 'everyday-two-offers',
    turns: [
      {
        send: 'je peux faire les courses et je peux aussi imprimer des documents',
        says: ['form.descriptionOffer'],
      },
      { send: 'courses le samedi matin, j ai une voiture', says: ['form.where'] },
      { send: 'place Jean Jaurès', says: ['form.availabilityOffer'] },
      { send: 'le samedi matin', says: ['form.recurrence'] },
      { send: { payload: 'OFFER_ONCE' }, says: ['form.contact'] },
      { send: { payload: 'CONTACT_PAGE' }, says: ['form.commitmentsOffer'] },
      { send: { payload: 'YES' }, says: ['form.consent'] },
      { send: { payload: 'YES' }, says: ['form.recap'] },
      { send: { payload: 'YES' }, says: ['offer.saved', 'also.ask'], offers: ['ALSO_OFFER_PRINTING'] },
      { send: 'non', says: ['also.dropped'], offers: MENU },
    ],
    async outcome(harness) {
      const offers = await entriesOf(harness, 'everyday-two-offers');
      assert.deepEqual(
        offers.map((offer) => [offer.kind, offer.category]),
        [['offer', 'groceries']],
      );
    },
  },
];

playScripts('conversations: everyday messages', scripts);
