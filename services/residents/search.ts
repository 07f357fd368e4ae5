/**
 * How the referents' console finds a resident who phones them: by the name a referent
 * registered them with, or by their phone number however it was written.
 *
 * @remarks
 * Read only. Answers who the resident is (psid, names, neighbourhood), never their phone:
 * the console decides who may see each one (their neighbourhoods) and audits each opening.
 * The residents are a town's (thousands at most): the text is matched by a regular
 * expression over the collection, which no index serves and none is needed for.
 */
import type { Collection, Db, Filter } from 'mongodb';
import type { Resident } from '../domain/types';
import { RESIDENTS_COLLECTION } from './residentRepository';

/** A resident as the search shows them (never a phone or an address). */
export interface FoundResident {
  psid: string;
  /** Their first name on Messenger, when known. */
  firstName?: string;
  /** Their name as a referent registered them (residents without Messenger). */
  name?: string;
  /** How to address them on the phone. */
  addressAs?: string;
  /** The neighbourhood they were registered with, when known. */
  neighbourhood?: string;
}

/** Fewest letters of a name searched for. */
export const MIN_NAME_LENGTH = 2;

/** Fewest digits of a phone number searched for. */
export const MIN_PHONE_DIGITS = 6;

/** What a typed search is: a phone number (digits), a name, or too short to search. */
export type ResidentQuery = { kind: 'phone'; digits: string } | { kind: 'name'; text: string } | null;

/**
 * Reads a typed search: a phone number when it has only digits, spaces, dots, dashes,
 * brackets and a leading `+` (at least {@link MIN_PHONE_DIGITS} digits), a name otherwise.
 *
 * @remarks
 * A French number is reduced to its digits after the country or trunk prefix, so that
 * "06 12 34 56 78", "0612345678", "+33 6 12 34 56 78", "+33612345678" and "0033612345678"
 * are one search ("612345678"); the beginning of a number ("06 12 34") too ("61234").
 */
export function readResidentQuery(typed: string): ResidentQuery {
  const text = typed.trim().replace(/\s+/g, ' ');
  if (/^\+?[\d\s.\-/()]+$/.test(text)) {
    return text.replace(/\D/g, '').length >= MIN_PHONE_DIGITS
      ? { kind: 'phone', digits: nationalDigits(text) }
      : null;
  }
  return text.length >= MIN_NAME_LENGTH ? { kind: 'name', text: text.slice(0, 100) } : null;
}

/** The digits of a French number after its prefix (`+33`, `0033`, `33` before 9 digits, `0`). */
export function nationalDigits(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0033')) digits = digits.slice(4);
  else if (/^330?\d{9}$/.test(digits)) digits = digits.slice(2);
  // The trunk 0 (also "+33 (0)6 …"), of a whole number or of its beginning.
  if (/^0[1-9]/.test(digits)) digits = digits.slice(1);
  return digits;
}

/** Reads residents for the console's search. */
export class ResidentSearch {
  private readonly residents: Collection<Resident>;

  constructor(db: Db) {
    this.residents = db.collection<Resident>(RESIDENTS_COLLECTION);
  }

  /** At most `limit` residents matching `query`, by name then psid. */
  async find(query: NonNullable<ResidentQuery>, limit: number): Promise<FoundResident[]> {
    const filter: Filter<Resident> =
      query.kind === 'phone'
        ? { 'contact.phone': { $regex: phonePattern(query.digits) } }
        : {
            $or: [
              { 'offline.name': { $regex: namePattern(query.text), $options: 'i' } },
              { 'offline.addressAs': { $regex: namePattern(query.text), $options: 'i' } },
            ],
          };
    const found = await this.residents
      .find(filter, { projection: { _id: 0, psid: 1, firstName: 1, offline: 1 } })
      .limit(limit)
      .toArray();
    return found
      .map((resident) => {
        const one: FoundResident = { psid: resident.psid };
        if (resident.firstName) one.firstName = resident.firstName;
        if (resident.offline?.name) one.name = resident.offline.name;
        if (resident.offline?.addressAs) one.addressAs = resident.offline.addressAs;
        if (resident.offline?.neighbourhood) one.neighbourhood = resident.offline.neighbourhood;
        return one;
      })
      .sort(
        (a, b) =>
          (a.name ?? a.firstName ?? '').localeCompare(b.name ?? b.firstName ?? '', 'fr') ||
          a.psid.localeCompare(b.psid),
      );
  }
}

/** The digits in order, anything but a digit allowed between them (spaces, dots, dashes). */
function phonePattern(digits: string): string {
  return digits.split('').join('\\D{0,3}');
}

const ACCENTED: Record<string, string> = {
  a: 'aàâäáã',
  c: 'cç',
  e: 'eéèêë',
  i: 'iîïíì',
  o: 'oôöóò',
  u: 'uùûüú',
  y: 'yÿ',
  n: 'nñ',
};

/**
 * A pattern matching `text` anywhere, ignoring case (with the `i` option), accents, the
 * kind of apostrophe and the spaces or dashes between words.
 */
function namePattern(text: string): string {
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  let pattern = '';
  for (const char of plain) {
    // Capitals too: the engine's case folding of accented letters is not relied on.
    if (ACCENTED[char]) pattern += `[${ACCENTED[char]}${ACCENTED[char].toUpperCase()}]`;
    else if (/[\s-]/.test(char)) pattern += '[\\s-]+';
    else if (/['’]/.test(char)) pattern += "['’]";
    else pattern += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return pattern.replace(/(\[\\s-\]\+)+/g, '[\\s-]+');
}
