/**
 * The other parts of a home address in the tokens of a text (see `homeAddresses.ts`): the
 * anchors besides streets (a building, staircase or flat with its id, a door code, an intercom
 * name) and the attachments (a floor, a door, a postcode), removed only with an anchor.
 */
import {
  BUILDING,
  CODE_FILLER,
  CODE_WORDS,
  DOOR_SIDES,
  ORDINAL,
  ORDINAL_WORDS,
  PARTICLES,
  POSTCODE,
  STOP,
} from './homeAddressWords';
import { afterDot, word, type Part, type Token } from './homeAddressTokens';

/** `bat C`, `bâtiment 4`, `escalier 2`, `appt 14`, `bat. B2`. */
export function building(tokens: readonly Token[], index: number): Part | null {
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
export function doorCode(tokens: readonly Token[], index: number): Part | null {
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
export function floor(tokens: readonly Token[], index: number): Part | null {
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
export function door(tokens: readonly Token[], index: number): Part | null {
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
export function postcode(tokens: readonly Token[], index: number): Part | null {
  if (!POSTCODE.test(word(tokens, index))) return null;
  const town = tokens[index + 1];
  const named = town !== undefined && /^\p{Lu}/u.test(town.raw);
  return { first: index, next: index + (named ? 2 : 1), anchor: false };
}
