/**
 * Main routing tables: menu payloads, free text understood or not, commands, attachments.
 */
import type { Turn } from '../support/table';
import { MENU } from './common';

/** Greeting and the informational answers, each ending with the menu. */
export const menuAnswers: Turn[] = [
  { send: 'bonjour', says: ['greeting.welcomeNoName'], offers: MENU },
  { send: { payload: 'MENU_HELP' }, says: ['help.text'], contains: ['08000 13140'], offers: MENU },
  { send: 'comment ça marche', says: ['help.text'], offers: MENU },
  // Thanks alone are answered, not taken for a testimonial (a story is: see the testimonials' tables).
  { send: 'merci pour tout', says: ['smallTalk.thanks'], offers: MENU, hides: ['Racontez'] },
  { send: 'ok', says: ['smallTalk.acknowledgement'], offers: MENU },
  { send: '👍', says: ['smallTalk.acknowledgement'], offers: MENU },
  // Nothing to cancel (the thanks opened nothing): the menu.
  { send: 'annuler', says: ['interrupt.menu'], offers: MENU },
  { send: { payload: 'OLD_MENU_ITEM' }, says: ['understanding.unknownPayload'], offers: MENU },
  { send: { attachmentOnly: true }, says: ['fallback.photo'], offers: MENU },
  { send: 'MENU_HELP', says: ['help.text'] },
];

/** "Parler à quelqu'un" from the menu: handed over (no referent registered, so no hours known). */
export const askForHuman: Turn[] = [
  { send: { payload: 'MENU_HUMAN' }, says: ['moderation.resident.outsideHoursUnknown'] },
];

/** Typed "parler à quelqu'un". */
export const askForHumanTyped: Turn[] = [
  { send: "je voudrais parler à quelqu'un", says: ['moderation.resident.outsideHoursUnknown'] },
];

/** Low confidence: choices; then not understood: handed over to a referent. */
export const misunderstoodTwice: Turn[] = [
  { send: 'La Maille', says: ['understanding.choose'], offers: MENU },
  { send: 'asdf qwer', says: ['handover.misunderstood', 'moderation.resident.outsideHoursUnknown'] },
];

/** A misunderstanding, then an understood request, then another: not twice in a row. */
export const misunderstoodApart: Turn[] = [
  { send: 'le ciel est bleu', says: ['fallback.notUnderstood'], offers: MENU },
  { send: { payload: 'MENU_HELP' }, says: ['help.text'] },
  { send: 'asdf qwer', says: ['fallback.notUnderstood'] },
];

/** The category understood from the first message is not asked again. */
export const offerWithCategory: Turn[] = [
  { send: 'je peux promener les chiens de mes voisins', says: ['form.descriptionOffer'] },
];

/** "aide" in a step: how to answer, then the same question again; "menu": the menu. */
export const helpAndMenuMidDialog: Turn[] = [
  { send: { payload: 'MENU_NEED' }, says: ['form.categoryNeed'] },
  { send: 'aide', says: ['interrupt.help', 'form.categoryNeed'] },
  { send: { payload: 'CATEGORY_PHARMACY' }, says: ['form.beneficiary'] },
  { send: 'Menu', says: ['interrupt.menu'], offers: MENU },
  { send: 'bonjour', says: ['greeting.welcomeNoName'] },
];

/** A persistent-menu payload in the middle of a dialog starts what it names. */
export const menuPayloadMidDialog: Turn[] = [
  { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
  { send: { payload: 'MENU_HELP' }, says: ['help.text'], offers: MENU },
  { send: { payload: 'MENU_NEED' }, says: ['form.categoryNeed'] },
];

/** An answer that fits no choice gets the question again with its choices. */
export const wrongAnswerRetried: Turn[] = [
  { send: { payload: 'MENU_NEED' }, says: ['form.categoryNeed'] },
  { send: { payload: 'CATEGORY_MASKS' }, says: ['form.beneficiary'] },
  { send: 'peut-être', says: ['form.retryButtons'], offers: ['FOR_ME', 'FOR_RELATIVE'] },
  { send: 'pour moi', says: ['form.urgency'] },
];

/** Urgency understood from the first message: not asked again. */
export const urgentNeed: Turn[] = [
  {
    send: "urgent j'ai besoin de médicaments aujourd'hui",
    says: ['form.descriptionCarried', 'form.beneficiary'],
  },
  { send: { payload: 'FOR_ME' }, says: ['form.where'], hides: ['Est-ce urgent'] },
];
