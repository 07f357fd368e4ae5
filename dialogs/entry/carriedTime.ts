/**
 * The time the first message gives: "j'ai besoin de quelqu'un pour mes courses demain matin"
 * already answers the form's "Quand ?", and asking it again makes the resident repeat it.
 * The words are found with the form's own reading of time answers (`whenPatterns` in
 * ./answers.ts) and kept as the resident wrote them ("samedi après-midi", "tous les mardis").
 * A moment told in the past ("je suis tombée ce matin") is when something happened, not when
 * help is wanted, and is not carried.
 */
import { normalize } from '../keywords';
import { whenPatterns } from './answers';

/** A word of the message as `normalize` writes it, with where it was written. */
interface Word {
  text: string;
  /** Offsets of the written token it comes from ("après-midi" gives two words of one token). */
  start: number;
  end: number;
}

/** Words between two moments that make one expression: "samedi matin de 9h à 12h", "mardi ou jeudi". */
const JOINING = new Set([
  'de',
  'a',
  'et',
  'ou',
  'le',
  'la',
  'les',
  'l',
  'vers',
  'entre',
  'jusqu',
  'au',
  'sinon',
]);
/** Words before a moment that belong to it: "le samedi", "vers 10h", "dès demain". */
const BEFORE = new Set([
  'le',
  'la',
  'les',
  'l',
  'ce',
  'cette',
  'cet',
  'vers',
  'des',
  'entre',
  'avant',
  'apres',
]);
/** Words after a moment that belong to it: "lundi prochain". */
const AFTER = new Set(['prochain', 'prochaine', 'prochains', 'prochaines']);
/** Most words joining two moments. */
const MAX_GAP = 2;

/** A past tense just before the moment: "je suis tombée ce matin", "il a fait un malaise hier soir". */
const PAST =
  /\b(suis|est|es|sommes|sont|ai|a|as|avons|avez|ont|etait|avait) (\w+ )?(\w+(e|ee|es|ees|i|is|u|ue|us)|fait|faite|pris|mis|dit|eu|ete)$/;
/** Words ending like a participle that are not one: "je suis libre samedi". */
const NOT_PAST = /\b(libre|libres|disponible|disponibles|seule?|malade|presente?|besoin|envie|la|pas)$/;
/** Told as gone by: "depuis ce matin", "depuis l'orage de samedi", "hier soir". */
const GONE_BY = /\bdepuis\b|\bhier$/;
/** The same after the moment: "la semaine dernière", "samedi passé". */
const GONE_BY_AFTER = /^(dernier|derniere|passe|passee)$/;

/**
 * Words that say how soon rather than when ("il est à la maison maintenant"): the form's
 * urgency question reads them; alone, they are not carried as the time.
 */
const ONLY_SOON =
  /^(maintenant|tout de suite|immediatement|le plus (vite|tot) possible|au plus (vite|tot)|des que possible|asap)$/;

/** The message's words, normalised, each with its place in the written text. */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const token of text.matchAll(/\S+/g)) {
    const start = token.index;
    const end = start + token[0].length;
    for (const part of normalize(token[0]).split(' ')) if (part) words.push({ text: part, start, end });
  }
  return words;
}

/** The [first, last] word indexes of each expression that says when. */
function momentsIn(words: readonly Word[]): [number, number][] {
  const joined = words.map((word) => word.text).join(' ');
  // The word index at each character of `joined`.
  const wordAt: number[] = [];
  words.forEach((word, index) => wordAt.push(...Array<number>(word.text.length + 1).fill(index)));
  const found: [number, number][] = [];
  for (const pattern of whenPatterns()) {
    for (const match of joined.matchAll(pattern)) {
      if (match[0].length === 0) continue;
      found.push([wordAt[match.index] ?? 0, wordAt[match.index + match[0].length - 1] ?? 0]);
    }
  }
  return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Moments next to each other, or joined by a few words, make one expression. */
function merged(moments: readonly [number, number][], words: readonly Word[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const [first, last] of moments) {
    const previous = spans.at(-1);
    const gap = previous ? words.slice(previous[1] + 1, first) : [];
    if (previous && gap.length <= MAX_GAP && gap.every((word) => JOINING.has(word.text))) {
      previous[1] = Math.max(previous[1], last);
    } else {
      spans.push([first, last]);
    }
  }
  return spans;
}

/** The span with the words that belong to it on either side. */
function widened([first, last]: [number, number], words: readonly Word[]): [number, number] {
  let start = first;
  let end = last;
  while (start > 0 && BEFORE.has(words[start - 1]?.text ?? '')) start -= 1;
  while (end < words.length - 1 && AFTER.has(words[end + 1]?.text ?? '')) end += 1;
  return [start, end];
}

/** The span's words, normalised. */
function textOf([start, end]: [number, number], words: readonly Word[]): string {
  return words
    .slice(start, end + 1)
    .map((word) => word.text)
    .join(' ');
}

/** True when the words before the span, or the one after, tell it as past. */
function toldAsPast([start, end]: [number, number], words: readonly Word[]): boolean {
  const before = words
    .slice(Math.max(0, start - 4), start)
    .map((word) => word.text)
    .join(' ');
  const next = words[end + 1]?.text ?? '';
  return (PAST.test(before) && !NOT_PAST.test(before)) || GONE_BY.test(before) || GONE_BY_AFTER.test(next);
}

/**
 * When the first message says help is wanted or offered, in the resident's own words
 * ("demain matin", "samedi après-midi", "tous les mardis"); undefined when it names no time,
 * or only a moment gone by.
 */
export function carriedTime(firstMessage: string | undefined): string | undefined {
  const text = firstMessage ?? '';
  const words = wordsOf(text);
  const spans = merged(momentsIn(words), words)
    .map((span) => widened(span, words))
    .filter((span) => !toldAsPast(span, words) && !ONLY_SOON.test(textOf(span, words)));
  if (spans.length === 0) return undefined;
  const said = spans.map(([start, end]) =>
    text
      .slice(words[start]?.start ?? 0, words[end]?.end ?? 0)
      .replace(/[\s,;:.!?)]+$/, '')
      .replace(/^[\s(]+/, ''),
  );
  return said.join(', ');
}
