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
  readonly tokens: readonly string[];
}

function wordSimilarity(messageWord: string, nameWord: string): number {
  if (messageWord === nameWord) return 1;
  if (nameWord.length < 4 || /\d/.test(nameWord) || /^[ivx]+$/.test(nameWord)) return 0;
  const similarity = JaroWinklerDistance(messageWord, nameWord);
  if (similarity < NEIGHBOURHOOD_SIMILARITY) return 0;
  const maxEdits = nameWord.length >= 9 ? 2 : 1;
  return LevenshteinDistance(messageWord, nameWord) <= maxEdits ? similarity : 0;
}

/** Matches messages against a list of neighbourhoods. */
export class NeighbourhoodMatcher {
  private readonly patterns: readonly Pattern[];

  constructor(neighbourhoods: readonly Neighbourhood[]) {
    this.patterns = neighbourhoods.flatMap((neighbourhood) =>
      [neighbourhood.name, ...neighbourhood.aliases]
        .map((label) => ({ neighbourhood, tokens: normalizeTokens(label) }))
        .filter((pattern) => pattern.tokens.length > 0),
    );
  }

  /** The neighbourhood the text mentions, or `null`. */
  match(text: string): Neighbourhood | null {
    const tokens = normalizeTokens(text);
    let best: { neighbourhood: Neighbourhood; score: number; length: number } | null = null;
    for (const pattern of this.patterns) {
      const size = pattern.tokens.length;
      for (let start = 0; start + size <= tokens.length; start += 1) {
        let total = 0;
        for (let i = 0; i < size; i += 1) {
          const similarity = wordSimilarity(tokens[start + i] ?? '', pattern.tokens[i] ?? '');
          if (similarity === 0) {
            total = 0;
            break;
          }
          total += similarity;
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
