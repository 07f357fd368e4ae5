/**
 * The bot: runs the root dialog on every message and saves state after each turn.
 */
import {
  ActivityHandler,
  ActivityTypes,
  TurnContext,
  type ConversationState,
  type UserState,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { ConversationAccessors, TurnOutcome } from '../dialogs/mainDialog';
import type { Clock } from '../services/clock';
import type { ConversationDirectory } from '../services/messaging/conversationDirectory';
import { MESSENGER_CHANNEL_ID } from './messenger/activities';
import { TurnGuard } from './messenger/turnGuard';

/** The dialog the bot runs (the main dialog). */
export interface RootDialog {
  run(context: TurnContext, accessors: ConversationAccessors): Promise<TurnOutcome>;
}

/** Receives Messenger events that are not a resident's message (echoes, standby, handover). */
export type ChannelEventHandler = (context: TurnContext) => Promise<void>;

/** Options of {@link VoisinsBot}. */
export interface VoisinsBotOptions {
  conversationState: ConversationState;
  userState: UserState;
  dialog: RootDialog;
  directory: ConversationDirectory;
  clock: Clock;
  /** Messenger events (`messenger.echo`, `messenger.standby`, `messenger.handover`); ignored when absent. */
  onChannelEvent?: ChannelEventHandler;
}

/** Voisins Solidaires' ActivityHandler: thin on purpose, the dialogs hold the conversation. */
export class VoisinsBot extends ActivityHandler {
  private readonly accessors: ConversationAccessors;
  private readonly turnGuard: TurnGuard;
  /** Turns whose resident had their data erased (their state is deleted, not saved). */
  private readonly erasures = new WeakSet<TurnContext>();

  constructor(private readonly options: VoisinsBotOptions) {
    super();
    this.accessors = {
      dialogState: options.conversationState.createProperty<DialogState>('DialogState'),
      recentTexts: options.conversationState.createProperty<string[]>('recentTexts'),
    };
    this.turnGuard = new TurnGuard(options.conversationState);

    this.onMessage(async (context, next) => {
      await this.rememberWhereToWrite(context);
      const outcome = await options.dialog.run(context, this.accessors);
      if (outcome.stateDeleted) this.erasures.add(context);
      await next();
    });
    this.onEvent(async (context, next) => {
      // Channel events come only from the Messenger adapter (a signed webhook): the Bot
      // Framework endpoint's channels are all `botframework:…`, never `facebook`.
      const fromMessenger = context.activity.channelId === MESSENGER_CHANNEL_ID;
      if (fromMessenger && context.activity.name?.startsWith('messenger.') && options.onChannelEvent) {
        await options.onChannelEvent(context);
      }
      await next();
    });
  }

  /**
   * Runs the turn, then saves user and conversation state, or deletes them when the
   * resident had their data deleted during the turn.
   *
   * @remarks
   * A turn whose event is already recorded in the saved conversation state is skipped (see
   * {@link TurnGuard}): the conversation state write, last, is the turn's commit point.
   */
  override async run(context: TurnContext): Promise<void> {
    const { conversationState, userState } = this.options;
    if (await this.turnGuard.alreadyApplied(context)) return;
    await super.run(context);
    if (this.erasures.has(context)) {
      await Promise.all([conversationState.delete(context), userState.delete(context)]);
      return;
    }
    await userState.saveChanges(context, false);
    await conversationState.saveChanges(context, false);
  }

  /**
   * Keeps the reference for proactive messages of a person on another channel than
   * Messenger (the Messenger adapter records its own people), at the server's time.
   */
  private async rememberWhereToWrite(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.channelId === MESSENGER_CHANNEL_ID) return;
    if (activity.type !== String(ActivityTypes.Message) || !activity.from?.id) return;
    await this.options.directory.touch(
      activity.from.id,
      this.options.clock(),
      TurnContext.getConversationReference(activity),
    );
  }
}
