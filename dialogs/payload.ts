/**
 * The registry of every payload the bot offers, and reading what a resident sent: a
 * quick-reply / postback payload, a shared location, a text.
 *
 * @remarks
 * Each payload and prefix is defined here once (the jobs' prefixes come from
 * `services/domain/jobPayloads.ts`, since `services/` never imports `dialogs/`).
 * Messenger payloads arrive in `activity.value.payload`; the terminal chat and the Emulator
 * may send the payload itself as the text (all caps with underscores): both are accepted.
 */
import type { Activity } from 'botbuilder';
import { JobPayloadPrefix } from '../services/domain/jobPayloads';
import type { Category } from '../services/domain/types';
import { CATEGORIES } from '../services/domain/types';

/** Payloads of the main menu (persistent menu, Get Started, quick replies). */
export const MenuPayload = {
  getStarted: 'GET_STARTED',
  offer: 'MENU_OFFER',
  need: 'MENU_NEED',
  human: 'MENU_HUMAN',
  myEntries: 'MENU_MY_ENTRIES',
  privacy: 'MENU_PRIVACY',
  help: 'MENU_HELP',
  testimonial: 'MENU_TESTIMONIAL',
} as const;

/** Payloads answering the questions of the dialogs. */
export const Payload = {
  yes: 'YES',
  no: 'NO',
  contactPage: 'CONTACT_PAGE',
  forMe: 'FOR_ME',
  forRelative: 'FOR_RELATIVE',
  urgent: 'URGENCY_HIGH',
  notUrgent: 'URGENCY_NORMAL',
  keepText: 'KEEP_TEXT',
  rewrite: 'REWRITE_TEXT',
  matchNone: 'MATCH_NONE',
  /** The answers to "Est-ce une urgence ?", asked when an emergency is only suspected. */
  emergencyYes: 'EMERGENCY_YES',
  emergencyNo: 'EMERGENCY_NO',
  privacyExport: 'PRIVACY_EXPORT',
  privacyDelete: 'PRIVACY_DELETE',
  /** "Voir mes données": a summary of what is stored (the export is `privacyExport`). */
  privacySee: 'PRIVACY_SEE',
  /** "Non merci" to "Vous parliez aussi de … : on l'enregistre ?" (yes: `AlsoPrefix`). */
  alsoNo: 'ALSO_NO',
  /** The entry form's recap: change a field. */
  formEdit: 'FORM_EDIT',
  /** The entry form's list of fields: nothing to change, back to the recap. */
  formKeep: 'FORM_KEEP',
  /** The entry form, after two answers not understood: back to the menu. */
  formMenu: 'FORM_MENU',
  /** The entry form, after two answers not understood: stop, nothing stored. */
  formCancel: 'FORM_CANCEL',
  /** The offer form: a one-off offer, or a regular one. */
  offerOnce: 'OFFER_ONCE',
  offerRegular: 'OFFER_REGULAR',
  /** The entry form's place question: the neighbourhood of the poster the resident scanned. */
  placeKnown: 'PLACE_KNOWN',
} as const;

/**
 * "Oui" to "Vous parliez aussi de … : on l'enregistre ?": `ALSO_NEED_<CATEGORY>` or
 * `ALSO_OFFER_<CATEGORY>`, enough to start the form from any later turn.
 */
export const AlsoPrefix = {
  need: 'ALSO_NEED_',
  offer: 'ALSO_OFFER_',
} as const;

/** Prefixes of payloads carrying an id. */
export const PayloadPrefix = {
  category: 'CATEGORY_',
  matchPick: 'MATCH_PICK_',
  /** The entry form's list of fields to change: `FORM_FIELD_<field>`. */
  formField: 'FORM_FIELD_',
  matchAccept: 'MATCH_ACCEPT_',
  matchDecline: 'MATCH_DECLINE_',
  /** The need's author answers a suggested helper: ask them, or not. */
  matchAsk: 'MATCH_ASK_',
  matchSkip: 'MATCH_SKIP_',
  /** The need's author asks this helper and accepts the order: the next ones are asked without asking again. */
  matchInOrder: 'MATCH_ORDER_',
  entry: 'ENTRY_',
  entryPause: 'ENTRY_PAUSE_',
  entryResume: 'ENTRY_RESUME_',
  entryRenew: JobPayloadPrefix.entryRenew,
  entryWithdraw: 'ENTRY_WITHDRAW_',
  /** A one-off offer used up by its match: publish it again, or make it regular. */
  entryRepublish: 'ENTRY_REPUBLISH_',
  entryRegular: 'ENTRY_REGULAR_',
  entryClose: JobPayloadPrefix.entryClose,
  followUpYes: JobPayloadPrefix.followUpYes,
  followUpNo: JobPayloadPrefix.followUpNo,
} as const;

/** Start of every referents' payload: only active moderators are served. */
export const MOD_NAMESPACE = 'MOD_';

/** Referents' payloads without an id. */
export const ModPayload = {
  menu: 'MOD_MENU',
  residentMenu: 'MOD_RESIDENT_MENU',
  pending: 'MOD_PENDING',
  /** Payloads live on in sent buttons: the historical value stays. */
  handovers: 'MOD_HANDOFFS',
  register: 'MOD_REGISTER',
  /** The referents' tasks. */
  tasks: 'MOD_TASKS',
  /** A sign-in link to the referents' console. */
  console: 'MOD_CONSOLE',
} as const;

/** Prefixes of referents' payloads ending with an entry or handover id. */
export const ModPrefix = {
  entry: 'MOD_ENTRY_',
  approve: 'MOD_APPROVE_',
  refuse: 'MOD_REFUSE_',
  reject: 'MOD_REJECT_',
  /** Payloads live on in sent buttons: the historical value stays. */
  handover: 'MOD_HANDOFF_',
  take: 'MOD_TAKE_',
  close: 'MOD_CLOSE_',
  /** One task; taking it; ending it (then `taskOutcome` + `<OUTCOME>_<id>`). */
  task: 'MOD_TASK_',
  taskTake: 'MOD_TASKTAKE_',
  taskDone: 'MOD_TASKDONE_',
  taskOutcome: 'MOD_TASKOUT_',
  /** A resident without Messenger's answer to a step's question, recorded by their referent. */
  taskYes: 'MOD_TASKYES_',
  taskNo: 'MOD_TASKNO_',
} as const;

/** Answers of the assisted registration (not `MOD_`: they answer its questions). */
export const OnBehalfPayload = {
  offer: 'ONBEHALF_OFFER',
  need: 'ONBEHALF_NEED',
  byPhone: 'ONBEHALF_BY_PHONE',
  inPerson: 'ONBEHALF_IN_PERSON',
  noConsent: 'ONBEHALF_NO_CONSENT',
} as const;

/** Start of every payload meant for admins only. */
export const ADMIN_NAMESPACE = 'ADMIN_';

/** Testimonial payloads without an id. */
export const TestimonialPayload = {
  signName: 'SIGN_FIRST_NAME',
  signInitials: 'SIGN_INITIALS',
  signAnonymous: 'SIGN_ANONYMOUS',
  skipNeighbourhood: 'SIGN_SKIP_NEIGHBOURHOOD',
  /** "Retirer témoignage" in "Mes données". */
  privacyWithdraw: 'PRIVACY_TESTIMONIAL',
  /** The admins' entry point (moderator menu). */
  adminList: 'ADMIN_TESTIMONIALS',
} as const;

/** Prefixes of payloads carrying a testimonial id. */
export const TestimonialPrefix = {
  withdraw: 'TESTIMONIAL_WITHDRAW_',
  adminPick: 'ADMIN_TESTIMONIAL_',
  adminApprove: 'ADMIN_TM_APPROVE_',
  adminEdit: 'ADMIN_TM_EDIT_',
  adminSchedule: 'ADMIN_TM_SCHEDULE_',
  adminReject: 'ADMIN_TM_REJECT_',
} as const;

const PAYLOAD_SHAPE = /^[A-Z][A-Z0-9_]*(?:_[A-Za-z0-9]+)?$/;

/** The payload of a quick reply or postback, or of a text that is a payload; undefined otherwise. */
export function readPayload(activity: Partial<Activity>): string | undefined {
  const value: unknown = activity.value;
  if (typeof value === 'object' && value !== null && 'payload' in value) {
    const payload = value.payload;
    if (typeof payload === 'string' && payload.length > 0) return payload;
  }
  const text = activity.text?.trim();
  if (text && text.includes('_') && PAYLOAD_SHAPE.test(text)) return text;
  if (text && Object.values(MenuPayload).some((p) => p === text)) return text;
  return undefined;
}

/** Coordinates shared by the resident, if any. */
export function readLocation(activity: Partial<Activity>): { lat: number; lon: number } | undefined {
  const value: unknown = activity.value;
  if (typeof value !== 'object' || value === null || !('location' in value)) return undefined;
  const location: unknown = value.location;
  if (typeof location !== 'object' || location === null) return undefined;
  const { lat, lon } = location as { lat?: unknown; lon?: unknown };
  return typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)
    ? { lat, lon }
    : undefined;
}

/** The typed text, when it is not a payload. */
export function readText(activity: Partial<Activity>): string | undefined {
  const text = activity.text?.trim();
  if (!text || readPayload(activity) === text) return undefined;
  return text;
}

/**
 * The ref of the m.me link the person just opened (a `referral`, or the Get Started of a first
 * contact; see bot/messenger/activities.ts), untrusted and possibly empty; undefined for any
 * other message.
 */
export function readReferral(activity: Partial<Activity>): string | undefined {
  const value: unknown = activity.value;
  if (typeof value !== 'object' || value === null || !('referral' in value)) return undefined;
  const ref: unknown = value.referral;
  return typeof ref === 'string' ? ref : undefined;
}

/** The payload naming `category`. */
export function categoryPayload(category: Category): string {
  return `${PayloadPrefix.category}${category.toUpperCase()}`;
}

/** The category a payload names, if it is a category payload. */
export function categoryFromPayload(payload: string | undefined): Category | undefined {
  if (!payload?.startsWith(PayloadPrefix.category)) return undefined;
  const name = payload.slice(PayloadPrefix.category.length).toLowerCase();
  return CATEGORIES.find((category) => category === name);
}

/** The id after `prefix` in `payload`, if the payload starts with it. */
export function idAfter(payload: string | undefined, prefix: string): string | undefined {
  if (!payload?.startsWith(prefix)) return undefined;
  const id = payload.slice(prefix.length);
  return /^[a-f0-9]{24}$/i.test(id) ? id : undefined;
}
