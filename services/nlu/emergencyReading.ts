/**
 * How the emergency rules read a message: the resident's own words, plus a reading with SMS
 * forms and misspelt emergency words put right.
 *
 * @remarks
 * The rules must not depend on the classifiers' typo corrector (it once turned "vient" into
 * "violent"), but they must read "jveu mourir", "mon fr é incosient" or "ma mere a fait une
 * chutte". So they read two texts:
 * - `raw`: `normalizeText` of the words as written;
 * - `corrected`: the same, where a few SMS and spoken forms are first written in full
 *   ({@link RULE_SPELLINGS}: "jvé", "veu", "plu", "é", "reum"...), and a word that is not
 *   French (not in the dictionary) and is one or two edits away from a word of
 *   {@link EMERGENCY_LEXICON} becomes that word. A French word is never rewritten, and
 *   nothing but an emergency word is ever produced, so no ordinary word can turn into one.
 */
import { frenchWords, type WordList } from './dictionary';
import { expandToken, foldAccents, rawTokens } from './normalize';
import { RULE_SPELLINGS } from './ruleSpellings';
import { SMS_EXPANSIONS } from './sms';
import { detectLanguage } from './language';

export { RULE_SPELLINGS } from './ruleSpellings';

/**
 * The words a misspelling may be read as: only words the rules look for, at least five
 * letters long, so that one edit rarely lands on them by chance.
 */
export const EMERGENCY_LEXICON: readonly string[] = [
  'inconscient',
  'inconsciente',
  'respirer',
  'respire',
  'respiration',
  'poitrine',
  'douleur',
  'thorax',
  'suicider',
  'suicide',
  'pendre',
  'etouffe',
  'etouffer',
  'chute',
  'tombee',
  'tomber',
  'cassee',
  'saigne',
  'saignement',
  'evanoui',
  'evanouie',
  'convulse',
  'appartement',
  'immeuble',
  'incendie',
  'brule',
  'asthme',
  'agresse',
  'agressee',
  'agression',
  'frappe',
  'frapper',
  'frappee',
  'tabasse',
  'medicaments',
  'medicament',
  'comprimes',
  'somniferes',
  'deboucheur',
  'detergent',
  'lessive',
  'mourir',
  'reveiller',
  'defenestrer',
  'veines',
  'couteau',
  'etrangle',
  'paralyse',
  'paralysee',
  'reagit',
  'repond',
  'fumee',
  'flammes',
  'avale',
  'javel',
  'fuite',
  'essouffle',
  'torse',
  'travers',
  'disparaitre',
  'convulsions',
  'secousses',
  'epileptique',
  'diabetique',
  'overdose',
  'cloques',
  'bouillante',
];

/** Lexicon words by first letter, for the fuzzy look-up. */
const BY_INITIAL = new Map<string, string[]>();
for (const word of EMERGENCY_LEXICON) {
  const bucket = BY_INITIAL.get(word.charAt(0)) ?? [];
  bucket.push(word);
  BY_INITIAL.set(word.charAt(0), bucket);
}

/** Shorter tokens are never read as another word. */
const MIN_FUZZY_LENGTH = 5;

/** Optimal string alignment distance (Levenshtein with adjacent swaps), stopping past `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous = before;
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2] + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/**
 * Tokens already read, per word list: a message's words are mostly the same few thousand, and
 * the dictionary look-up with the edit distances is the costliest step of reading.
 */
const READ_TOKENS = new WeakMap<WordList, Map<string, string>>();
const MAX_READ_TOKENS = 50_000;

/** The emergency word a non-French token stands for, or the token itself (memoised). */
function readToken(token: string, dictionary: WordList): string {
  if (token.length < MIN_FUZZY_LENGTH) return token;
  let memo = READ_TOKENS.get(dictionary);
  if (memo === undefined) {
    memo = new Map();
    READ_TOKENS.set(dictionary, memo);
  }
  let read = memo.get(token);
  if (read === undefined) {
    read = readUnknownToken(token, dictionary);
    if (memo.size >= MAX_READ_TOKENS) memo.clear();
    memo.set(token, read);
  }
  return read;
}

/** {@link readToken} without its memo. */
function readUnknownToken(token: string, dictionary: WordList): string {
  if (/\d/.test(token) || dictionary.has(token)) return token;
  const limit = token.length >= 9 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const word of BY_INITIAL.get(token.charAt(0)) ?? []) {
    const distance = editDistance(token, word, limit);
    if (distance < bestDistance) {
      best = word;
      bestDistance = distance;
    }
  }
  return best ?? token;
}

/** Letters that stand for an elided word ("j", "n", "qu"...) when the apostrophe is left out. */
const ELIDED = /^(?:(qu|[jlndmts])([aeiouy].*)|([ldj])(h.*)|(c)(e.*))$/;

/** Short second parts that are read; other parts need four letters ("side" is no "s'ide"). */
const SHORT_PARTS = new Set(['est', 'ete', 'ont', 'ait', 'une', 'ils', 'eux', 'ecris']);

/**
 * A word typed without its apostrophe ("narrive", "sest", "lannee", "dhier", "jecris") in
 * its two parts ("n arrive"), in a French sentence, when it is neither French itself nor a
 * misspelt emergency word, and its second part is French (four letters at least, or "est"...): the
 * rules then read "ne arrive pas a la reveiller" and "la annee derniere". It cuts only
 * what was written, so no emergency word can come out of an ordinary one.
 */
function splitElision(token: string, dictionary: WordList): string[] {
  const parts = ELIDED.exec(token)?.filter((part): part is string => part !== undefined);
  if (parts === undefined) return [token];
  const [, elided, word] = parts;
  if (word.length < 4 && !SHORT_PARTS.has(word)) return [token];
  if (!dictionary.has(word) || dictionary.has(token) || readToken(token, dictionary) !== token)
    return [token];
  return [elided, word];
}

/** The two texts the emergency rules read (see the module's remarks). */
export interface RuleReading {
  readonly raw: string;
  readonly corrected: string;
}

/**
 * Reads one sentence for the rules.
 *
 * @param sentence - part of the message as written (punctuation already cut).
 * @param dictionary - the French words never rewritten; the dictionary by default.
 */
export function readForRules(sentence: string, dictionary: WordList = frenchWords()): RuleReading {
  // The rules and the safety model read the same sentences of one message: the last few
  // readings are kept.
  const memo = RECENT_READINGS.get(dictionary);
  const known = memo?.get(sentence);
  if (known !== undefined) return known;
  const reading = readSentence(sentence, dictionary);
  if (memo === undefined) RECENT_READINGS.set(dictionary, new Map([[sentence, reading]]));
  else {
    if (memo.size >= MAX_RECENT_READINGS) memo.delete(memo.keys().next().value as string);
    memo.set(sentence, reading);
  }
  return reading;
}

/** The last sentences read, per word list (a message has rarely more than a dozen). */
const RECENT_READINGS = new WeakMap<WordList, Map<string, RuleReading>>();
const MAX_RECENT_READINGS = 32;

/** {@link readForRules} without its memo. */
function readSentence(sentence: string, dictionary: WordList): RuleReading {
  // The language is read only when a word might have lost its apostrophe (most messages have none).
  let english: boolean | undefined;
  const tokens = rawTokens(foldAccents(sentence)).flatMap((token) => {
    if (RULE_SPELLINGS[token] !== undefined || SMS_EXPANSIONS[token] !== undefined) return [token];
    const parts = splitElision(token, dictionary);
    if (parts.length === 1) return parts;
    english ??= detectLanguage(sentence) === 'en';
    return english ? [token] : parts;
  });
  const raw = tokens.flatMap(expandToken).join(' ');
  const corrected = tokens
    .flatMap((token) => {
      const spelt = RULE_SPELLINGS[token];
      return spelt === undefined ? expandToken(readToken(token, dictionary)) : spelt.split(' ');
    })
    .join(' ');
  return { raw, corrected };
}
