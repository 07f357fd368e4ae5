/**
 * The first message as the entry's description: "bonjour, j'ai besoin de quelqu'un pour
 * porter mes courses samedi, je ne peux plus porter les packs d'eau" already says what the
 * form's description question asks, and asking it again makes the resident type it twice.
 * A bare request ("j'ai besoin d'aide pour les courses") says nothing more than its category
 * and is not carried: the question is asked.
 */

import { normalize } from '../keywords';
import { withoutRelatives } from './answers';

/** Greetings and sign-offs a message may open with, left out of the description. */
const OPENING = /^\s*(?:(?:bonjour|bonsoir|salut|coucou|hello|hi|bjr|slt|cc)\b[\s,.!;:-]*)+/i;

/**
 * Words that carry no detail of the request: articles, pronouns, the request's own framing
 * ("j'ai besoin d'aide", "je propose mon aide", "quelqu'un pour"), politeness. Written
 * as `normalize` writes them (lower case, without accents).
 */
const FRAMING = new Set(
  [
    'a ai aide aider aides au aux avoir avez besoin bonjour bonsoir c ca ce cherche coup d',
    'dans de des du en est et etre help i il j je jai jpeux jvoudrais l la le les main me',
    'merci mes moi mon ma m n ne need offre on ou par peut peux please plait pour pourrais',
    'pourrait propose proposer qu que quelqu quelquun qui s se si sil suis svp stp t te un',
    'une vous voudrais voudrai veux voisin voisins y',
    // Typed as in a text message, and the framing verbs "il me faudrait", "faire".
    'bsoin faire faudrait faut jcherche jpe jpeu jpropose jsuis jveux pr qqn qqun voisine voisines',
  ]
    .join(' ')
    .split(' '),
);

/** Detail words a description needs beyond the framing to be carried. */
const DETAIL_WORDS = 3;

/**
 * The words of `text` that may tell a detail, as `normalize` writes them: a compound
 * ("week-end", "après-midi", "aujourd'hui") is one word, a relative (the form's
 * beneficiary, said back on its own) is left out.
 */
function words(text: string): string[] {
  const joined = normalize(text)
    .replace(/\baujourd hui\b/g, 'aujourdhui')
    .replace(/\b(week|apres) (end|midi)\b/g, '$1$2');
  return withoutRelatives(joined)
    .split(' ')
    .filter((word) => word.length > 0);
}

/**
 * The first message as a description, without its opening greeting; undefined when it says
 * no more than a request of its category (fewer than {@link DETAIL_WORDS} detail words).
 */
export function carriedDescription(firstMessage: string | undefined): string | undefined {
  const text = (firstMessage ?? '').replace(OPENING, '').trim();
  const detail = words(text).filter((word) => !FRAMING.has(word));
  if (detail.length < DETAIL_WORDS) return undefined;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
