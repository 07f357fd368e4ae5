/**
 * The Messenger events of a handed-over thread (messages on standby, the Page's echoes, thread
 * control passed or taken), read from the adapter's event activities into the moderation
 * module's typed {@link ThreadEvent}s (values as built in ./activities.ts: EchoValue,
 * HandoverValue, StandbyValue).
 */
import type { ThreadEvent } from '../../services/moderation';
import { MessengerEventName } from './activities';

/** The part of a Bot Framework activity {@link threadEventFromActivity} reads. */
export interface ActivityLike {
  name?: string;
  value?: unknown;
  from?: { id?: string };
  timestamp?: Date | string;
  channelData?: unknown;
}

/**
 * The {@link ThreadEvent} of an event activity of the Messenger adapter, or undefined when it
 * has no sender or is not one the handover listens to.
 *
 * @remarks
 * A standby message's text sits in `channelData.raw.message.text` (the Messenger item).
 */
export function threadEventFromActivity(activity: ActivityLike, now: Date): ThreadEvent | undefined {
  const psid = activity.from?.id;
  if (typeof psid !== 'string' || psid === '' || typeof activity.name !== 'string') return undefined;
  const stamp = activity.timestamp === undefined ? now : new Date(activity.timestamp);
  const at = Number.isNaN(stamp.getTime()) ? now : stamp;
  const mid = stringField(activity.value, 'mid');
  const withMid = mid ? { mid } : {};
  switch (activity.name) {
    case MessengerEventName.Standby: {
      const text = field(field(field(activity.channelData, 'raw'), 'message'), 'text');
      return { kind: 'standby_message', psid, text: typeof text === 'string' ? text : '', ...withMid, at };
    }
    case MessengerEventName.Echo: {
      const appId = stringField(activity.value, 'appId');
      const text = stringField(activity.value, 'text') ?? '';
      return { kind: 'page_echo', psid, text, ...withMid, ...(appId ? { appId } : {}), at };
    }
    case MessengerEventName.Handover: {
      const kind = stringField(activity.value, 'kind');
      if (kind !== 'pass_thread_control' && kind !== 'take_thread_control') return undefined;
      const newOwnerAppId = stringField(activity.value, 'newOwnerAppId');
      return {
        kind: 'thread_control',
        psid,
        control: kind === 'pass_thread_control' ? 'passed' : 'taken',
        ...(newOwnerAppId ? { newOwnerAppId } : {}),
        at,
      };
    }
    default:
      return undefined;
  }
}

/** `value.key` when `value` is an object, else undefined. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** `value.key` when it is a non-empty string (app ids may come as numbers: they are stringified). */
function stringField(value: unknown, key: string): string | undefined {
  const found = field(value, key);
  if (typeof found === 'number' && Number.isFinite(found)) return String(found);
  return typeof found === 'string' && found !== '' ? found : undefined;
}
