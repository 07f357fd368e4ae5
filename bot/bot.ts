/**
 * The bot: runs the root dialog on every message and saves state after each turn.
 */
import {
  ActivityHandler,
  MiddlewareSet,
  type ConversationState,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { ConversationAccessors, ConversationLanguage, TurnOutcome } from '../dialogs/mainDialog';
import type { ReferralOrigin } from '../dialogs/referralAnswer';
import type { Clock } from '../services/clock';
import type { ConversationDirectory } from '../services/messaging/conversationDirectory';
import { MESSENGER_CHANNEL_ID } from './messenger/activities';
import { DirectoryTouch } from './pipeline/directoryTouch';
import { StateCommit } from './pipeline/stateCommit';
import { TurnGuard } from './pipeline/turnGuard';

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
  /** Where Bot Framework people can be written to (see `DirectoryTouch`). */
  directory: Pick<ConversationDirectory, 'touch'>;
  clock: Clock;
  /** Messenger events (`messenger.echo`, `messenger.standby`, `messenger.handover`); ignored when absent. */
  onChannelEvent?: ChannelEventHandler;
}

/** Voisins Solidaires' ActivityHandler: thin on purpose, the dialogs hold the conversation. */
export class VoisinsBot extends ActivityHandler {
  private readonly accessors: ConversationAccessors;
  /** Turns whose resident had their data erased (their state is deleted, not saved). */
  private readonly erasures = new WeakSet<TurnContext>();
  /** The turn pipeline, in order (see `bot/pipeline`). */
  private readonly pipeline: MiddlewareSet;

  constructor(options: VoisinsBotOptions) {
    super();
    const { conversationState, userState } = options;
    this.accessors = {
      dialogState: conversationState.createProperty<DialogState>('DialogState'),
      recentTexts: conversationState.createProperty<string[]>('recentTexts'),
      language: conversationState.createProperty<ConversationLanguage>('language'),
      origin: conversationState.createProperty<ReferralOrigin>('origin'),
    };
    this.pipeline = new MiddlewareSet(
      new TurnGuard(conversationState),
      new StateCommit(conversationState, userState, (context) => this.erasures.has(context)),
      new DirectoryTouch(options.directory, options.clock),
    );

    this.onMessage(async (context, next) => {
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
   * Runs the turn through the pipeline: the {@link TurnGuard} (a replay of a saved turn
   * stops here), the {@link StateCommit} (user then conversation state saved after the
   * turn, or deleted; the conversation state write is the turn's commit point), the
   * {@link DirectoryTouch} (where to write to a Bot Framework person), then the handlers.
   */
  override async run(context: TurnContext): Promise<void> {
    await this.pipeline.run(context, () => super.run(context));
  }
}
