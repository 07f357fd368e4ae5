/**
 * The bot's channel-event handler: what it does with Messenger events that are not a resident talking to it: messages on
 * standby and moderators' replies go to the handover's transcript; when the page inbox
 * hands the conversation back, the bot says it is back and shows the menu.
 *
 * @remarks
 * The events themselves, as plain data, are in services/moderation/channelEvents.ts.
 */
import { withMenu } from '../dialogs/replies';
import type { Clock } from '../services/clock';
import { t } from '../services/i18n';
import type { ResidentNotifier } from '../services/messaging/notifier';
import { channelEventFromActivity, type HandoverService } from '../services/moderation';
import type { ChannelEventHandler } from './bot';

/** Options of {@link createChannelEventHandler}. */
export interface ChannelEventHandlerOptions {
  handover: Pick<HandoverService, 'onChannelEvent'>;
  notifier: ResidentNotifier;
  clock: Clock;
}

/** Builds the bot's `onChannelEvent`. */
export function createChannelEventHandler(options: ChannelEventHandlerOptions): ChannelEventHandler {
  const { handover, clock } = options;
  return async (context) => {
    const input = channelEventFromActivity(context.activity, clock());
    if (!input) return;
    const { resumed } = await handover.onChannelEvent(input);
    if (resumed) await context.sendActivity(withMenu(t('moderation.resident.back')));
  };
}

/** Tells a resident the bot is back (after a take-back by timeout), inside their window. */
export function resumeNotice(notifier: ResidentNotifier): (psid: string) => Promise<void> {
  return async (psid) => {
    await notifier.notify(psid, withMenu(t('moderation.resident.back')));
  };
}
