/**
 * The Unicode side of the screening: one canonical form of a text before anything is looked
 * for in it, so that a phone number cannot hide in look-alike or invisible characters.
 */

/**
 * Characters NFKC would rewrite that French text uses as they are and that cannot carry a
 * digit of a phone: the ellipsis, non-breaking spaces, º and ª (`nº 4`), a fraction away
 * from digits (`½ journée`), a square or cube right after a letter (`50 m²`).
 */
const KEPT_AS_TYPED =
  /…|[\u00A0\u202F\u00BA\u00AA]|(?<![\p{Nd}\p{No}])[¼½¾](?![\p{Nd}\p{No}])|(?<=\p{L})[²³](?![\p{Nd}\p{No}])/gu;

/** Blank characters that are not spaces for a regular expression, read as spaces. */
const BLANK_LOOK_ALIKES = /[\u115F\u1160\u2800\u3164\uFFA0]/g;

/**
 * Invisible format characters (zero-width, bidirectional controls, soft hyphen, tags…), the
 * combining grapheme joiner, and what turns a digit into a keycap emoji. The zero-width
 * joiner stays between two pictographs (`👨‍👩‍👧`), where it cannot split digits.
 */
const INVISIBLE =
  /(?<!\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F)\u200D|\u200D(?!\p{Extended_Pictographic})|(?!\u200D)\p{Cf}|\u034F|\u20E3|(?<=[0-9#*])\uFE0F/gu;

/** Decimal digits of any script, and the dingbat digits NFKC leaves alone. */
const OTHER_DIGITS = /[\p{Nd}\u2776-\u277E\u2780-\u2788\u278A-\u2792\u24F5-\u24FD\u24FF]/gu;
const ASCII_DIGIT = /^[0-9]$/;
const ANY_DECIMAL_DIGIT = /^\p{Nd}$/u;

/** The value of a digit: dingbats by their ranges, decimal digits by their place in their run of ten. */
function digitValue(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code === 0x24ff) return '0';
  for (const first of [0x2776, 0x2780, 0x278a, 0x24f5]) {
    if (code >= first && code < first + 9) return String(code - first + 1);
  }
  let start = code;
  while (start > 0 && code - start < 100 && ANY_DECIMAL_DIGIT.test(String.fromCodePoint(start - 1)))
    start -= 1;
  return String((code - start) % 10);
}

/** Every digit as an ASCII digit (`٠٦` → `06`). */
function foldDigits(text: string): string {
  return text.replace(OTHER_DIGITS, (char) => (ASCII_DIGIT.test(char) ? char : digitValue(char)));
}

/**
 * `text` in the form the screening reads and stores: invisible and bidirectional controls
 * removed, NFKC (full-width and mathematical digits become `0`–`9`, `＠` becomes `@`) except
 * for the few typographic characters of {@link KEPT_AS_TYPED}, blank look-alikes as spaces,
 * and the digits of every script as ASCII digits.
 *
 * @remarks
 * Pure. Ordinary French comes out unchanged; what changes is what could disguise a digit, an
 * `@` or a dot, or reorder what a reader sees (a right-to-left override around a number).
 */
export function normalizeForScreening(text: string): string {
  const visible = text.normalize('NFC').replace(INVISIBLE, '');
  let normalized = '';
  let from = 0;
  for (const kept of visible.matchAll(KEPT_AS_TYPED)) {
    normalized += visible.slice(from, kept.index).normalize('NFKC') + kept[0];
    from = kept.index + kept[0].length;
  }
  normalized += visible.slice(from).normalize('NFKC');
  return foldDigits(normalized.replace(INVISIBLE, '').replace(BLANK_LOOK_ALIKES, ' '));
}
