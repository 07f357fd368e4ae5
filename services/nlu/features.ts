/**
 * Turns a message into the features both classifiers learn from.
 *
 * @remarks
 * Normalised tokens are typo-corrected against the training vocabulary, stemmed with
 * natural's French Porter stemmer, stripped of a short list of function words that carry
 * no intent, and completed with bigrams of neighbouring stems (`peux_fair`, `besoin_aid`),
 * which separate "je peux faire les courses" (offer) from "faire mes courses" (need).
 * Pronouns and negations are kept on purpose: "je", "me", "pas" matter for intents.
 */
import { PorterStemmerFr } from './natural';
import { normalizeTokens } from './normalize';
import { Vocabulary } from './typo';

/** Messages are cut to this many characters before classification, to stay fast. */
export const MAX_CLASSIFY_CHARS = 1_000;

const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'le',
  'la',
  'les',
  'de',
  'des',
  'du',
  'un',
  'une',
  'et',
  'a',
  'au',
  'aux',
  'en',
  'ou',
  'l',
  'd',
]);

/** Builds the typo-correction vocabulary from training texts (and any extra words). */
export function buildVocabulary(texts: Iterable<string>, extraWords: Iterable<string> = []): Vocabulary {
  const words = new Set<string>(extraWords);
  for (const text of texts) for (const token of normalizeTokens(text)) words.add(token);
  return new Vocabulary(words);
}

/** Normalised, typo-corrected tokens of a message (truncated to {@link MAX_CLASSIFY_CHARS}). */
export function correctedTokens(text: string, vocabulary: Vocabulary): string[] {
  return normalizeTokens(text.slice(0, MAX_CLASSIFY_CHARS)).map((token) => vocabulary.correct(token));
}

/** Stems and bigrams of a message, as fed to the classifiers. */
export function textFeatures(text: string, vocabulary: Vocabulary): string[] {
  const stems = correctedTokens(text, vocabulary)
    .filter((token) => !FUNCTION_WORDS.has(token))
    .map((token) => PorterStemmerFr.stem(token));
  const bigrams: string[] = [];
  for (let i = 1; i < stems.length; i += 1) bigrams.push(`${stems[i - 1]}_${stems[i]}`);
  return [...stems, ...bigrams];
}
