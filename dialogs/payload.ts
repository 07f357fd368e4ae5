/**
 * Reading what a resident sent: a quick-reply / postback payload, a shared location, a text.
 *
 * @remarks
 * Messenger payloads arrive in `activity.value.payload`; the terminal chat and the Emulator
 * may send the payload itself as the text (all caps with underscores): both are accepted.
 */
import type { Activity } from 'botbuilder';
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
  privacyExport: 'PRIVACY_EXPORT',
  privacyDelete: 'PRIVACY_DELETE',
} as const;

/** Prefixes of payloads carrying an id. */
export const PayloadPrefix = {
  category: 'CATEGORY_',
  matchPick: 'MATCH_PICK_',
  matchAccept: 'MATCH_ACCEPT_',
  matchDecline: 'MATCH_DECLINE_',
  entry: 'ENTRY_',
  entryPause: 'ENTRY_PAUSE_',
  entryResume: 'ENTRY_RESUME_',
  entryRenew: 'ENTRY_RENEW_',
  entryWithdraw: 'ENTRY_WITHDRAW_',
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
