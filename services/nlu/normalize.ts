/**
 * French text normalisation shared by the classifiers, the rules and the extractors.
 *
 * @remarks
 * The pipeline is: lower-case → fold accents (é→e, œ→oe, ç→c) → unify apostrophes and
 * dashes → split on anything that is not a letter or a digit → expand SMS shorthand
 * ({@link SMS_EXPANSIONS}) → expand elisions ({@link ELISIONS}). Every step is pure and
 * total: empty, emoji-only or binary-looking input gives an empty token list.
 */
import { ELISIONS, SMS_EXPANSIONS } from './sms';

/** Lower-cases and removes diacritics (`"Élève Cœur"` → `"eleve coeur"`). */
export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Splits folded text into raw word tokens (letters and digits only). */
export function rawTokens(folded: string): string[] {
  return folded
    .replace(/[’‘`´ʼ]/g, "'")
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}

/** Expands one raw token: SMS shorthand first, then elisions. Returns one or more tokens. */
export function expandToken(token: string): string[] {
  const sms = SMS_EXPANSIONS[token];
  const expanded = sms === undefined ? [token] : sms.split(' ');
  return expanded.map((word) => ELISIONS[word] ?? word);
}

/**
 * Normalises a resident's message into tokens: lower-case, accent-free, SMS and elisions
 * expanded (`"Jpeux faire les courses pr qqn"` → `["je","peux","faire","les","courses",
 * "pour","quelque","un"]`).
 */
export function normalizeTokens(text: string): string[] {
  return rawTokens(foldAccents(text)).flatMap(expandToken);
}

/** {@link normalizeTokens} joined with single spaces, handy for rule matching. */
export function normalizeText(text: string): string {
  return normalizeTokens(text).join(' ');
}
