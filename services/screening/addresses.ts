/**
 * E-mail addresses and links in a normalised text (see `unicode.ts`), written plainly or
 * disguised: `jean [at] mail.fr`, `jean(at)mail.fr`, `jean arobase mail point fr`,
 * `https://…`, `www.…`, `monsite.fr`, `bit.ly/x`, `monsite[.]fr`, `monsite point fr`.
 *
 * @remarks
 * Every repetition is bounded (64-character parts, 10 labels), so a long message costs a
 * linear time. A bare domain is taken when its last label is a top-level domain that is not
 * also a French word; `.me`, `.ly`, `.de`… need a path (`m.me/jean`, `bit.ly/x`), so that
 * `le soir.Me contacter` stays.
 */

/** Top-level domains taken bare (`monsite.fr`). */
const TLD =
  'fr|com|net|org|info|eu|biz|xyz|io|be|ch|ca|lu|mc|uk|ru|cn|tv|online|store|shop|club|dev|app|bzh|paris';
/** Top-level domains that are also words (`me`, `la`, `de`…): taken with a path only. */
const TLD_WITH_PATH =
  'ly|me|gl|gg|co|to|la|ma|de|it|es|re|tn|dz|us|sn|ci|cm|pt|nl|at|ai|im|is|in|so|su|cc|ws|gd|sh|nu|li|fm|am|pw|tk|page|site|link|live|blog';
const OPEN = String.raw`[\[({<]`;
const CLOSE = String.raw`[\])}>]`;
const LOCAL = String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}_](?:[\p{L}\p{N}._%+\-]{0,62}[\p{L}\p{N}_])?`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?`;
/** A label that starts with a letter (`rdv@14h` is not an address). */
const NAME_LABEL = String.raw`\p{L}(?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?`;
/** A dot: `.`, `[.]`, `(dot)`, `{point}`. */
const DOT = String.raw`(?:\.|\s*${OPEN}\s*(?:\.|dot|point)\s*${CLOSE}\s*)`;
/** A dot written as a word: ` point `, ` dot `. */
const DOT_WORD = String.raw`\s+(?:point|dot)\s+`;
/** A spaced dot, only before a known top-level domain (`mail . fr`). */
const DOT_SPACED = String.raw`\s*\.\s*(?=(?:${TLD})(?![\p{L}\p{N}]))`;
const ANY_DOT = `(?:${DOT}|${DOT_WORD}|${DOT_SPACED})`;
/** An at sign in brackets or as a word: `[at]`, `(@)`, `{arobase}`, ` arobase `. */
const WORD_AT = String.raw`(?:\s*${OPEN}\s*(?:at|@|arobase|arobas)\s*${CLOSE}\s*|\s+(?:arobase|arobas)\s+)`;

const EMAIL = new RegExp(
  LOCAL +
    '(?:' +
    [
      `@${NAME_LABEL}(?:${ANY_DOT}${LABEL}){0,10}`,
      `${WORD_AT}${LABEL}(?:${ANY_DOT}${LABEL}){0,10}`,
      String.raw`(?:\s+@\s*|\s*@\s+)${NAME_LABEL}(?:${ANY_DOT}${LABEL}){1,10}`,
      String.raw`\s+at\s+${NAME_LABEL}(?:\.${LABEL}){1,10}`,
    ].join('|') +
    ')',
  'giu',
);

const REST = String.raw`[^\s<>"«»]`;
const LINKS: readonly RegExp[] = [
  new RegExp(String.raw`(?:https?|ftp|hxxps?)\s*:\s*/\s*/${REST}+`, 'giu'),
  new RegExp(String.raw`(?<![\p{L}\p{N}])www\d{0,3}${DOT}${REST}+`, 'giu'),
  new RegExp(
    String.raw`(?<![\p{L}\p{N}@._%+\-])${LABEL}(?:${DOT}${LABEL}){0,10}?` +
      String.raw`(?:(?:${DOT}|${DOT_WORD})(?:${TLD})(?![\p{L}\p{N}\-])(?:/${REST}*)?|${DOT}(?:${TLD_WITH_PATH})/${REST}+)`,
    'giu',
  ),
];
/** Punctuation that ends a sentence after a link, not the link. */
const TRAILING = /[.,;:!?)\]}»"'’]+$/u;

/** `text` with every e-mail address replaced by `replacement`; `found` tells whether there was one. */
export function replaceEmails(text: string, replacement: string): { text: string; found: boolean } {
  let found = false;
  const replaced = text.replace(EMAIL, () => {
    found = true;
    return replacement;
  });
  return { text: replaced, found };
}

/** `text` with every link replaced by `replacement` (the punctuation after it kept). */
export function replaceLinks(text: string, replacement: string): { text: string; found: boolean } {
  let found = false;
  let replaced = text;
  for (const link of LINKS) {
    replaced = replaced.replace(link, (match: string) => {
      found = true;
      return replacement + (TRAILING.exec(match)?.[0] ?? '');
    });
  }
  return { text: replaced, found };
}
