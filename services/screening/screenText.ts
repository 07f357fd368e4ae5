/**
 * The one screening of free text that one person types and someone else reads: entry
 * descriptions and "quand", testimonials and their signatures, handover summaries.
 *
 * @remarks
 * In order: the text is normalised (NFKC, invisible and bidirectional controls removed,
 * digits of every script as `0`–`9`; see `unicode.ts`), then e-mail addresses, links,
 * phone, premium-rate and short numbers, and home addresses (a street with its number, a
 * building, a door code, and the floor, door and postcode next to them; see
 * `homeAddresses.ts`) are replaced by a placeholder the caller gives ({@link ScreeningWords}:
 * the conversation layer fills them from `locales/`, `[numéro retiré]`…; services/ carries no
 * French). Ordinary French (times, dates, grades, amounts, ages, a floor alone, a postcode
 * alone, "la place du marché") comes out as it was typed. Screening a screened text changes
 * nothing. The numbers the bot writes itself (the CCAS line) never go through it.
 *
 * Part of the platform floor: the entries, testimonials and moderation modules, and the
 * dialogs, screen with it; it knows no collection.
 */
import { cleanText } from '../validation';
import { replaceEmails, replaceLinks } from './addresses';
import { findHomeAddresses } from './homeAddresses';
import { findPhones } from './phones';
import { normalizeForScreening } from './unicode';

/** What the screening can take out of a text. */
export type RemovedKind = 'phone' | 'premium' | 'email' | 'link' | 'address';

/** A screened text and what was taken out of it (each kind once, in the order looked for). */
export interface ScreenedText {
  readonly text: string;
  readonly removed: readonly RemovedKind[];
}

/** The placeholders written in place of what was removed, in the readers' language. */
export interface ScreeningWords {
  /** In place of a phone, premium-rate or short number (`[numéro retiré]`). */
  readonly phone: string;
  /** In place of an e-mail address (`[e-mail retiré]`). */
  readonly email: string;
  /** In place of a link (`[lien retiré]`). */
  readonly link: string;
  /** In place of a home address (`[adresse retirée]`). */
  readonly address: string;
}

/**
 * Placeholders in no language, written when a caller was given no {@link ScreeningWords}:
 * the text is screened all the same. The composition root passes the locale's words.
 */
export const NEUTRAL_SCREENING_WORDS: ScreeningWords = {
  phone: '[phone]',
  email: '[email]',
  link: '[link]',
  address: '[address]',
};

/** Options of {@link screenText}. */
export interface ScreenOptions {
  /**
   * `placeholder` (default) writes one of `words` in place of what was removed; `nothing`
   * drops it (a name in a signature) and tidies spaces.
   */
  replacement?: 'placeholder' | 'nothing';
  /** The placeholders; {@link NEUTRAL_SCREENING_WORDS} by default. */
  words?: ScreeningWords;
}

/**
 * `text` as it may be stored and shown to someone else.
 *
 * @remarks
 * Pure (the placeholders are `options.words`). Tell the resident when `removed` is not
 * empty: their words were changed.
 */
export function screenText(text: string, options: ScreenOptions = {}): ScreenedText {
  const drop = options.replacement === 'nothing';
  const words = options.words ?? NEUTRAL_SCREENING_WORDS;
  const placeholder = (kind: keyof ScreeningWords): string => (drop ? '' : words[kind]);
  const removed: RemovedKind[] = [];
  const emails = replaceEmails(normalizeForScreening(text), placeholder('email'));
  if (emails.found) removed.push('email');
  const links = replaceLinks(emails.text, placeholder('link'));
  if (links.found) removed.push('link');
  let screened = '';
  let from = 0;
  for (const found of findPhones(links.text)) {
    screened += links.text.slice(from, found.start) + placeholder('phone');
    from = found.end;
    if (!removed.includes(found.kind)) removed.push(found.kind);
  }
  screened += links.text.slice(from);
  const addresses = findHomeAddresses(screened);
  if (addresses.length > 0) {
    removed.push('address');
    let kept = '';
    let at = 0;
    for (const found of addresses) {
      kept += screened.slice(at, found.start) + placeholder('address');
      at = found.end;
    }
    screened = kept + screened.slice(at);
  }
  if (drop && removed.length > 0) screened = screened.replace(/[^\S\n]{2,}/g, ' ').trim();
  return { text: screened, removed };
}

/**
 * Like `cleanText` (services/validation) for a text someone else will read: screened first
 * (phones, e-mails, links, premium numbers and home addresses replaced by `words`), then cleaned.
 *
 * @remarks
 * Throws `payload_invalid` when `value` is not a string.
 */
export function cleanShownText(value: unknown, max: number, what: string, words: ScreeningWords): string {
  return cleanText(typeof value === 'string' ? screenText(value, { words }).text : value, max, what);
}
