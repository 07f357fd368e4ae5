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
 * A sorted word list, front-coded in one byte array and searched in place.
 *
 * @remarks
 * Sorted French forms share long prefixes ("mangeai", "mangeaient", "mangeais"), so each
 * word is stored as the number of leading letters it shares with the word before it and
 * the letters that differ, the last one marked by its high bit (the words are ASCII
 * letters). Every {@link BLOCK}th word is stored whole and its offset kept: a look-up is a
 * binary search over those words, then at most {@link BLOCK} words decoded in a row. The
 * 420,000 words take about 1.5 MiB instead of 6.2 MiB for the text and an offset per line
 * (the idle bot's largest buffer), and no string is built per word.
 */
export class SortedWordList implements WordList {
  private readonly codes: Uint8Array;
  /** Offset in {@link codes} of each block's first word. */
  private readonly blocks: Uint32Array;
  private readonly count: number;
  /** The word being decoded (reused: look-ups are synchronous). */
  private readonly scratch = new Uint8Array(MAX_WORD);

  /**
   * @param bytes - lines of ASCII letters sorted by byte order, each strictly after the one
   * before; lines starting with `#` and empty lines are skipped.
   */
  constructor(bytes: Uint8Array) {
    // Two passes over the lines: the first measures, the second writes, so the only
    // buffers kept are of their exact size.
    let length = 0;
    let count = 0;
    forEachWord(bytes, (start, end, shared) => {
      if (count % BLOCK === 0) length += 1 + end - start;
      else length += 1 + end - start - shared;
      count += 1;
    });
    const codes = new Uint8Array(length);
    const blocks = new Uint32Array(Math.ceil(count / BLOCK));
    length = 0;
    count = 0;
    forEachWord(bytes, (start, end, shared) => {
      const kept = count % BLOCK === 0 ? 0 : shared;
      if (kept === 0) blocks[count / BLOCK] = length;
      codes[length++] = kept;
      for (let k = start + kept; k < end; k += 1) codes[length++] = bytes[k];
      codes[length - 1] |= LAST;
      count += 1;
    });
    this.codes = codes;
    this.blocks = blocks;
    this.count = count;
  }

  /** Number of words. */
  get size(): number {
    return this.count;
  }

  /** Whether `word` is one of the words. */
  has(word: string): boolean {
    if (word.length === 0 || word.length > MAX_WORD) return false;
    // The last block whose first word is not after `word`.
    let low = 0;
    let high = this.blocks.length - 1;
    let block = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compareWhole(word, this.blocks[middle] + 1);
      if (order === 0) return true;
      if (order < 0) high = middle - 1;
      else {
        block = middle;
        low = middle + 1;
      }
    }
    if (block < 0) return false;
    return this.scanBlock(word, block);
  }

  /** Sign of `word` minus the whole word whose letters start at `at`, in byte order. */
  private compareWhole(word: string, at: number): number {
    const codes = this.codes;
    for (let i = 0; ; i += 1) {
      const char = i < word.length ? word.charCodeAt(i) : -1;
      const letter = codes[at + i] & ~LAST;
      if (char !== letter) return char - letter;
      if (codes[at + i] & LAST) return i + 1 < word.length ? 1 : 0;
    }
  }

  /** Whether `word` is among the words of `block` after its first one. */
  private scanBlock(word: string, block: number): boolean {
    const codes = this.codes;
    const scratch = this.scratch;
    const end = block + 1 < this.blocks.length ? this.blocks[block + 1] : codes.length;
    let at = this.blocks[block];
    let length = 0;
    while (at < end) {
      length = codes[at++];
      for (;;) {
        const code = codes[at++];
        scratch[length++] = code & ~LAST;
        if (code & LAST) break;
      }
      const order = compareScratch(word, scratch, length);
      if (order === 0) return true;
      if (order < 0) return false;
    }
    return false;
  }
}

/**
 * Calls `visit` with each word's bounds in `bytes` and the number of leading letters it
 * shares with the word before it (at most {@link MAX_SHARED}); throws on a word longer
 * than {@link MAX_WORD} or one not after the word before it.
 */
function forEachWord(bytes: Uint8Array, visit: (start: number, end: number, shared: number) => void): void {
  let previousStart = 0;
  let previousLength = 0;
  let lineStart = 0;
  for (let i = 0; i <= bytes.length; i += 1) {
    if (i < bytes.length && bytes[i] !== NEWLINE) continue;
    const wordLength = i - lineStart;
    if (wordLength > 0 && bytes[lineStart] !== HASH) {
      if (wordLength > MAX_WORD) throw new RangeError(`a word of ${wordLength} letters`);
      const limit = Math.min(wordLength, previousLength, MAX_SHARED);
      let shared = 0;
      while (shared < limit && bytes[lineStart + shared] === bytes[previousStart + shared]) shared += 1;
      if (shared === wordLength) throw new RangeError('the words must be sorted and distinct');
      visit(lineStart, i, shared);
      previousStart = lineStart;
      previousLength = wordLength;
    }
    lineStart = i + 1;
  }
}

/** Sign of `word` minus the first `length` bytes of `scratch`, in byte order. */
function compareScratch(word: string, scratch: Uint8Array, length: number): number {
  const shortest = Math.min(word.length, length);
  for (let i = 0; i < shortest; i += 1) {
    const order = word.charCodeAt(i) - scratch[i];
    if (order !== 0) return order;
  }
  return word.length - length;
}

const NEWLINE = 0x0a;
const HASH = 0x23;
/** Marks a word's last letter (the letters are ASCII, below 0x80). */
const LAST = 0x80;
/** Words per block: one stored whole, the others front-coded after it. */
const BLOCK = 16;
/** Longest word stored; the longest French form folded is 26 letters. */
const MAX_WORD = 255;
/** Longest shared prefix a byte records. */
const MAX_SHARED = 255;

let cached: SortedWordList | undefined;

/** The French words, read from {@link DICTIONARY_FILE} on the first call. */
export function frenchWords(): SortedWordList {
  cached ??= new SortedWordList(gunzipWhole(readFileSync(DICTIONARY_FILE)));
  return cached;
}

/**
 * Decompresses a gzip file into one buffer sized from the file's trailer (its last four
 * bytes give the uncompressed length): inflated in zlib's default 16 KiB chunks, the text
 * left about 5 MiB of freed chunks in the process's resident memory.
 */
function gunzipWhole(file: Buffer): Buffer {
  const length = file.length >= 4 ? file.readUInt32LE(file.length - 4) : 0;
  return gunzipSync(file, { chunkSize: Math.min(Math.max(64 * 1024, length), 64 * 1024 * 1024) });
}
