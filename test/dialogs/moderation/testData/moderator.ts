/**
 * Referents' tables: their menu, reviewing entries, handovers, and registering someone
 * who is not online.
 */
import { strict as assert } from 'node:assert';
import type { Ids, Turn } from '../../support/table';
import { MENU } from '../../testData/common';

/** The referents' menu's payloads. */
export const MOD_MENU = ['MOD_TASKS', 'MOD_PENDING', 'MOD_HANDOFFS', 'MOD_REGISTER', 'MOD_RESIDENT_MENU'];

/** The menu on Get Started, "menu" and its payload; the residents' menu on request. */
export const menu: Turn[] = [
  { send: { payload: 'GET_STARTED' }, says: ['moderatorMenu.menu.intro'], offers: MOD_MENU },
  { send: 'menu', says: ['moderatorMenu.menu.intro'], offers: MOD_MENU },
  { send: { payload: 'MOD_RESIDENT_MENU' }, says: ['interrupt.menu'], offers: MENU },
  { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'] },
  { send: { payload: 'MOD_MENU' }, says: ['moderatorMenu.menu.intro'], offers: MOD_MENU },
];

/** The list (no address), one entry, published. */
export const approve: Turn[] = [
  {
    send: { payload: 'MOD_PENDING' },
    says: ['moderatorMenu.review.intro', 'moderatorMenu.review.line'],
    contains: ['Courses', 'La Maille 2', 'Offre'],
    hides: ['avenue de la République'],
    offers: [(ids: Ids) => `MOD_ENTRY_${ids.offer}`, (ids: Ids) => `MOD_ENTRY_${ids.need}`, 'MOD_MENU'],
  },
  {
    send: (ids: Ids) => ({ payload: `MOD_ENTRY_${ids.offer}` }),
    says: ['moderatorMenu.review.detail'],
    hides: ['avenue de la République'],
    offers: [(ids: Ids) => `MOD_APPROVE_${ids.offer}`, (ids: Ids) => `MOD_REFUSE_${ids.offer}`],
  },
  {
    send: (ids: Ids) => ({ payload: `MOD_APPROVE_${ids.offer}` }),
    says: ['moderatorMenu.review.approved', 'moderatorMenu.review.residentTold'],
    offers: ['MOD_PENDING', 'MOD_MENU'],
  },
  { send: (ids: Ids) => ({ payload: `MOD_APPROVE_${ids.offer}` }), says: ['moderatorMenu.alreadyDone'] },
];

/** Refused as paying, the five reasons offered. */
export const reject: Turn[] = [
  {
    send: (ids: Ids) => ({ payload: `MOD_REFUSE_${ids.need}` }),
    says: ['moderatorMenu.review.reasonQuestion'],
    offers: [
      (ids: Ids) => `MOD_REJECT_PAYANT_${ids.need}`,
      (ids: Ids) => `MOD_REJECT_HORS_PERIMETRE_${ids.need}`,
      (ids: Ids) => `MOD_REJECT_DOUBLON_${ids.need}`,
      (ids: Ids) => `MOD_REJECT_INCOMPLET_${ids.need}`,
      (ids: Ids) => `MOD_REJECT_AUTRE_${ids.need}`,
    ],
  },
  {
    send: (ids: Ids) => ({ payload: `MOD_REJECT_PAYANT_${ids.need}` }),
    says: ['moderatorMenu.review.rejected', 'moderatorMenu.review.residentTold'],
    contains: ['Payant'],
  },
];

/** A resident's handover taken, then marked done. */
export const handover: Turn[] = [
  {
    send: { payload: 'MOD_HANDOFFS' },
    says: ['moderatorMenu.handoffs.intro', 'moderatorMenu.handoffs.line'],
    contains: ["demande à parler à quelqu'un"],
    offers: [(ids: Ids) => `MOD_HANDOFF_${ids.handover}`],
  },
  {
    send: (ids: Ids) => ({ payload: `MOD_HANDOFF_${ids.handover}` }),
    says: ['moderatorMenu.handoffs.detail'],
    contains: ['Vous êtes là ?'],
    offers: [(ids: Ids) => `MOD_TAKE_${ids.handover}`, (ids: Ids) => `MOD_CLOSE_${ids.handover}`],
  },
  {
    send: (ids: Ids) => ({ payload: `MOD_TAKE_${ids.handover}` }),
    says: ['moderatorMenu.handoffs.taken'],
    offers: [(ids: Ids) => `MOD_CLOSE_${ids.handover}`],
  },
  {
    send: (ids: Ids) => ({ payload: `MOD_CLOSE_${ids.handover}` }),
    says: ['moderatorMenu.handoffs.closed'],
    offers: ['MOD_HANDOFFS', 'MOD_MENU'],
  },
];

/** Someone else trying the referents' payloads: the residents' menu, every time. */
export const intruder: Turn[] = ['MOD_MENU', 'MOD_PENDING', 'MOD_HANDOFFS', 'MOD_REGISTER'].map(
  (payload) => ({ send: { payload }, says: ['interrupt.menu'], offers: MENU, hides: ['Annonce'] }),
);

/** The same with ids, built once the ids are known. */
export const intruderWithIds: Turn[] = [
  (ids: Ids) => `MOD_APPROVE_${ids.offer}`,
  (ids: Ids) => `MOD_REJECT_PAYANT_${ids.need}`,
  (ids: Ids) => `MOD_ENTRY_${ids.offer}`,
  (ids: Ids) => `MOD_TAKE_${ids.handover}`,
  (ids: Ids) => `MOD_CLOSE_${ids.handover}`,
].map((payload) => ({
  send: (ids: Ids) => ({ payload: payload(ids) }),
  says: ['interrupt.menu'],
  offers: MENU,
  hides: ['Je fais vos courses'],
}));

/** An offer registered by phone for a neighbour, their number typed at the contact question. */
export const register: Turn[] = [
  { send: { payload: 'MOD_REGISTER' }, says: ['moderatorMenu.register.kind'], offers: ['ONBEHALF_OFFER'] },
  {
    send: { payload: 'ONBEHALF_OFFER' },
    says: ['moderatorMenu.register.consent'],
    offers: ['ONBEHALF_BY_PHONE', 'ONBEHALF_IN_PERSON', 'ONBEHALF_NO_CONSENT'],
  },
  {
    send: { payload: 'ONBEHALF_BY_PHONE' },
    says: ['moderatorMenu.register.readQuestions', 'form.categoryOffer'],
  },
  { send: { payload: 'CATEGORY_GROCERIES' }, says: ['form.descriptionOffer'] },
  { send: 'Courses le mardi avec son cabas', says: ['form.where'] },
  { send: '12 place Jean Jaurès', says: ['form.whereFound'] },
  { send: 'le mardi matin', says: ['form.recurrence'] },
  {
    send: 'toutes les semaines',
    says: ['form.contact'],
    offers: ['CONTACT_PAGE'],
    // Messenger's phone/e-mail buttons would share the referent's own details.
    then: (replies) => {
      const types = replies
        .flatMap((reply) => reply.suggestedActions?.actions ?? [])
        .map((action) => action.type);
      assert.ok(!types.includes('user_phone_number') && !types.includes('user_email'), types.join(','));
    },
  },
  { send: '06 98 76 54 32', says: ['form.commitmentsOffer'] },
  { send: { payload: 'YES' }, says: ['form.consent'] },
  { send: { payload: 'YES' }, says: ['form.recap'] },
  { send: { payload: 'YES' }, says: ['moderatorMenu.register.name'] },
  { send: '  ', says: ['moderatorMenu.register.nameRetry'] },
  { send: 'Odette Lambert', says: ['moderatorMenu.register.addressAs'], contains: ['Odette Lambert'] },
  {
    send: 'Mme Lambert',
    says: ['moderatorMenu.register.saved'],
    offers: ['MOD_MENU'],
    then: (replies, ids) => {
      const approveNow = (replies.at(-1)?.suggestedActions?.actions ?? [])
        .map((action) => String(action.value))
        .find((value) => value.startsWith('MOD_APPROVE_'));
      if (approveNow) ids.registered = approveNow.slice('MOD_APPROVE_'.length);
    },
  },
  {
    send: (ids: Ids) => ({ payload: `MOD_APPROVE_${ids.registered}` }),
    says: ['moderatorMenu.review.approved'],
  },
];

/** A need whose contact was "by the page": the phone is asked after the form. */
export const registerPhoneAsked: Turn[] = [
  { send: { payload: 'MOD_REGISTER' }, says: ['moderatorMenu.register.kind'] },
  { send: { payload: 'ONBEHALF_NEED' }, says: ['moderatorMenu.register.consent'] },
  { send: { payload: 'ONBEHALF_IN_PERSON' }, says: ['form.categoryNeed'] },
  { send: { payload: 'CATEGORY_PHARMACY' }, says: ['form.beneficiary'] },
  { send: { payload: 'FOR_ME' }, says: ['form.urgency'] },
  { send: { payload: 'URGENCY_NORMAL' }, says: ['form.descriptionNeed'] },
  { send: 'Chercher ses médicaments à la pharmacie', says: ['form.where'] },
  { send: 'place Jean Jaurès', says: ['form.whereFound'] },
  { send: 'jeudi', says: ['form.contact'] },
  { send: { payload: 'CONTACT_PAGE' }, says: ['form.commitmentsNeed'] },
  { send: { payload: 'YES' }, says: ['form.consent'] },
  { send: { payload: 'YES' }, says: ['form.recap'] },
  { send: { payload: 'YES' }, says: ['moderatorMenu.register.phone'] },
  { send: 'je ne sais pas', says: ['moderatorMenu.register.phoneRetry'] },
  { send: 'son numéro : 04 90 11 22 33', says: ['moderatorMenu.register.name'] },
  { send: 'Marcel Dupuis', says: ['moderatorMenu.register.addressAs'] },
  { send: 'Marcel', says: ['moderatorMenu.register.saved'] },
];

/** The tasks: the list (the resident's words), one task, taken, then done with an outcome. */
export const tasks: Turn[] = [
  { send: 'menu', says: ['moderatorMenu.menu.intro'], contains: ['tâche(s) en attente'], offers: MOD_MENU },
  {
    send: { payload: 'MOD_TASKS' },
    says: ['tasks.intro', 'tasks.line'],
    contains: ["Demande à parler à quelqu'un", 'à prendre', 'mon frigo est vide'],
    offers: [(ids: Ids) => `MOD_TASK_${ids.task}`, 'MOD_MENU'],
  },
  {
    send: (ids: Ids) => ({ payload: `MOD_TASK_${ids.task}` }),
    says: ['tasks.detail'],
    contains: ['mon frigo est vide', 'dès que possible'],
    hides: ['Parler à un référent'],
    offers: [(ids: Ids) => `MOD_TASKTAKE_${ids.task}`, (ids: Ids) => `MOD_TASKDONE_${ids.task}`, 'MOD_TASKS'],
  },
  {
    send: (ids: Ids) => ({ payload: `MOD_TASKTAKE_${ids.task}` }),
    says: ['tasks.taken'],
    offers: [(ids: Ids) => `MOD_TASKDONE_${ids.task}`, 'MOD_MENU'],
  },
  { send: (ids: Ids) => ({ payload: `MOD_TASKTAKE_${ids.task}` }), says: ['moderatorMenu.alreadyDone'] },
  {
    send: (ids: Ids) => ({ payload: `MOD_TASKDONE_${ids.task}` }),
    says: ['tasks.outcomeQuestion'],
    offers: [
      (ids: Ids) => `MOD_TASKOUT_REACHED_${ids.task}`,
      (ids: Ids) => `MOD_TASKOUT_HELPED_${ids.task}`,
      (ids: Ids) => `MOD_TASKOUT_NOT_REACHABLE_${ids.task}`,
      (ids: Ids) => `MOD_TASKOUT_CLOSED_${ids.task}`,
    ],
  },
  {
    send: (ids: Ids) => ({ payload: `MOD_TASKOUT_HELPED_${ids.task}` }),
    says: ['tasks.completed'],
    contains: ['Aidé'],
    offers: ['MOD_TASKS', 'MOD_MENU'],
  },
];
