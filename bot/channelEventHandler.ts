/**
 * The bot's channel-event handler: what it does with Messenger events that are not a resident
 * talking to it: messages on standby and moderators' replies go to the handover's transcript;
 * when the page inbox hands the conversation back, the bot says it is back and shows the menu.
 *
 * @remarks
 * The Messenger payloads are read into typed events in bot/messenger/threadEvents.ts.
 */
import { renderNotice } from '../dialogs/notices';
import type { Clock } from '../services/clock';
import type { Notifier } from '../services/messaging/notifier';
import type { HandoverService, ModerationNotice } from '../services/moderation';
import type { ChannelEventHandler } from './bot';
import { threadEventFromActivity } from './messenger/threadEvents';

/** Options of {@link createChannelEventHandler}. */
export interface ChannelEventHandlerOptions {
  handover: Pick<HandoverService, 'onThreadEvent'>;
  clock: Clock;
}

const BOT_BACK: ModerationNotice = { type: 'moderation.botBack' };

/** Builds the bot's `onChannelEvent`. */
export function createChannelEventHandler(options: ChannelEventHandlerOptions): ChannelEventHandler {
  const { handover, clock } = options;
  return async (context) => {
    const event = threadEventFromActivity(context.activity, clock());
    if (!event) return;
    const { resumed } = await handover.onThreadEvent(event);
    if (resumed) await context.sendActivity(renderNotice(BOT_BACK));
  };
}

/** Tells a resident the bot is back (after a take-back by timeout), inside their window. */
export function resumeNotice(notices: Notifier<ModerationNotice>): (psid: string) => Promise<void> {
  return async (psid) => {
    await notices.notify(psid, BOT_BACK);
  };
}
