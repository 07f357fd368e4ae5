/**
 * Two requests in one message ("je cherche quelqu'un pour les courses et aussi pour imprimer
 * un papier"): the message is cut where a connector joins two clauses, each clause is
 * classified, and a second clause asking for another kind of help is reported.
 */
import type { Scored } from './classifier';
import type { Category, Intent } from './labels';

/** A request besides the first one of a message. */
export interface AlsoRequested {
  readonly intent: 'offer' | 'need';
  readonly category: Category;
}

/** What the clause splitter reads of a clause. */
export interface ClauseClassifiers {
  intent(text: string): Scored<Intent>;
  category(text: string): Scored<Category>;
}

/**
 * Connectors between two requests, longest first: "et aussi", "et puis", "en plus",
 * "mais aussi", "ainsi que", "aussi", "et", and a comma or full stop followed by "aussi".
 */
const CONNECTOR =
  /(?:[,.;]\s*|\s+)(?:et aussi|et puis aussi|et puis|et en plus|en plus|mais aussi|ainsi que|et|aussi)\s+/giu;
/** Fewest letters a clause must have to be a request ("lundi et mardi" has no second request). */
const MIN_CLAUSE_LETTERS = 8;
/** Category confidence each clause needs (a guess on three words is not a request). */
export const CLAUSE_CATEGORY_CONFIDENCE = 0.55;
/** Intent confidence a second clause needs to have its own intent (else the first one's). */
export const CLAUSE_INTENT_CONFIDENCE = 0.6;

/** The message cut at each connector: [before, after] pairs, first cut first. */
export function splitClauses(text: string): [string, string][] {
  const cuts: [string, string][] = [];
  for (const match of text.matchAll(CONNECTOR)) {
    const at = match.index ?? 0;
    const before = text.slice(0, at).trim();
    const after = text.slice(at + match[0].length).trim();
    if (letters(before) >= MIN_CLAUSE_LETTERS && letters(after) >= MIN_CLAUSE_LETTERS)
      cuts.push([before, after]);
  }
  return cuts;
}

/**
 * The second request of a message whose first is `intent` (offer or need): the first cut
 * where both clauses name a kind of help confidently, and different ones. Returns the first
 * clause's category too (what the form starts with).
 */
export function findAlsoRequested(
  text: string,
  intent: 'offer' | 'need',
  classify: ClauseClassifiers,
): { first: Scored<Category>; also: AlsoRequested } | null {
  for (const [before, after] of splitClauses(text)) {
    const first = classify.category(before);
    const second = classify.category(after);
    if (!isConfident(first) || !isConfident(second) || first.label === second.label) continue;
    const own = classify.intent(after);
    const secondIntent =
      (own.label === 'offer' || own.label === 'need') && own.confidence >= CLAUSE_INTENT_CONFIDENCE
        ? own.label
        : intent;
    return { first, also: { intent: secondIntent, category: second.label } };
  }
  return null;
}

function isConfident(category: Scored<Category>): boolean {
  return category.label !== 'other' && category.confidence >= CLAUSE_CATEGORY_CONFIDENCE;
}

function letters(text: string): number {
  return (text.match(/\p{L}/gu) ?? []).length;
}
