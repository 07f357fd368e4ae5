/**
 * The words of a text as the home-address reader sees them (see `homeAddresses.ts`): each
 * folded to lower case without accents, with its place in the text, and the parts found.
 */

/** A word or a punctuation mark of the text. */
export interface Token {
  /** Lower case, accents removed. */
  word: string;
  /** As typed. */
  raw: string;
  start: number;
  end: number;
}

/** A part of an address found in the tokens: an anchor (a home on its own) or an attachment. */
export interface Part {
  first: number;
  /** Index of the token after the part. */
  next: number;
  anchor: boolean;
}

/** A word (letters and digits) or any other character but a space. */
const TOKEN = /[\p{L}\p{N}]+|\S/gu;

/** Words and punctuation with their places; folding keeps one character per character. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const word = Array.from(raw, (char) => char.normalize('NFD').charAt(0).toLowerCase()).join('');
    tokens.push({ word, raw, start: match.index, end: match.index + raw.length });
  }
  return tokens;
}

/** The folded word at `index`; empty past the end. */
export const word = (tokens: readonly Token[], index: number): string => tokens[index]?.word ?? '';

/** Skips a dot right after an abbreviation (`av.`, `bât.`). */
export const afterDot = (tokens: readonly Token[], index: number): number =>
  word(tokens, index) === '.' ? index + 1 : index;
