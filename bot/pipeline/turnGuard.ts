/**
 * First step of the turn pipeline: guards a turn against being run twice on the state it
 * already advanced.
 */
import type { BotState, Middleware, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { messengerTurnOf } from '../messenger/turn';

/** How many processed event keys the conversation state remembers. */
const REMEMBERED = 32;

/**
 * Remembers, inside the conversation state itself, the keys of the last events whose turn
 * was saved, and skips the rest of the pipeline for a replay of one of them.
 *
 * @remarks
 * The key (the inbox key of a Messenger event, see `MessengerTurn`) is written by the same
 * storage write as the dialog state ({@link StateCommit}, after it in the pipeline), so
 * either both the advanced state and the key are saved or neither is: that conversation
 * state write is the turn's commit point. A replay of an event whose state was saved (the
 * process died before the inbox marked it done) is then recognised and skipped instead of
 * being run again on the advanced state. Turns without an event key are not guarded.
 */
export class TurnGuard implements Middleware {
  private readonly processed: StatePropertyAccessor<string[]>;

  constructor(conversationState: BotState) {
    this.processed = conversationState.createProperty<string[]>('ProcessedEventKeys');
  }

  /** Runs the rest of the turn unless its event was already applied to the saved state. */
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (await this.alreadyApplied(context)) return;
    await next();
  }

  /**
   * True when this turn's event was already applied to the saved state (skip the turn);
   * otherwise records its key in the state the turn will save.
   */
  async alreadyApplied(context: TurnContext): Promise<boolean> {
    const key = messengerTurnOf(context)?.eventKey;
    if (key === undefined) return false;
    const keys = await this.processed.get(context, []);
    if (keys.includes(key)) return true;
    await this.processed.set(context, [...keys, key].slice(-REMEMBERED));
    return false;
  }
}
