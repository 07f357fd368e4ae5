/**
 * After "supprimer mes données", the bot's own state about the resident must go too.
 *
 * @remarks
 * The privacy dialog marks the turn; {@link MainDialog.run} deletes the dialog state, and
 * the bot reads {@link stateDeletionRequested} to clear its user and conversation state.
 */
import type { TurnContext } from 'botbuilder';

const KEY = Symbol('stateDeletionRequested');

/** Marks this turn: the resident's data was deleted. */
export function requestStateDeletion(context: TurnContext): void {
  context.turnState.set(KEY, true);
}

/** True when the resident's data was deleted during this turn. */
export function stateDeletionRequested(context: TurnContext): boolean {
  return context.turnState.get(KEY) === true;
}
