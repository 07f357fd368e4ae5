/**
 * What the Messenger adapter hands to the rest of a turn it runs: the one `turnState` key it owns.
 */
import type { TurnContext } from 'botbuilder';
import type { TurnCalls } from '../../services/outbox/outbox';

/** The turn the Messenger adapter runs for one inbox event. */
export interface MessengerTurn {
  /** The inbox key of the event (the turn guard remembers it in the conversation state). */
  readonly eventKey: string;
  /** The calls of the turn: the adapter's sends go through them (journaled under the event's key). */
  readonly calls: TurnCalls;
}

/** Key of `turnState` under which the Messenger adapter puts the {@link MessengerTurn}; nothing else writes it. */
export const MESSENGER_TURN = Symbol('voisins.messengerTurn');

/** Puts `turn` in the context (the adapter does, before running the middleware and the bot). */
export function setMessengerTurn(context: TurnContext, turn: MessengerTurn): void {
  context.turnState.set(MESSENGER_TURN, turn);
}

/** The Messenger turn of `context`; undefined on other channels and in proactive turns. */
export function messengerTurnOf(context: TurnContext): MessengerTurn | undefined {
  return context.turnState.get<MessengerTurn | undefined>(MESSENGER_TURN);
}
