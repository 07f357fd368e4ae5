/**
 * How the dialogs compare what a resident typed with the words they look for: the text
 * folded to lower case without accents or punctuation, and the distance of a typo.
 */

/** Lower case, no accents, no punctuation, single spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9@+. ]+/g, ' ')
    .replace(/[.]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance, small strings only. */
export function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j];
      previous[j] = Math.min(
        previous[j] + 1,
        previous[j - 1] + 1,
        diagonal + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** True when `text` is one of `words`, allowing one typo for words of 5 letters or more. */
export function matchesAny(text: string, words: readonly string[]): boolean {
  return words.some((word) => word === text || (word.length >= 5 && distance(word, text) <= 1));
}
