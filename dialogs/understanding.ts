/**
 * The understanding of the current message, computed once per turn.
 */
import type { TurnContext } from 'botbuilder';
import type { NluPort, Understanding } from './deps';
import { readPayload, readText } from './payload';

/**
 * Below this intent (or typed category) confidence the bot asks instead of guessing.
 *
 * @remarks
 * `npm run nlu:eval`: the Bayes classifiers are about calibrated (mean confidence 67 % for
 * 70 % intent accuracy, 70 % for 75 % on categories), so under one half a guess is more
 * likely wrong than right.
 */
export const CONFIDENCE_THRESHOLD = 0.5;

/**
 * The category read from the first message is kept without asking only above this
 * confidence: a wrong one would skip a question silently ("je propose mon aide" scores a
 * category at 0.63), while asking costs one tap.
 */
export const CATEGORY_CARRY_THRESHOLD = 0.8;

const CACHE_KEY = Symbol('understanding');

/** What the NLU made of the typed text of this turn; null for a tap (payload) or no text. */
export function understandTurn(context: TurnContext, nlu: NluPort): Understanding | null {
  const cached: unknown = context.turnState.get(CACHE_KEY);
  if (cached !== undefined) return cached as Understanding | null;
  const text = readText(context.activity);
  const understanding = text && !readPayload(context.activity) ? nlu.understand(text) : null;
  context.turnState.set(CACHE_KEY, understanding);
  return understanding;
}
