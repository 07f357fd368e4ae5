/**
 * The Messenger events the handover listens to, as plain data (no Bot Framework types).
 */

/** Names of the event activities the Messenger adapter produces (see bot/messenger/activities.ts). */
export const CHANNEL_EVENT = Object.freeze({
  Echo: 'messenger.echo',
  Standby: 'messenger.standby',
  Handover: 'messenger.handover',
});

/** A Messenger event as {@link HandoverService.onChannelEvent} needs it. */
export interface ChannelEventInput {
  /** `messenger.echo`, `messenger.standby` or `messenger.handover`. */
  name: string;
  /** The resident (recipient of an echo, sender otherwise). */
  psid: string;
  /** The activity's `value` (EchoValue, StandbyValue, HandoverValue). */
  value?: unknown;
  /** What the resident wrote, for `messenger.standby` (the value carries no text). */
  text?: string;
  /** When it happened. */
  at: Date;
}

/** The part of a Bot Framework activity {@link channelEventFromActivity} reads. */
export interface ActivityLike {
  name?: string;
  value?: unknown;
  from?: { id?: string };
  timestamp?: Date | string;
  channelData?: unknown;
}

/**
 * Turns an event activity of the Messenger adapter into a {@link ChannelEventInput}, or
 * undefined when it has no sender.
 *
 * @remarks
 * A standby message's text sits in `channelData.raw.message.text` (the Messenger item).
 */
export function channelEventFromActivity(activity: ActivityLike, now: Date): ChannelEventInput | undefined {
  const psid = activity.from?.id;
  if (typeof psid !== 'string' || psid === '' || typeof activity.name !== 'string') return undefined;
  const stamp = activity.timestamp === undefined ? now : new Date(activity.timestamp);
  const raw = field(field(activity.channelData, 'raw'), 'message');
  const text = field(raw, 'text');
  return {
    name: activity.name,
    psid,
    value: activity.value,
    ...(typeof text === 'string' ? { text } : {}),
    at: Number.isNaN(stamp.getTime()) ? now : stamp,
  };
}

/** `value.key` when `value` is an object, else undefined. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** `value.key` when it is a non-empty string (app ids may come as numbers: they are stringified). */
export function stringField(value: unknown, key: string): string | undefined {
  const found = field(value, key);
  if (typeof found === 'number' && Number.isFinite(found)) return String(found);
  return typeof found === 'string' && found !== '' ? found : undefined;
}
