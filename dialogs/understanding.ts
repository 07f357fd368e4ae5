/**
 * The understanding of the current message, computed once per turn.
 */
import type { TurnContext } from 'botbuilder';
import type { NluPort, Understanding } from './deps';
import { readText } from './payload';

/**
 * Below this intent or category confidence the bot asks instead of guessing.
 *
 * @remarks
 * The NLU's probabilities are tempered; on its held-out set most wrong answers score
 * under one half, so 0.5 trades few wrong guesses for a few more questions.
 */
export const CONFIDENCE_THRESHOLD = 0.5;

const CACHE_KEY = Symbol('understanding');

/** What the NLU made of the typed text of this turn, or null when there is no typed text. */
export function understandTurn(context: TurnContext, nlu: NluPort): Understanding | null {
  const cached: unknown = context.turnState.get(CACHE_KEY);
  if (cached !== undefined) return cached as Understanding | null;
  const text = readText(context.activity);
  const understanding = text ? nlu.understand(text) : null;
  context.turnState.set(CACHE_KEY, understanding);
  return understanding;
}
