/**
 * Second step of the turn pipeline: saves the state the turn advanced, or deletes it.
 */
import type { BotState, Middleware, TurnContext } from 'botbuilder';

/**
 * Runs the rest of the turn, then saves user and conversation state, or deletes them when
 * the resident had their data deleted during the turn.
 *
 * @remarks
 * The conversation state is written last: it carries the {@link TurnGuard}'s event key, so
 * that write is the turn's commit point. A turn that throws saves nothing.
 */
export class StateCommit implements Middleware {
  constructor(
    private readonly conversationState: BotState,
    private readonly userState: BotState,
    /** True when the resident had their data erased during this turn. */
    private readonly erased: (context: TurnContext) => boolean,
  ) {}

  /** Saves (or deletes) the state after the rest of the turn. */
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    await next();
    if (this.erased(context)) {
      await Promise.all([this.conversationState.delete(context), this.userState.delete(context)]);
      return;
    }
    await this.userState.saveChanges(context, false);
    await this.conversationState.saveChanges(context, false);
  }
}
