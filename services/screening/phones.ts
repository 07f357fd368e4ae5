/**
 * Phone numbers in a normalised text (see `unicode.ts`): French numbers however they are
 * separated, international numbers, premium-rate and short numbers, numbers spelled out.
 *
 * @remarks
 * A "run" is a sequence of digits joined by up to three separators each (spaces, dots,
 * dashes, slashes, commas, colons, brackets…), so that mixed or padded separators do not hide a
 * number. A run is a phone when its digits hold a French number (`0` then a non-zero digit and
 * eight more, wherever it starts), or an international prefix, unless the run is made only of
 * dates and times (`02/05, 03/05`, `08:30-12:00 / 13:30-17:00`, `05/06/2026 15h`).
 */

/** What a run of digits turned out to be. */
export type NumberKind = 'phone' | 'premium';

/** A span of the text to take out. */
export interface Found {
  start: number;
  end: number;
  kind: NumberKind;
}

const SEPARATOR = String.raw`[\s./\-_,;:·•*|~()\[\]‐‑‒–—―−]`;
/** A run of digits, optionally opened by `+` or by a letter O standing for a zero. */
const RUN = new RegExp(
  String.raw`(?:\+\s?|(?<![\p{L}\p{N}])[oO](?=${SEPARATOR}{0,3}\d))?\d(?:${SEPARATOR}{0,3}\d)*`,
  'gu',
);
/** Digits of a French number, possibly with more digits around it. */
const NATIONAL = /0[1-9]\d{8}/;
/** French premium-rate numbers (08 1x, 08 2x, 08 9x). */
const PREMIUM_NATIONAL = /^(?:0|0033|33)8[129]/;
/** What follows a number that is a quantity, not a number to call. */
const UNIT =
  /^\s?(?:€|%|euros?\b|eur\b|k?m\b|m²|m2\b|kg\b|g\b|l\b|ans?\b|mois\b|jours?\b|habitants?\b|personnes?\b|pages?\b|fois\b|h\b|min)/iu;
/** Words before a short number that mean it is to be called or texted. */
const CALL_CUE =
  /(?:appel\w*|rappel\w*|compos\w*|t[ée]l[ée]phon\w*|t[ée]l\.?|tel|num[ée]ro|n°|joindre|joignable|sms|texto|contact\w*)\s*:?\s*(?:(?:le|au|du)\s+)?$/iu;
const NUMBER_WORD =
  '(?:z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|septante|huitante|octante|nonante|cent|et)';
/** "zéro six, douze, trente-quatre…": zéro followed by at least five number words. */
const SPELLED = new RegExp(`(?<![\\p{L}])z[ée]ro(?:[\\s,.\\-]+${NUMBER_WORD}(?![\\p{L}])){5,}`, 'giu');

/** The kind of the run `digits` (written `raw`, between `before` and `after`), or null for an ordinary number. */
function classify(raw: string, digits: string, before: string, after: string): NumberKind | null {
  const national = digits.startsWith('0') || !/^[oO]/.test(raw) ? digits : `0${digits}`;
  const international = raw.startsWith('+') ? digits.length >= 8 : /^(?:00)[1-9]\d{7,}/.test(digits);
  const phoneShaped =
    international || NATIONAL.test(national) || /^33[1-9]\d{8}$/.test(digits) || /^[67]\d{8}$/.test(digits);
  if (phoneShaped && !onlyDatesAndTimes(raw, after)) {
    return PREMIUM_NATIONAL.test(national.replace(/^\+/, '')) ? 'premium' : 'phone';
  }
  if (UNIT.test(after)) return null;
  if (/^36\d{2}$/.test(digits) || /^118\d{3}$/.test(digits)) return 'premium';
  if (/^3\d{3}$/.test(digits) && CALL_CUE.test(before)) return 'premium';
  return null;
}

const dayMonth = (day: string, month: string): boolean =>
  Number(day) >= 1 && Number(day) <= 31 && Number(month) >= 1 && Number(month) <= 12;

/**
 * True when the run reads entirely as dates (`dd/mm`, `dd/mm/yyyy`) and times (`hh:mm`, or a
 * last number followed by `h`): such runs stay, whatever their digits.
 */
function onlyDatesAndTimes(raw: string, after: string): boolean {
  const parts = raw.split(/(\D+)/);
  const groups = parts.filter((_, index) => index % 2 === 0);
  const seps = parts.filter((_, index) => index % 2 === 1);
  let i = 0;
  while (i < groups.length) {
    const [a, b, c] = [groups[i], groups[i + 1], groups[i + 2]];
    const [s1, s2] = [seps[i], seps[i + 1]];
    const dateSep = (sep: string | undefined): boolean => sep !== undefined && /^[/.-]$/.test(sep);
    if (b && c && dateSep(s1) && s1 === s2 && dayMonth(a, b) && /^(?:19|20)\d\d$/.test(c)) i += 3;
    else if (b && dateSep(s1) && a.length <= 2 && b.length <= 2 && dayMonth(a, b)) i += 2;
    else if (b && s1 === ':' && Number(a) <= 23 && /^[0-5]\d$/.test(b)) i += 2;
    else if (i === groups.length - 1 && Number(a) <= 23 && /^\s?h/i.test(after)) i += 1;
    else return false;
  }
  return true;
}

/**
 * The phone, premium-rate and short numbers of a normalised `text`, in order, not overlapping.
 *
 * @remarks
 * Pure. Kept: dates, times, amounts, ages, street numbers, postcodes (`13140`), emergency
 * numbers (`15`, `112`). A 4-digit number starting with 3 is taken only after a word such as
 * "appelez" or "composez", or when it is a 36 xx number; `118 xxx` always.
 */
export function findPhones(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(RUN)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    const before = text.slice(Math.max(0, start - 30), start);
    const kind = classify(raw, raw.replace(/\D/g, ''), before, text.slice(end, end + 12));
    if (kind) found.push({ start, end, kind });
  }
  for (const match of text.matchAll(SPELLED)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!found.some((other) => other.start < end && start < other.end))
      found.push({ start, end, kind: 'phone' });
  }
  return found.sort((a, b) => a.start - b.start);
}
