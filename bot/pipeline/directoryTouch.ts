/**
 * Third step of the turn pipeline: remembers where to write to a person of a Bot Framework
 * channel.
 */
import { ActivityTypes, TurnContext, type Middleware } from 'botbuilder';
import type { Clock } from '../../services/clock';
import type { ConversationDirectory } from '../../services/messaging/conversationDirectory';
import { MESSENGER_CHANNEL_ID } from '../messenger/activities';

/**
 * Keeps the conversation reference of a person who writes on another channel than
 * Messenger, at the server's time, for proactive messages; then runs the rest of the turn.
 *
 * @remarks
 * The Messenger adapter records its own people (from a signed webhook event and the time
 * the server received it), so Messenger turns are left alone here; so are activities that
 * are not messages and messages without a sender.
 */
export class DirectoryTouch implements Middleware {
  constructor(
    private readonly directory: Pick<ConversationDirectory, 'touch'>,
    private readonly clock: Clock,
  ) {}

  /** Records the person's reference, then runs the rest of the turn. */
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    await this.touch(context);
    await next();
  }

  private async touch(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.channelId === MESSENGER_CHANNEL_ID) return;
    if (activity.type !== String(ActivityTypes.Message) || !activity.from?.id) return;
    await this.directory.touch(
      activity.from.id,
      this.clock(),
      TurnContext.getConversationReference(activity),
    );
  }
}
