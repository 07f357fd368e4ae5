/**
 * Guards a turn against being run twice on the state it already advanced.
 */
import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';

/** Key of `turnState` under which the adapter puts the inbox key of the event being processed. */
export const EVENT_KEY_STATE = 'voisins.messengerEventKey';

/** How many processed event keys the conversation state remembers. */
const REMEMBERED = 32;

/** The inbox key of the event this turn processes, if it comes from the inbox. */
export function eventKeyOf(context: TurnContext): string | undefined {
  const key: unknown = context.turnState.get(EVENT_KEY_STATE);
  return typeof key === 'string' ? key : undefined;
}

/**
 * Remembers, inside the conversation state itself, the keys of the last events whose turn
 * was saved.
 *
 * @remarks
 * The key is written by the same storage write as the dialog state, so either both the
 * advanced state and the key are saved or neither is. A replay of an event whose state was
 * saved (the process died before the inbox marked it done) is then recognised and skipped
 * instead of being run again on the advanced state.
 */
export class TurnGuard {
  private readonly processed: StatePropertyAccessor<string[]>;

  constructor(conversationState: BotState) {
    this.processed = conversationState.createProperty<string[]>('ProcessedEventKeys');
  }

  /**
   * True when this turn's event was already applied to the saved state (skip the turn);
   * otherwise records its key in the state the turn will save.
   */
  async alreadyApplied(context: TurnContext): Promise<boolean> {
    const key = eventKeyOf(context);
    if (key === undefined) return false;
    const keys = await this.processed.get(context, []);
    if (keys.includes(key)) return true;
    await this.processed.set(context, [...keys, key].slice(-REMEMBERED));
    return false;
  }
}
