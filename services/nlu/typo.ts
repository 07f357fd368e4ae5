/**
 * Typo tolerance: maps a word that is not French, and that the classifiers never saw, to the
 * closest word they did see.
 *
 * @remarks
 * A token is corrected only when it is neither in the training vocabulary nor in the French
 * dictionary (`dictionary.ts`: "vient", "coures", "mari" are French and stay as written), is
 * not an emergency word, is at least {@link MIN_TYPO_LENGTH} letters long and not a number.
 * A correction never lands on an emergency word (`isEmergencyWord`), and the emergency rules
 * read the uncorrected text anyway. Candidates share the token's first letter (residents rarely
 * mistype the first one) and differ in length by at most two. The best candidate by
 * Jaro-Winkler similarity wins if it reaches {@link JARO_WINKLER_THRESHOLD} and is within
 * one edit (words up to 5 letters) or two edits (longer words) by Levenshtein distance;
 * otherwise the token is kept as it is. Results are memoised per instance.
 */
import { frenchWords, type WordList } from './dictionary';
import { isEmergencyWord } from './emergency';
import { JaroWinklerDistance, LevenshteinDistance } from './natural';

/** Shorter tokens are never corrected: "pr", "ds", "la" are too ambiguous. */
export const MIN_TYPO_LENGTH = 4;
/** Minimum Jaro-Winkler similarity for a correction. */
export const JARO_WINKLER_THRESHOLD = 0.88;
const MAX_CACHE = 10_000;

/** A set of known words able to correct close misspellings to one of them. */
export class Vocabulary {
  private readonly words: ReadonlySet<string>;
  private readonly byInitial = new Map<string, string[]>();
  private readonly cache = new Map<string, string>();

  /**
   * @param words - known, already normalised words (see `normalizeTokens`), the only
   * correction targets.
   * @param dictionary - accent-folded words never corrected; the French dictionary by default.
   */
  constructor(
    words: Iterable<string>,
    private readonly dictionary: WordList = frenchWords(),
  ) {
    this.words = new Set(words);
    for (const word of this.words) {
      if (isEmergencyWord(word)) continue;
      const initial = word.charAt(0);
      const bucket = this.byInitial.get(initial) ?? [];
      bucket.push(word);
      this.byInitial.set(initial, bucket);
    }
  }

  /** Number of known words. */
  get size(): number {
    return this.words.size;
  }

  /** Whether the word is known as it is. */
  has(word: string): boolean {
    return this.words.has(word);
  }

  /** Whether the token must stay as written: known, French, an emergency word, short or numeric. */
  private keeps(token: string): boolean {
    return (
      this.words.has(token) ||
      token.length < MIN_TYPO_LENGTH ||
      /\d/.test(token) ||
      this.dictionary.has(token) ||
      isEmergencyWord(token)
    );
  }

  /** The known word closest to `token`, or `token` itself when none is close enough. */
  correct(token: string): string {
    if (this.keeps(token)) return token;
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    const corrected = this.closest(token) ?? token;
    if (this.cache.size >= MAX_CACHE) this.cache.clear();
    this.cache.set(token, corrected);
    return corrected;
  }

  private closest(token: string): string | undefined {
    let best: string | undefined;
    let bestScore = JARO_WINKLER_THRESHOLD;
    for (const candidate of this.byInitial.get(token.charAt(0)) ?? []) {
      if (Math.abs(candidate.length - token.length) > 2 || candidate.length < MIN_TYPO_LENGTH) continue;
      const score = JaroWinklerDistance(token, candidate);
      if (score < bestScore) continue;
      const maxEdits = Math.max(token.length, candidate.length) <= 5 ? 1 : 2;
      if (LevenshteinDistance(token, candidate) > maxEdits) continue;
      if (score > bestScore || best === undefined) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }
}
