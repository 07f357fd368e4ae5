/**
 * Need tables: the form, then the offers proposed, a helper asked, answers, no match.
 */
import { strict as assert } from 'node:assert';
import type { Ids, Turn } from '../support/table';
import { CATEGORY_PAYLOADS, MENU } from './common';

/** Options of {@link needForm}. */
export interface NeedFormOptions {
  /** How the asker names the category when asked (typed text or a payload). */
  category?: Turn['send'];
  urgent?: boolean;
  /** The contact answer (a typed phone by default). */
  contact?: Turn['send'];
}

/** From the first message to the recap confirmed. */
export function needForm(options: NeedFormOptions = {}): Turn[] {
  return [
    {
      // Vague on purpose: the category is asked (a clear first message skips the question).
      send: "j'ai besoin d'un coup de main",
      says: ['form.categoryNeed'],
      offers: CATEGORY_PAYLOADS,
    },
    {
      send: options.category ?? 'courses',
      says: ['form.categoryUnderstood', 'form.beneficiary'],
      offers: ['FOR_ME', 'FOR_RELATIVE'],
    },
    { send: { payload: 'FOR_RELATIVE' }, says: ['form.urgency'], offers: ['URGENCY_HIGH', 'URGENCY_NORMAL'] },
    { send: { payload: options.urgent ? 'URGENCY_HIGH' : 'URGENCY_NORMAL' }, says: ['form.descriptionNeed'] },
    { send: 'Récupérer ses courses au drive du supermarché', says: ['form.where'] },
    { send: 'place Jean Jaurès', says: ['form.whereFound', 'form.availabilityNeed'] },
    { send: 'demain matin', says: ['form.contact'] },
    { send: options.contact ?? '06 11 22 33 44', says: ['form.commitmentsNeed'] },
    { send: 'oui', says: ['form.consent'] },
    { send: "d'accord", says: ['form.recap'], contains: ['un proche'] },
  ];
}

/** The need saved and two offers proposed, nearest first, without any address. */
export const needWithOffers: Turn[] = [
  ...needForm(),
  {
    send: { payload: 'YES' },
    says: ['need.saved', 'need.offersIntro', 'need.offersChoose'],
    offers: [(ids: Ids) => `MATCH_PICK_${ids.near}`, (ids: Ids) => `MATCH_PICK_${ids.far}`, 'MATCH_NONE'],
    contains: ['1. Courses, à moins de 500 m', "2. Courses, à moins d'1 km"],
    hides: ['avenue de la République', 'helper-near', 'aide@example.org', '07 00 00 00 01'],
    then: (replies) => {
      const titles = (replies.at(-1)?.suggestedActions?.actions ?? []).map((action) => action.title);
      assert.deepEqual(titles.slice(0, 2), ['Voisin 1 (< 500 m)', 'Voisin 2 (< 1 km)']);
    },
  },
  {
    send: (ids: Ids) => ({ payload: `MATCH_PICK_${ids.near}` }),
    says: ['need.asked'],
    offers: MENU,
  },
];

/** The nearest helper accepts, from their own conversation. */
export const helperAccepts: Turn[] = [
  {
    as: 'helper-near',
    send: (ids: Ids) => ({ payload: `MATCH_ACCEPT_${ids.match}` }),
    says: ['match.helperAccepted'],
    contains: ['téléphone 0611223344'],
    offers: MENU,
  },
];

/** The nearest helper declines. */
export const helperDeclines: Turn[] = [
  {
    as: 'helper-near',
    send: (ids: Ids) => ({ payload: `MATCH_DECLINE_${ids.match}` }),
    says: ['match.helperDeclined'],
    offers: MENU,
  },
];

/** The helper is writing an offer of their own when the request's answer arrives. */
export const helperAcceptsMidDialog: Turn[] = [
  { as: 'helper-near', send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
  {
    as: 'helper-near',
    send: (ids: Ids) => ({ payload: `MATCH_ACCEPT_${ids.match}` }),
    says: ['match.helperAccepted', 'form.categoryOffer'],
    offers: ['CATEGORY_PETS'],
    hides: ['Que souhaitez-vous faire ?'],
  },
  { as: 'helper-near', send: { payload: 'CATEGORY_PETS' }, says: ['form.descriptionOffer'] },
];

/** Nobody near (no offer of the category). */
export const needNoMatch = (urgent: boolean): Turn[] => [
  ...needForm({ urgent }),
  {
    send: { payload: 'YES' },
    says: ['need.saved', urgent ? 'handover.noMatchUrgent' : 'need.noMatch'],
    offers: urgent ? [] : MENU,
  },
];
