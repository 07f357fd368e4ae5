/**
 * The French dictionary the typo corrector consults: a word it knows is never rewritten.
 *
 * @remarks
 * The words are every form of the Hunspell dictionary `dictionary-fr` (Grammalecte,
 * MPL-2.0), expanded by `nspell` and accent-folded like `normalizeTokens` ("mère" is
 * "mere", "tombé" is "tombe"), stored sorted and gzipped in {@link DICTIONARY_FILE} by
 * `npm run nlu:dictionary`. Loading nspell itself takes about 12 s and 350 MB for French,
 * and its suggestions up to half a second a word, far over the understanding's budget
 * (model load under 1 s, 2,000 texts/s); reading the expanded list takes a fraction of
 * that. It is read once per process, on first use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Sorted, accent-folded French words, one a line after a `#` header. */
export const DICTIONARY_FILE = join(__dirname, 'data', 'fr-words.txt.gz');

/** First line of {@link DICTIONARY_FILE}: where its words come from. */
export function dictionaryHeader(version: string): string {
  return `# dictionary-fr ${version} (MPL-2.0, Grammalecte), expanded by nspell, accent-folded`;
}

/** A set of known words (the part of `Set` the corrector needs). */
export interface WordList {
  has(word: string): boolean;
}

/**
 * A sorted word list searched in place: the decompressed bytes plus the offset of each
 * line, so loading it builds no string per word (a `Set` of 420,000 strings took over a
 * second to build; this takes a few tens of milliseconds).
 */
export class SortedWordList implements WordList {
  private readonly starts: Uint32Array;
  private readonly count: number;

  /** @param bytes - ASCII lines sorted by byte order; lines starting with `#` are skipped. */
  constructor(private readonly bytes: Uint8Array) {
    const starts = new Uint32Array(countLines(bytes) + 1);
    let count = 0;
    let lineStart = 0;
    for (let i = 0; i <= bytes.length; i += 1) {
      if (i < bytes.length && bytes[i] !== NEWLINE) continue;
      if (i > lineStart && bytes[lineStart] !== HASH) starts[count++] = lineStart;
      lineStart = i + 1;
    }
    this.starts = starts;
    this.count = count;
  }

  /** Number of words. */
  get size(): number {
    return this.count;
  }

  /** Whether `word` is one of the lines (binary search). */
  has(word: string): boolean {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compare(word, this.starts[middle]);
      if (order === 0) return true;
      if (order < 0) high = middle - 1;
      else low = middle + 1;
    }
    return false;
  }

  /** Sign of `word` minus the line at `start`, in byte order. */
  private compare(word: string, start: number): number {
    const bytes = this.bytes;
    for (let i = 0; ; i += 1) {
      const at = start + i;
      const line = at < bytes.length && bytes[at] !== NEWLINE ? bytes[at] : -1;
      const char = i < word.length ? word.charCodeAt(i) : -1;
      if (char !== line) return char - line;
      if (char === -1) return 0;
    }
  }
}

const NEWLINE = 0x0a;
const HASH = 0x23;

function countLines(bytes: Uint8Array): number {
  let lines = 1;
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] === NEWLINE) lines += 1;
  return lines;
}

let cached: SortedWordList | undefined;

/** The French words, read from {@link DICTIONARY_FILE} on the first call. */
export function frenchWords(): SortedWordList {
  cached ??= new SortedWordList(gunzipSync(readFileSync(DICTIONARY_FILE)));
  return cached;
}
