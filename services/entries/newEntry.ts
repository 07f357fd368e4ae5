/**
 * A new offer or need as the dialogs provide it ({@link NewEntry}), and its validation into
 * the document stored: checked fields, texts cleaned of contact details, the location
 * rounded to its block, status `pending_review` and the expiry set.
 */
import type { Entry, EntryKind, GeoPoint, LocationSource } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { BLOCK_METERS, blockCentre } from '../places';
import { cleanShownText, type ScreeningWords } from '../screening/screenText';
import { cleanOptionalText, cleanText, isCategory, requirePoint, requirePsid } from '../validation';

/** Longest description kept, in characters. */
export const MAX_DESCRIPTION_LENGTH = 500;
/** Longest availability text kept ("le mardi matin"). */
export const MAX_AVAILABILITY_LENGTH = 200;
/** Longest address text kept. */
export const MAX_ADDRESS_LENGTH = 200;

const KINDS: readonly EntryKind[] = ['offer', 'need'];
const SOURCES: readonly LocationSource[] = [
  'address',
  'neighbourhood',
  'shared_location',
  'neighbourhood_fallback',
];
const BENEFICIARIES: readonly NonNullable<Entry['beneficiary']>[] = ['self', 'relative'];
const URGENCIES: readonly NonNullable<Entry['urgency']>[] = ['high', 'normal'];
const MAX_FLAGS = 10;

/** What the dialogs provide to create an entry; the repository sets status, dates and expiry. */
export interface NewEntry {
  psid: string;
  kind: EntryKind;
  category: Entry['category'];
  description: string;
  availability: string;
  /** Where the resident is; only the centre of its block is stored. */
  location: GeoPoint;
  locationSource: LocationSource;
  addressText?: string;
  neighbourhood?: string;
  beneficiary?: 'self' | 'relative';
  urgency?: 'high' | 'normal';
  /** For example `money` when the description mentioned money after the reminder. */
  flags?: string[];
  /** The referent's psid when they register someone who is not online. */
  registeredBy?: string;
  /** Offers only: true when the offer is recurring (stays available after a match). */
  recurring?: boolean;
}

/**
 * The document to store for `input`, created at `now` and expiring `expiryMs` later.
 *
 * @param screening - the placeholders written where a text held contact details.
 * @throws CodedError `payload_invalid` when a field has the wrong type or value.
 */
export function validNewEntry(
  input: NewEntry,
  now: Date,
  expiryMs: number,
  screening: ScreeningWords,
): Entry {
  const entry: Entry = {
    psid: requirePsid(input.psid),
    kind: oneOf(input.kind, KINDS, 'kind'),
    category: isCategory(input.category) ? input.category : invalid('category'),
    description: cleanShownText(input.description, MAX_DESCRIPTION_LENGTH, 'description', screening),
    availability: cleanShownText(input.availability, MAX_AVAILABILITY_LENGTH, 'availability', screening),
    location: blockCentre(requirePoint(input.location)),
    locationBlockMeters: BLOCK_METERS,
    locationSource: oneOf(input.locationSource, SOURCES, 'locationSource'),
    status: 'pending_review',
    flags: cleanFlags(input.flags),
    createdAt: now,
    updatedAt: now,
    expiresAt: new Date(now.getTime() + expiryMs),
  };
  if (entry.description === '') invalid('description');
  const addressText = cleanOptionalText(input.addressText, MAX_ADDRESS_LENGTH, 'addressText');
  if (addressText) entry.addressText = addressText;
  const neighbourhood = cleanOptionalText(input.neighbourhood, 100, 'neighbourhood');
  if (neighbourhood) entry.neighbourhood = neighbourhood;
  if (input.beneficiary !== undefined)
    entry.beneficiary = oneOf(input.beneficiary, BENEFICIARIES, 'beneficiary');
  if (input.urgency !== undefined) entry.urgency = oneOf(input.urgency, URGENCIES, 'urgency');
  if (input.registeredBy !== undefined) entry.registeredBy = requirePsid(input.registeredBy);
  if (input.recurring !== undefined) {
    if (typeof input.recurring !== 'boolean') invalid('recurring');
    if (input.recurring && entry.kind === 'offer') entry.recurring = true;
  }
  return entry;
}

function invalid(what: string): never {
  throw new CodedError(ErrorCode.PayloadInvalid, `${what} is invalid`);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : invalid(what);
}

function cleanFlags(flags: unknown): string[] {
  if (flags === undefined) return [];
  if (!Array.isArray(flags)) invalid('flags');
  return [...new Set(flags.slice(0, MAX_FLAGS).map((flag) => cleanText(flag, 40, 'flag')))].filter(Boolean);
}
