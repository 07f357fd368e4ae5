/**
 * Streets in the tokens of a text: a house number and a street of any type, or a street,
 * residence or estate named without number where it stands for a home (see `homeAddresses.ts`).
 */
import {
  DETERMINERS,
  HOME_GROUPS,
  HOME_VERBS,
  HOUSE_NUMBER,
  MONTHS,
  NEIGHBOURHOOD_NAMES,
  NUMBER_SUFFIX,
  NUMBERED_ONLY,
  PARTICLES,
  STOP,
  STREET_TYPES,
  STRONG_TYPES,
} from './homeAddressWords';
import { afterDot, word, type Part, type Token } from './homeAddressTokens';

/** `[n°] 12 [bis] [,] [de la] rue …`. */
export function numberedStreet(tokens: readonly Token[], index: number): Part | null {
  const first = index;
  let at = afterNumberSign(tokens, index);
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

/** Skips `n°`, `no.`, `numéro`, `num` before a house number, if written. */
function afterNumberSign(tokens: readonly Token[], index: number): number {
  if (!['n', 'no', 'numero', 'num'].includes(word(tokens, index))) return index;
  const sign = word(tokens, index + 1);
  return sign === '°' || sign === '.' ? index + 2 : index + 1;
}

/** Skips a comma. */
function afterComma(tokens: readonly Token[], index: number): number {
  return word(tokens, index) === ',' ? index + 1 : index;
}

/** `rue des Lilas`, `résidence les Oliviers`: a street word with a name, in its place. */
export function namedStreet(tokens: readonly Token[], index: number): Part | null {
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
  const sign = afterComma(tokens, index);
  const at = afterNumberSign(tokens, sign);
  if (at === sign) return index;
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

/** Whether a word other than a particle stands between `from` and `to`. */
function hasNameWord(tokens: readonly Token[], from: number, to: number): boolean {
  for (let at = from; at < to; at += 1) if (!PARTICLES.has(word(tokens, at))) return true;
  return false;
}
