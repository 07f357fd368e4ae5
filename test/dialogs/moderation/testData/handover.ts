/**
 * Handover tables: each point where a resident's conversation goes to a referent. The
 * notice is the last thing said (no menu: the page inbox owns the thread after it).
 */
import type { Turn } from '../../support/table';

/** Texts (one with a phone number), then "Parler à quelqu'un": the summary holds the texts, contacts removed. */
export const humanAfterTexts: Turn[] = [
  { send: 'mon numéro est le 06 11 22 33 44' },
  { send: { payload: 'MENU_HELP' }, says: ['help.text'] },
  { send: 'asdf qwer', says: ['fallback.notUnderstood'] },
  { send: { payload: 'MENU_HELP' }, says: ['help.text'] },
  { send: { payload: 'MENU_HUMAN' }, says: ['moderation.resident.withinHours'], hides: ['08000'] },
];

/** Not understood twice in a row. */
export const misunderstoodTwice: Turn[] = [
  { send: 'asdf qwer', says: ['fallback.notUnderstood'] },
  { send: 'zxcv bnm', says: ['handover.misunderstood', 'moderation.resident.withinHours'] },
];

/** The last answers of a form, contact by the page. */
const finish = (kind: 'offer' | 'need'): Turn[] => [
  {
    send: { payload: 'CONTACT_PAGE' },
    says: [kind === 'offer' ? 'form.commitmentsOffer' : 'form.commitmentsNeed'],
  },
  { send: { payload: 'YES' }, says: ['form.consent'] },
  { send: { payload: 'YES' }, says: ['form.recap'] },
];

/** An offer whose text keeps mentioning money, all by buttons where possible. */
export const offerMoneyKept: Turn[] = [
  { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
  { send: { payload: 'CATEGORY_GROCERIES' }, says: ['form.descriptionOffer'] },
  { send: 'Je fais vos courses pour 5 euros', says: ['form.moneyReminder'] },
  { send: { payload: 'KEEP_TEXT' }, says: ['form.moneyKept', 'form.where'] },
  { send: '12 place Jean Jaurès', says: ['form.whereFound'] },
  { send: 'le samedi matin', says: ['form.recurrence'] },
  { send: { payload: 'OFFER_ONCE' }, says: ['form.contact'] },
  ...finish('offer'),
  { send: { payload: 'YES' }, says: ['handover.savedMoney', 'moderation.resident.withinHours'] },
];

/** An urgent need with no offer anywhere near. */
export const urgentNeedNoMatch: Turn[] = [
  { send: { payload: 'MENU_NEED' }, says: ['form.categoryNeed'] },
  { send: { payload: 'CATEGORY_GROCERIES' }, says: ['form.beneficiary'] },
  { send: { payload: 'FOR_ME' }, says: ['form.urgency'] },
  { send: { payload: 'URGENCY_HIGH' }, says: ['form.descriptionNeed'] },
  { send: 'Récupérer mes courses au drive du supermarché', says: ['form.where'] },
  { send: 'place Jean Jaurès', says: ['form.whereFound'] },
  { send: 'demain matin', says: ['form.contact'] },
  ...finish('need'),
  {
    send: { payload: 'YES' },
    says: ['need.saved', 'handover.noMatchUrgent', 'moderation.resident.withinHours'],
  },
];

/** A complaint in the resident's words. */
export const complaint: Turn[] = [
  {
    send: 'je veux faire une réclamation, le voisin n’est jamais venu, c’est inadmissible',
    says: ['moderation.resident.withinHours'],
  },
];

/** Registering a neighbour who is not online. */
export const offlineRegistration: Turn[] = [
  { send: "je voudrais inscrire ma voisine qui n'a pas internet", says: ['moderation.resident.withinHours'] },
];

/** Emergency words: the numbers first, then the notice. */
export const emergency: Turn[] = [
  {
    send: 'au secours mon voisin fait un malaise il ne respire plus',
    says: ['emergency.intro', 'moderation.resident.withinHours'],
  },
];

/** Outside the referents' hours: when they answer, and the CCAS line. */
export const humanOnSunday: Turn[] = [
  {
    send: { payload: 'MENU_HUMAN' },
    says: ['moderation.resident.outsideHours'],
    contains: ['08000 13140', 'lundi 6 avril à 09:00'],
  },
];
