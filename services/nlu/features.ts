/**
 * Turns a message into the features both classifiers learn from.
 *
 * @remarks
 * Normalised tokens are typo-corrected against the training vocabulary (words that are not
 * French only, see `typo.ts`), stemmed with
 * natural's French Porter stemmer, stripped of a short list of function words that carry
 * no intent, and completed with bigrams of neighbouring stems (`peux_fair`, `besoin_aid`),
 * which separate "je peux faire les courses" (offer) from "faire mes courses" (need).
 * Pronouns and negations are kept on purpose: "je", "me", "pas" matter for intents.
 */
import { CATEGORY_CUES, INTENT_CUES, cueFeatures, type Cue } from './cues';
import { assessEmergency } from './emergency';
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

/** A message's tokens as written (normalised) and after typo correction, position by position. */
export interface SpelledTokens {
  /** Normalised tokens, as the resident wrote them: what the emergency rules read. */
  readonly raw: readonly string[];
  /** The same tokens after typo correction: what the classifiers and cues read. */
  readonly corrected: readonly string[];
}

/** The last message spelled, reused when the intent and category classifiers read the same one. */
let lastSpelled: { text: string; vocabulary: Vocabulary; tokens: SpelledTokens } | undefined;

/** Both token lists of a message (truncated to {@link MAX_CLASSIFY_CHARS}). */
export function spelledTokens(text: string, vocabulary: Vocabulary): SpelledTokens {
  if (lastSpelled?.text === text && lastSpelled.vocabulary === vocabulary) return lastSpelled.tokens;
  const raw = normalizeTokens(text.slice(0, MAX_CLASSIFY_CHARS));
  const tokens = { raw, corrected: raw.map((token) => vocabulary.correct(token)) };
  lastSpelled = { text, vocabulary, tokens };
  return tokens;
}

/** Normalised, typo-corrected tokens of a message (truncated to {@link MAX_CLASSIFY_CHARS}). */
export function correctedTokens(text: string, vocabulary: Vocabulary): string[] {
  return [...spelledTokens(text, vocabulary).corrected];
}

/** Which feature families {@link textFeatures} emits (stems and stem bigrams always). */
export interface FeatureOptions {
  /** Accent-folded, typo-corrected words before stemming (`w:courses` vs `w:cours`). */
  readonly words: boolean;
  /** Stems following a negation (`ne`, `pas`, `plus`, `jamais`, `sans`) marked `non_…`. */
  readonly negation: boolean;
  /** Character 4-grams of each word, for morphology and typos the vocabulary missed. */
  readonly charGrams: boolean;
  /** Phrase cues (see `cues.ts`) added as `cue:<name>`; none by default. */
  readonly cues?: readonly Cue[];
  /** Whether the emergency rules add `cue:emergency`. */
  readonly emergencyCue?: boolean;
}

/** The feature families kept by cross-validation (see `DEFAULT_SOFTMAX`). */
export const DEFAULT_FEATURES: FeatureOptions = { words: false, negation: true, charGrams: false };

/** Feature families of the intent classifier (chosen by `npm run nlu:tune`). */
export const INTENT_FEATURES: FeatureOptions = {
  words: false,
  negation: true,
  charGrams: false,
  cues: INTENT_CUES,
  emergencyCue: true,
};

/** Feature families of the category classifier (chosen by `npm run nlu:tune`). */
export const CATEGORY_FEATURES: FeatureOptions = {
  words: false,
  negation: true,
  charGrams: false,
  cues: CATEGORY_CUES,
};

const NEGATIONS: ReadonlySet<string> = new Set(['ne', 'pas', 'plus', 'jamais', 'sans', 'rien']);
/** How many words after a negation are marked. */
const NEGATION_SCOPE = 2;

/** Stems already computed: natural's stemmer is the costliest step of featurising a message. */
const STEMS = new Map<string, string>();
const MAX_STEMS = 50_000;

/** natural's French Porter stem of a normalised word, memoised. */
function stem(word: string): string {
  let stemmed = STEMS.get(word);
  if (stemmed === undefined) {
    stemmed = PorterStemmerFr.stem(word);
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    STEMS.set(word, stemmed);
  }
  return stemmed;
}

/**
 * Stems of words (function words already dropped), bigrams of neighbouring stems and, with
 * `negation`, the stems following a negation marked `non_…`: the families every classifier
 * of this module learns from.
 */
export function stemFeatures(words: readonly string[], negation: boolean): string[] {
  const stems = words.map(stem);
  const features = [...stems];
  for (let i = 1; i < stems.length; i += 1) features.push(`${stems[i - 1]}_${stems[i]}`);
  if (negation) {
    let scope = 0;
    words.forEach((word, i) => {
      if (NEGATIONS.has(word)) scope = NEGATION_SCOPE;
      else if (scope > 0) {
        features.push(`non_${stems[i]}`);
        scope -= 1;
      }
    });
  }
  return features;
}

/** Character 4-grams of each word (`c:<mai`, `c:mais`...), for typos and morphology. */
export function charGrams(words: readonly string[]): string[] {
  const grams: string[] = [];
  for (const word of words) {
    const padded = `<${word}>`;
    for (let i = 0; i + 4 <= padded.length; i += 1) grams.push(`c:${padded.slice(i, i + 4)}`);
  }
  return grams;
}

/** Words of a normalised token list that carry meaning (articles and a few particles dropped). */
export function contentWords(tokens: readonly string[]): string[] {
  return tokens.filter((token) => token !== '' && !FUNCTION_WORDS.has(token));
}

/**
 * Stems, bigrams and the optional families of a message, as fed to the classifiers.
 *
 * @param emergency - the emergency rules' verdict on `text` (sure or not), when the caller
 * already has it: `Nlu.understand` runs the rules once per message and shares the verdict.
 * Without it, and when `options.emergencyCue` asks for it, the rules are run here.
 */
export function textFeatures(
  text: string,
  vocabulary: Vocabulary,
  options: FeatureOptions = DEFAULT_FEATURES,
  emergency?: boolean,
): string[] {
  const { corrected } = spelledTokens(text, vocabulary);
  const words = contentWords(corrected);
  const features = stemFeatures(words, options.negation);
  if (options.words) for (const word of words) features.push(`w:${word}`);
  if (options.charGrams) features.push(...charGrams(words));
  if (options.cues || options.emergencyCue) {
    const sure = options.emergencyCue === true && (emergency ?? assessEmergency(text)?.sure === true);
    features.push(...cueFeatures(corrected.join(' '), options.cues ?? [], sure));
  }
  return features;
}
