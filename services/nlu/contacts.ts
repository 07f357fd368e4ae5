/**
 * Phone numbers and e-mail addresses in a message, read as contact details (the contact
 * question of the form, a referent typing a neighbour's number).
 *
 * @remarks
 * Removing contact details from text shown to others is the screening's job
 * (`services/screening/screenText`), not this module's. The message is first normalised like
 * the screening does (full-width digits, zero-width characters). Phone numbers follow French
 * formats: ten digits starting with 0 (`06 12 34 56 78`,
 * `06.12.34.56.78`, `06-12-34-56-78`, `0612345678`, `08000 13140`) or the international
 * forms `+33 6 12 34 56 78`, `+33 (0)6 12 34 56 78`, `0033 6...`. They are returned in
 * national form, digits only (`0612345678`). Longer digit runs (IBANs, order numbers)
 * are not phone numbers.
 */

import { normalizeForScreening } from '../screening/unicode';

const PHONE = /(?<![\d+])(?:(?:\+|00)\s?33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d){8}(?![\d])/g;
const EMAIL =
  /[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

/** Normalises one matched phone number to ten national digits. */
function nationalDigits(match: string): string {
  const digits = match.replace(/\(0\)/, '').replace(/\D/g, '');
  if (digits.startsWith('0033')) return `0${digits.slice(4)}`;
  if (digits.startsWith('33') && match.trimStart().startsWith('+')) return `0${digits.slice(2)}`;
  return digits;
}

/** French phone numbers in the text, as ten digits, in order of appearance, without duplicates. */
export function extractPhones(text: string): string[] {
  const found = [...normalizeForScreening(text).matchAll(PHONE)].map((match) => nationalDigits(match[0]));
  return [...new Set(found)];
}

/** E-mail addresses in the text, lower-cased, in order, without duplicates. */
export function extractEmails(text: string): string[] {
  const emails = [...normalizeForScreening(text).matchAll(EMAIL)];
  return [...new Set(emails.map((match) => match[0].toLowerCase()))];
}
