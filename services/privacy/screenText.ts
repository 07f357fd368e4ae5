/**
 * The one screening of free text that one person types and someone else reads: entry
 * descriptions and "quand", testimonials and their signatures, handover summaries.
 *
 * @remarks
 * In order: the text is normalised (NFKC, invisible and bidirectional controls removed,
 * digits of every script as `0`–`9`; see `unicode.ts`), then e-mail addresses, links, and
 * phone, premium-rate and short numbers are replaced by a French placeholder from
 * `locales/` (`[numéro retiré]`…). Ordinary French (times, dates, grades, amounts, street
 * numbers, postcodes, ages) comes out as it was typed. Screening a screened text changes
 * nothing. The numbers the bot writes itself (the CCAS line) never go through it.
 */
import { t } from '../i18n';
import { replaceEmails, replaceLinks } from './addresses';
import { findPhones } from './phones';
import { normalizeForScreening } from './unicode';

/** What the screening can take out of a text. */
export type RemovedKind = 'phone' | 'premium' | 'email' | 'link';

/** A screened text and what was taken out of it (each kind once, in the order looked for). */
export interface ScreenedText {
  readonly text: string;
  readonly removed: readonly RemovedKind[];
}

/** Options of {@link screenText}. */
export interface ScreenOptions {
  /**
   * `placeholder` (default) writes `[numéro retiré]`, `[e-mail retiré]` or `[lien retiré]`
   * in place of what was removed; `nothing` drops it (a name in a signature) and tidies spaces.
   */
  replacement?: 'placeholder' | 'nothing';
}

/**
 * `text` as it may be stored and shown to someone else.
 *
 * @remarks
 * Pure (the placeholders come from the French locale). Tell the resident when `removed` is
 * not empty: their words were changed.
 */
export function screenText(text: string, options: ScreenOptions = {}): ScreenedText {
  const drop = options.replacement === 'nothing';
  const placeholder = (key: string): string => (drop ? '' : t(key));
  const removed: RemovedKind[] = [];
  const emails = replaceEmails(normalizeForScreening(text), placeholder('screening.email'));
  if (emails.found) removed.push('email');
  const links = replaceLinks(emails.text, placeholder('screening.link'));
  if (links.found) removed.push('link');
  let screened = '';
  let from = 0;
  for (const found of findPhones(links.text)) {
    screened += links.text.slice(from, found.start) + placeholder('screening.phone');
    from = found.end;
    if (!removed.includes(found.kind)) removed.push(found.kind);
  }
  screened += links.text.slice(from);
  if (drop && removed.length > 0) screened = screened.replace(/[^\S\n]{2,}/g, ' ').trim();
  return { text: screened, removed };
}
