/**
 * Phone numbers and e-mail addresses in a message, and their removal.
 *
 * @remarks
 * Residents must not share contact details in public offers: the bot extracts them to
 * warn, and {@link redactContacts} removes them before anything is stored or shown.
 * Phone numbers follow French formats: ten digits starting with 0 (`06 12 34 56 78`,
 * `06.12.34.56.78`, `06-12-34-56-78`, `0612345678`, `08000 13140`) or the international
 * forms `+33 6 12 34 56 78`, `+33 (0)6 12 34 56 78`, `0033 6...`. They are returned in
 * national form, digits only (`0612345678`). Longer digit runs (IBANs, order numbers)
 * are not phone numbers.
 */

const PHONE = /(?<![\d+])(?:(?:\+|00)\s?33[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d){8}(?![\d])/g;
const EMAIL =
  /[a-z0-9](?:[a-z0-9._%+-]*[a-z0-9])?@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

/** Replacement text for a removed phone number. */
export const PHONE_PLACEHOLDER = '[numéro retiré]';
/** Replacement text for a removed e-mail address. */
export const EMAIL_PLACEHOLDER = '[e-mail retiré]';

/** Normalises one matched phone number to ten national digits. */
function nationalDigits(match: string): string {
  const digits = match.replace(/\(0\)/, '').replace(/\D/g, '');
  if (digits.startsWith('0033')) return `0${digits.slice(4)}`;
  if (digits.startsWith('33') && match.trimStart().startsWith('+')) return `0${digits.slice(2)}`;
  return digits;
}

/** French phone numbers in the text, as ten digits, in order of appearance, without duplicates. */
export function extractPhones(text: string): string[] {
  const found = [...text.matchAll(PHONE)].map((match) => nationalDigits(match[0]));
  return [...new Set(found)];
}

/** E-mail addresses in the text, lower-cased, in order, without duplicates. */
export function extractEmails(text: string): string[] {
  return [...new Set([...text.matchAll(EMAIL)].map((match) => match[0].toLowerCase()))];
}

/** The text with every e-mail and phone number replaced by a placeholder. */
export function redactContacts(text: string): string {
  return text.replace(EMAIL, EMAIL_PLACEHOLDER).replace(PHONE, PHONE_PLACEHOLDER);
}
