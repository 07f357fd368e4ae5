/**
 * Finds which Miramas neighbourhood a message mentions, tolerating typos and missing
 * accents ("la maile 2", "miramas le vieu", "carrair", "les molieres").
 *
 * @remarks
 * Names and aliases are normalised like messages, then compared window by window with
 * the message's tokens. Short words ("la", "de") and numbers ("1", "2", "ii") must match
 * exactly, so "Maille 1" is never confused with "Maille 2". Longer words match when the
 * Jaro-Winkler similarity is at least {@link NEIGHBOURHOOD_SIMILARITY} and the Levenshtein
 * distance at most 1 (2 for words of 9 letters or more): "carriere" (a career) stays
 * different from "carraire". The best average similarity wins; ties go to the longer name.
 */
import type { Neighbourhood } from '../places';
import { JaroWinklerDistance, LevenshteinDistance } from './natural';
import { normalizeTokens } from './normalize';

/** Minimum Jaro-Winkler similarity between a message word and a name word. */
export const NEIGHBOURHOOD_SIMILARITY = 0.9;

interface Pattern {
  readonly neighbourhood: Neighbourhood;
  /** The name's words, as indices in {@link NeighbourhoodMatcher.words}. */
  readonly words: readonly number[];
}

function wordSimilarity(messageWord: string, nameWord: string): number {
  if (messageWord === nameWord) return 1;
  if (nameWord.length < 4 || /\d/.test(nameWord) || /^[ivx]+$/.test(nameWord)) return 0;
  const maxEdits = nameWord.length >= 9 ? 2 : 1;
  // Words whose lengths differ by more than the edits allowed are that many edits apart at
  // least: most of a message's words, skipped without computing their similarity.
  if (Math.abs(messageWord.length - nameWord.length) > maxEdits) return 0;
  const similarity = JaroWinklerDistance(messageWord, nameWord);
  if (similarity < NEIGHBOURHOOD_SIMILARITY) return 0;
  return LevenshteinDistance(messageWord, nameWord) <= maxEdits ? similarity : 0;
}

/** Matches messages against a list of neighbourhoods. */
export class NeighbourhoodMatcher {
  private readonly patterns: readonly Pattern[];
  /** Every distinct word of the names and aliases. */
  private readonly words: readonly string[];

  constructor(neighbourhoods: readonly Neighbourhood[]) {
    const words = new Map<string, number>();
    const id = (word: string): number => {
      let index = words.get(word);
      if (index === undefined) {
        index = words.size;
        words.set(word, index);
      }
      return index;
    };
    this.patterns = neighbourhoods.flatMap((neighbourhood) =>
      [neighbourhood.name, ...neighbourhood.aliases]
        .map((label) => ({ neighbourhood, words: normalizeTokens(label).map(id) }))
        .filter((pattern) => pattern.words.length > 0),
    );
    this.words = [...words.keys()];
  }

  /** The neighbourhood the text mentions, or `null`. */
  match(text: string): Neighbourhood | null {
    const tokens = normalizeTokens(text);
    // Names share words ("la", "maille", "miramas"): the similarity of a message word to a
    // name word is computed once per position (NaN until then), whichever names use it.
    const width = this.words.length;
    const similarities = new Float64Array(tokens.length * width).fill(Number.NaN);
    const similarity = (position: number, word: number): number => {
      const at = position * width + word;
      let value = similarities[at];
      if (Number.isNaN(value)) {
        value = wordSimilarity(tokens[position] ?? '', this.words[word] ?? '');
        similarities[at] = value;
      }
      return value;
    };
    let best: { neighbourhood: Neighbourhood; score: number; length: number } | null = null;
    for (const pattern of this.patterns) {
      const size = pattern.words.length;
      for (let start = 0; start + size <= tokens.length; start += 1) {
        let total = 0;
        for (let i = 0; i < size; i += 1) {
          const value = similarity(start + i, pattern.words[i] ?? 0);
          if (value === 0) {
            total = 0;
            break;
          }
          total += value;
        }
        const score = total / size;
        if (score === 0) continue;
        if (!best || score > best.score || (score === best.score && size > best.length)) {
          best = { neighbourhood: pattern.neighbourhood, score, length: size };
        }
      }
    }
    return best?.neighbourhood ?? null;
  }
}
