/**
 * Proactive messages through whichever adapter the person last wrote from.
 */
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { Clock } from '../services/clock';
import type { ConversationDirectory } from '../services/messaging/conversationDirectory';
import type { NotifyResult, ResidentNotifier } from '../services/messaging/notifier';
import { canSendAutomated } from '../services/messaging/windowPolicy';

/**
 * The part of an adapter that writes proactively: the port {@link AdapterNotifier} needs.
 *
 * @remarks
 * Any adapter satisfies it: `CloudAdapter` and our own `DirectAdapter`s (bot/directAdapter.ts).
 */
export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

/** Options of {@link AdapterNotifier}. */
export interface AdapterNotifierOptions {
  directory: ConversationDirectory;
  /** The adapter serving a channel id (`facebook`, `emulator`, `webchat`, `terminal`…). */
  adapterFor: (channelId: string) => ProactiveAdapter | undefined;
  botAppId: string;
  clock: Clock;
}

/**
 * Sends an automated message to a person only inside their 24-hour window; never tags it
 * HUMAN_AGENT (that tag is for messages a moderator wrote).
 */
export class AdapterNotifier implements ResidentNotifier {
  constructor(private readonly options: AdapterNotifierOptions) {}

  async notify(psid: string, activity: Partial<Activity>): Promise<NotifyResult> {
    const { directory, adapterFor, botAppId, clock } = this.options;
    const known = await directory.find(psid);
    const adapter = known?.reference.channelId ? adapterFor(known.reference.channelId) : undefined;
    if (!known || !adapter) return 'unknown_person';
    if (!canSendAutomated(known.lastMessageAt, clock())) return 'outside_window';
    // The reference was stored by this channel's adapter (a Bot Framework conversation reference).
    const reference = known.reference as Partial<ConversationReference>;
    await adapter.continueConversationAsync(botAppId, reference, async (context) => {
      await context.sendActivity(activity);
    });
    return 'sent';
  }
}
