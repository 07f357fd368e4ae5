/**
 * Identities on the Bot Framework endpoint are keyed by channel: whoever posts to
 * `/api/messages` is a person of that route only, never a Messenger resident, a referent or
 * an admin, whatever `channelId` and `from.id` they claim.
 *
 * @remarks
 * Inside the bot, such a person's channel is `botframework:<channel>` and their id
 * `bf:<channel>:<id>`: conversation and user state, the directory and every repository key on
 * those, so nothing can collide with a Messenger psid (digits, channel `facebook`). On the
 * way out the connector gets back the ids it sent. Pure functions.
 */
import type { Activity } from 'botbuilder';

/** The prefix of every Bot Framework channel inside the bot. */
export const BOT_FRAMEWORK_CHANNEL_PREFIX = 'botframework:';

/** True for a channel id that came through the Bot Framework endpoint. */
export function isBotFrameworkChannel(channelId: string | undefined): boolean {
  return channelId?.startsWith(BOT_FRAMEWORK_CHANNEL_PREFIX) === true;
}

/** The person id inside the bot of `id` on Bot Framework channel `channel` (as the connector names it). */
export function botFrameworkPersonId(channel: string, id: string): string {
  return `bf:${channel}:${id}`;
}

/**
 * Rewrites an incoming activity to the bot's identities (in place; idempotent, so a
 * proactive turn built from a stored reference is left as it is).
 */
export function toBotIdentity(activity: Partial<Activity>): void {
  if (isBotFrameworkChannel(activity.channelId)) return;
  const channel = activity.channelId ?? 'unknown';
  activity.channelId = `${BOT_FRAMEWORK_CHANNEL_PREFIX}${channel}`;
  if (activity.from)
    activity.from = { ...activity.from, id: botFrameworkPersonId(channel, activity.from.id ?? '') };
}

/** Rewrites an outgoing activity back to the connector's identities (in place). */
export function toWireIdentity(activity: Partial<Activity>): void {
  if (!isBotFrameworkChannel(activity.channelId)) return;
  const channel = (activity.channelId as string).slice(BOT_FRAMEWORK_CHANNEL_PREFIX.length);
  activity.channelId = channel;
  const prefix = botFrameworkPersonId(channel, '');
  if (activity.recipient?.id?.startsWith(prefix)) {
    activity.recipient = { ...activity.recipient, id: activity.recipient.id.slice(prefix.length) };
  }
}
