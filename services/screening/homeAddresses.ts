/**
 * Home addresses in a normalised text (see `unicode.ts`): a street with or without a house
 * number, a residence or building, a door code, and the floor, door and postcode written
 * next to them. What it finds is taken out of the text other people read (the bot promises
 * "Votre adresse n'est jamais montrée": only the neighbourhood is).
 *
 * @remarks
 * The text is cut into words and each word is read in its place. Parts are of two sorts:
 * - anchors, which point to a home on their own: a house number and a street of any type
 *   (`5 rue des Lilas`, `12 bis, av. Jean Jaurès`, `au 3 de la place…`); a named street
 *   without number (`j'habite rue des lilas`) unless a determiner comes before the street
 *   word (`la place du marché`, `sur le chemin de l'école`, `en route`, `sur place` are
 *   talk about a place, kept); a residence, estate or cité with a name (`résidence les
 *   Oliviers`, `lotissement Le Clos`), except the neighbourhood names shown anyway (Cité
 *   Jardins, Cité Mercure); a building, staircase, entrance or flat with its letter or number
 *   (`bat C`, `escalier 2`, `appt 14`); a door code (`code 1234B`, `digicode : 45A12`),
 *   an intercom name (`interphone Martin`).
 * - attachments, which say nothing of where a home is on their own: a floor (`2e étage`,
 *   `au 3eme`, `rdc`), a door (`porte gauche`, `porte 3`), a postcode (`13140`). They are
 *   removed with an anchor they touch (separated only by spaces, commas, dashes, `et`),
 *   kept alone: "3e étage sans ascenseur" tells a helper about the stairs, not the home.
 * Grades (`du CP à la 5e`, `en 6e`), times (`le 2 à 14h`), quantities (`2 paquets`), dates
 * and amounts are none of these and come out as typed. A street name ends at punctuation, a
 * digit, a common word (pronouns, verbs of the message, days, times…) or after four name
 * words. Linear in the length of the text.
 */

import {
  STREET_TYPES,
  STRONG_TYPES,
  NUMBERED_ONLY,
  HOME_GROUPS,
  NEIGHBOURHOOD_NAMES,
  DETERMINERS,
  HOME_VERBS,
  PARTICLES,
  STOP,
  BUILDING,
  CODE_WORDS,
  CODE_FILLER,
  ORDINAL,
  ORDINAL_WORDS,
  HOUSE_NUMBER,
  NUMBER_SUFFIX,
  POSTCODE,
  DOOR_SIDES,
  JOINERS,
  MONTHS,
} from './homeAddressWords';

/** A span of the text to take out. */
export interface AddressSpan {
  start: number;
  end: number;
}

interface Token {
  /** Lower case, accents removed. */
  word: string;
  /** As typed. */
  raw: string;
  start: number;
  end: number;
}

interface Part {
  first: number;
  /** Index of the token after the part. */
  next: number;
  anchor: boolean;
}

const TOKEN = /[\p{L}\p{N}]+|\S/gu;

/** The home addresses of `text`, in order, not overlapping. */
export function findHomeAddresses(text: string): AddressSpan[] {
  const tokens = tokenize(text);
  const parts: Part[] = [];
  let index = 0;
  while (index < tokens.length) {
    const part = partAt(tokens, index);
    if (part) {
      parts.push(part);
      index = part.next;
    } else index += 1;
  }
  return group(tokens, parts);
}

/** Words and punctuation with their places; folding keeps one character per character. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const word = Array.from(raw, (char) => char.normalize('NFD').charAt(0).toLowerCase()).join('');
    tokens.push({ word, raw, start: match.index, end: match.index + raw.length });
  }
  return tokens;
}

/** The part that starts at `index`, if any. */
function partAt(tokens: readonly Token[], index: number): Part | null {
  return (
    numberedStreet(tokens, index) ??
    namedStreet(tokens, index) ??
    building(tokens, index) ??
    doorCode(tokens, index) ??
    floor(tokens, index) ??
    door(tokens, index) ??
    postcode(tokens, index)
  );
}

const word = (tokens: readonly Token[], index: number): string => tokens[index]?.word ?? '';
/** Skips a dot right after an abbreviation (`av.`, `bât.`). */
const afterDot = (tokens: readonly Token[], index: number): number =>
  word(tokens, index) === '.' ? index + 1 : index;

/** `[n°] 12 [bis] [,] [de la] rue …`. */
function numberedStreet(tokens: readonly Token[], index: number): Part | null {
  let at = index;
  const first = at;
  if (['n', 'no', 'numero', 'num'].includes(word(tokens, at))) {
    at += 1;
    if (word(tokens, at) === '°' || word(tokens, at) === '.') at += 1;
  }
  if (!HOUSE_NUMBER.test(word(tokens, at))) return null;
  at += 1;
  if (NUMBER_SUFFIX.has(word(tokens, at)) && STREET_TYPES.has(word(tokens, afterComma(tokens, at + 1))))
    at += 1;
  at = afterComma(tokens, at);
  if (word(tokens, at) === 'de' && ['la', 'l'].includes(word(tokens, at + 1)))
    at += word(tokens, at + 1) === 'l' ? 3 : 2;
  else if (word(tokens, at) === 'du') at += 1;
  const type = word(tokens, at);
  if (!STREET_TYPES.has(type)) return null;
  const nameStart = afterDot(tokens, at + 1);
  const next = streetName(tokens, nameStart);
  // `1 place pour samedi`, `2 lot de…`: only a street proper may go without its name.
  if (!STRONG_TYPES.has(type) && !hasNameWord(tokens, nameStart, next)) return null;
  return { first, next, anchor: true };
}

function afterComma(tokens: readonly Token[], index: number): number {
  return word(tokens, index) === ',' ? index + 1 : index;
}

/** `rue des Lilas`, `résidence les Oliviers`: a street word with a name, in its place. */
function namedStreet(tokens: readonly Token[], index: number): Part | null {
  const type = word(tokens, index);
  if (!STREET_TYPES.has(type)) return null;
  const group = HOME_GROUPS.has(type);
  if (NUMBERED_ONLY.has(type) && !group) return null;
  const nameStart = afterDot(tokens, index + 1);
  if (group) {
    const name = tokens[nameStart];
    const particle = ['les', 'le', 'la', 'du', 'des', 'de', 'l'].includes(word(tokens, nameStart));
    const capital = name !== undefined && /^\p{Lu}/u.test(name.raw);
    if (!particle && !capital) return null;
    if (type === 'cite' && NEIGHBOURHOOD_NAMES.has(word(tokens, nameStart + (particle ? 1 : 0)))) return null;
  } else {
    const before = word(tokens, index - 1);
    const homeVerb = HOME_VERBS.has(word(tokens, index - 2)) || HOME_VERBS.has(word(tokens, index - 3));
    if (DETERMINERS.has(before) && !homeVerb) return null;
  }
  const next = streetName(tokens, nameStart);
  if (!hasNameWord(tokens, nameStart, next)) return null;
  return { first: index, next: trailingNumber(tokens, next), anchor: true };
}

/** The index after `n° 12`, `numéro 7`, `n 7` written after a street's name, if written. */
function trailingNumber(tokens: readonly Token[], index: number): number {
  let at = afterComma(tokens, index);
  if (!['n', 'no', 'numero', 'num'].includes(word(tokens, at))) return index;
  at += 1;
  if (word(tokens, at) === '°' || word(tokens, at) === '.') at += 1;
  return HOUSE_NUMBER.test(word(tokens, at)) ? at + 1 : index;
}

/** The index after a street's name: up to four name words and their particles. */
function streetName(tokens: readonly Token[], index: number): number {
  let at = index;
  let names = 0;
  let end = index;
  while (at < tokens.length && at - index < 10) {
    const current = word(tokens, at);
    if (PARTICLES.has(current)) {
      at += 1;
      continue;
    }
    // A date in a name: `rue du 8 mai 1945`.
    if (/^\d{1,2}(?:er)?$/.test(current) && MONTHS.has(word(tokens, at + 1)) && names < 4) {
      at += /^\d{4}$/.test(word(tokens, at + 2)) ? 3 : 2;
      names += 1;
      end = at;
      continue;
    }
    if (!/^\p{L}+$/u.test(current) || STOP.has(current) || STREET_TYPES.has(current) || names === 4) break;
    names += 1;
    at += 1;
    end = at;
  }
  return end;
}

function hasNameWord(tokens: readonly Token[], from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) if (!PARTICLES.has(word(tokens, at))) return true;
  return false;
}

/** `bat C`, `bâtiment 4`, `escalier 2`, `appt 14`, `bat. B2`. */
function building(tokens: readonly Token[], index: number): Part | null {
  if (!BUILDING.has(word(tokens, index))) return null;
  let at = afterDot(tokens, index + 1);
  if (['n', 'no'].includes(word(tokens, at)) && word(tokens, at + 1) === '°') at += 2;
  else if (word(tokens, at) === ':' || word(tokens, at) === '°') at += 1;
  const id = tokens[at];
  if (!id) return null;
  const letter = /^[b-df-xz]$/.test(id.word) || /^\p{Lu}$/u.test(id.raw);
  if (!letter && !/^(?:\d{1,4}[a-z]?|[a-z]\d{1,3})$/.test(id.word)) return null;
  // `il bat 3 oeufs`: a building's letter or number ends the phrase or comes before another part.
  const after = word(tokens, at + 1);
  if (/^\p{L}/u.test(after) && !STOP.has(after) && !PARTICLES.has(after)) return null;
  return { first: index, next: at + 1, anchor: true };
}

/** `code 1234B`, `digicode : 45A12`, `le code de la porte c'est 1234`, `interphone Martin`. */
function doorCode(tokens: readonly Token[], index: number): Part | null {
  const current = word(tokens, index);
  if (current === 'interphone') {
    const name = tokens[index + 1];
    if (name && (/^\p{Lu}/u.test(name.raw) || /\d/.test(name.word)))
      return { first: index, next: index + 2, anchor: true };
    return null;
  }
  if (!CODE_WORDS.has(current) || word(tokens, index + 1) === 'postal') return null;
  let at = index + 1;
  while (at < tokens.length && at - index <= 6 && CODE_FILLER.has(word(tokens, at))) at += 1;
  const code = word(tokens, at);
  if (!/\d/.test(code) || code.length < 3 || code.length > 10 || !/^[a-z0-9]+$/.test(code)) return null;
  at += 1;
  while (
    ['#', '*'].includes(word(tokens, at)) ||
    (/^[a-z]$/.test(word(tokens, at)) && word(tokens, at) !== 'a')
  )
    at += 1;
  return { first: index, next: at, anchor: true };
}

/** `2e étage`, `étage 3`, `au 3eme`, `rdc`, `rez-de-chaussée`. */
function floor(tokens: readonly Token[], index: number): Part | null {
  const current = word(tokens, index);
  if (current === 'rdc') return { first: index, next: index + 1, anchor: false };
  if (current === 'rez') {
    // `rez-de-chaussée` or `rez de chaussée`.
    const hyphens = word(tokens, index + 1) === '-' ? 1 : 0;
    const last = index + 2 + 2 * hyphens;
    const de = word(tokens, index + 1 + hyphens) === 'de';
    if (de && word(tokens, last).startsWith('chauss')) return { first: index, next: last + 1, anchor: false };
  }
  if (current === 'etage' && /^\d{1,2}$/.test(word(tokens, index + 1)))
    return { first: index, next: index + 2, anchor: false };
  const ordinal = ORDINAL.test(current) || ORDINAL_WORDS.has(current);
  if (!ordinal) return null;
  if (word(tokens, index + 1) === 'etage')
    return { first: index, next: withSide(tokens, index + 2), anchor: false };
  const next = tokens[index + 1];
  const bare =
    next === undefined ||
    !/^\p{L}/u.test(next.word) ||
    (STOP.has(next.word) && !['a', 'au'].includes(next.word));
  if (word(tokens, index - 1) === 'au' && ORDINAL.test(current) && bare) {
    return { first: index - 1, next: withSide(tokens, index + 1), anchor: false };
  }
  return null;
}

/** The index after `à gauche`, `à droite`, `au fond` right after a floor, if written. */
function withSide(tokens: readonly Token[], index: number): number {
  const side = word(tokens, index + 1);
  return ['a', 'au'].includes(word(tokens, index)) && DOOR_SIDES.has(side) ? index + 2 : index;
}

/** `porte gauche`, `porte de droite`, `porte 3`, `porte B`. */
function door(tokens: readonly Token[], index: number): Part | null {
  if (word(tokens, index) !== 'porte') return null;
  let at = index + 1;
  if (['de', 'du', 'en', 'a'].includes(word(tokens, at))) at += 1;
  const side = tokens[at];
  if (!side) return null;
  if (DOOR_SIDES.has(side.word) || /^\d{1,3}$/.test(side.word) || /^\p{Lu}$/u.test(side.raw)) {
    return { first: index, next: at + 1, anchor: false };
  }
  return null;
}

/** `13140` and the town after it. */
function postcode(tokens: readonly Token[], index: number): Part | null {
  if (!POSTCODE.test(word(tokens, index))) return null;
  const town = tokens[index + 1];
  const named = town !== undefined && /^\p{Lu}/u.test(town.raw);
  return { first: index, next: index + (named ? 2 : 1), anchor: false };
}

/** Touching parts joined; the groups with an anchor, as spans of the text. */
function group(tokens: readonly Token[], parts: readonly Part[]): AddressSpan[] {
  const spans: AddressSpan[] = [];
  let current: Part[] = [];
  const flush = (): void => {
    if (current.some((part) => part.anchor)) {
      const first = tokens[current[0].first];
      const last = tokens[current[current.length - 1].next - 1];
      spans.push({ start: first.start, end: last.end });
    }
    current = [];
  };
  for (const part of parts) {
    const previous = current[current.length - 1];
    if (previous && !joined(tokens, previous.next, part.first)) flush();
    current.push(part);
  }
  flush();
  return spans;
}

/** Only joiners (commas, dashes, `et`, `puis`, `c'est`, `au`, `à`) between two parts. */
function joined(tokens: readonly Token[], from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let at = from; at < to; at += 1) {
    const current = word(tokens, at);
    if (!JOINERS.has(current)) return false;
  }
  return true;
}
