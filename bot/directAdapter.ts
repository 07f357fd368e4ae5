/**
 * What our own adapters (Messenger and the terminal) share: turns they run directly, with no
 * Bot Connector in between, including proactive turns started from a stored conversation
 * reference.
 *
 * @remarks
 * Not to be confused with `ProactiveAdapter` (bot/adapterNotifier.ts), the port through
 * which the notifier writes proactively and that any adapter, ours or `CloudAdapter`, satisfies.
 */
import { ActivityTypes, BotAdapter, TurnContext, type ConversationReference } from 'botbuilder';
import { CodedError, ErrorCode } from '../services/errors';

/** Name of the event activity a proactive turn starts with. */
export const CONTINUE_CONVERSATION_EVENT = 'continueConversation';

/** The bot's logic for one turn. */
export type Logic = (context: TurnContext) => Promise<void>;
/** botframework-connector's ClaimsIdentity, without depending on that package directly. */
type ClaimsIdentity = Parameters<BotAdapter['continueConversationAsync']>[0];

/** A `BotAdapter` that runs turns itself, proactive ones included (no Bot Connector in between). */
export abstract class DirectAdapter extends BotAdapter {
  /** Starts a proactive turn for the conversation `reference` points to. */
  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: Logic,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: CONTINUE_CONVERSATION_EVENT },
      reference,
      true,
    );
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  /**
   * Same as {@link DirectAdapter.continueConversation}; the app id or claims are not
   * needed (our adapters authenticate on their own).
   */
  override async continueConversationAsync(
    _botAppIdOrClaims: string | ClaimsIdentity,
    reference: Partial<ConversationReference>,
    logicOrAudience: Logic | string,
    maybeLogic?: Logic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic)
      throw new CodedError(ErrorCode.MessageInvalid, 'continueConversationAsync needs a logic callback');
    await this.continueConversation(reference, logic);
  }
}
