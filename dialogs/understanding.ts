/**
 * How sure the understanding must be before the dialogs act on it (the understanding of
 * a turn is computed once, see `Turn` in ./turn.ts).
 */
import type { Activity } from 'botbuilder';
import { readPayload, readText } from './payload';
import type { NluPort, Understanding } from './ports';

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

/** What the NLU makes of the typed text of `activity`; null for a tap (payload) or no text. */
export function understandingOf(
  activity: Partial<Activity>,
  nlu: Pick<NluPort, 'understand'>,
): Understanding | null {
  const text = readText(activity);
  return text && !readPayload(activity) ? nlu.understand(text) : null;
}
