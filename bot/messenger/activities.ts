/**
 * Mapping of a {@link MessengerEvent} to the Bot Framework Activity the bot runs on.
 */
import { ActivityTypes, type Activity, type Attachment } from 'botbuilder';
import type { EventKind, EventSource, MessengerEvent } from './events';

/** Channel id of Messenger activities (the Bot Framework's name for it). */
export const MESSENGER_CHANNEL_ID = 'facebook';

/** Placeholder service URL: replies go through the Graph API, never to this URL. */
export const MESSENGER_SERVICE_URL = 'https://messenger.invalid';

/** Names of the event activities this adapter produces. */
export const MessengerEventName = Object.freeze({
  Echo: 'messenger.echo',
  Standby: 'messenger.standby',
  Handover: 'messenger.handover',
  Optin: 'messenger.optin',
});

/** `value` of a message activity: the button/quick reply payload or a shared location. */
export interface MessengerMessageValue {
  payload?: string;
  location?: { lat: number; lon: number };
  /**
   * The `ref` of the m.me link the person opened (`referral.ref`), on a `referral` event or
   * inside the Get Started postback of a first contact; untrusted (see services/referrals).
   */
  referral?: string;
}

/** `value` of a `messenger.handover` event. */
export interface HandoverValue {
  kind: 'pass_thread_control' | 'take_thread_control' | 'request_thread_control';
  newOwnerAppId?: string;
  previousOwnerAppId?: string;
  requestedOwnerAppId?: string;
  metadata?: string;
}

/** `value` of a `messenger.echo` event: a message the Page sent (the bot's or a moderator's). */
export interface EchoValue {
  /** App that sent it; the Page Inbox's id when a moderator typed it. */
  appId?: string;
  mid?: string;
  text?: string;
  metadata?: string;
}

/** `value` of a `messenger.standby` event: what the resident did while someone else owns the thread. */
export interface StandbyValue {
  kind: EventKind;
  mid?: string;
}

/** `channelData` of every activity from Messenger. */
export interface MessengerChannelData {
  source: EventSource;
  kind: EventKind;
  raw: Record<string, unknown>;
}

const IGNORED: ReadonlySet<EventKind> = new Set<EventKind>([
  'read',
  'delivery',
  'reaction',
  'unknown',
  'app_roles',
  // Comments are answered by the page-comments handler, never by a turn of the bot.
  'comment',
]);
const HANDOVER: ReadonlySet<EventKind> = new Set<EventKind>([
  'pass_thread_control',
  'take_thread_control',
  'request_thread_control',
]);

/**
 * Maps an event to an Activity, or null for events the bot ignores (read, delivery,
 * reaction, unknown).
 *
 * @remarks
 * Messages and postbacks become `message` activities. Echoes, handover events and anything
 * else arriving on `standby` become `event` activities (`messenger.echo`,
 * `messenger.handover`, `messenger.standby`) that the bot must never answer. A `referral` (the
 * person opened an m.me link, which Meta counts as their own action) becomes a `message`
 * activity without text whose `value.referral` carries the link's ref, so that it is answered
 * like a message; a Get Started postback carries the ref of a first contact the same way.
 * `from` is always the resident, so user state keys stay the same for every kind. Pure.
 */
export function toActivity(event: MessengerEvent): Partial<Activity> | null {
  const { kind, raw } = event;
  if (IGNORED.has(kind)) return null;
  const base: Partial<Activity> = {
    channelId: MESSENGER_CHANNEL_ID,
    serviceUrl: MESSENGER_SERVICE_URL,
    conversation: { id: event.psid, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: event.psid, name: '', role: 'user' },
    recipient: { id: event.pageId, name: '', role: 'bot' },
    timestamp: new Date(event.timestamp),
    channelData: { source: event.source, kind, raw } satisfies MessengerChannelData,
  };
  const message = record(raw.message);
  if (kind === 'echo') {
    const value: EchoValue = {
      appId: idString(message.app_id),
      mid: text(message.mid),
      text: text(message.text),
      metadata: text(message.metadata),
    };
    return { ...base, type: ActivityTypes.Event, name: MessengerEventName.Echo, id: value.mid, value };
  }
  if (HANDOVER.has(kind)) {
    const details = record(raw[kind]);
    const value: HandoverValue = {
      kind: kind as HandoverValue['kind'],
      newOwnerAppId: idString(details.new_owner_app_id),
      previousOwnerAppId: idString(details.previous_owner_app_id),
      requestedOwnerAppId: idString(details.requested_owner_app_id),
      metadata: text(details.metadata),
    };
    return { ...base, type: ActivityTypes.Event, name: MessengerEventName.Handover, value };
  }
  if (event.source === 'standby') {
    const value: StandbyValue = { kind, mid: text(message.mid) };
    return { ...base, type: ActivityTypes.Event, name: MessengerEventName.Standby, value };
  }
  if (kind === 'referral') {
    // Without a ref (never seen from Meta) it is still answered, with the welcome.
    const value: MessengerMessageValue = { referral: text(record(raw.referral).ref) ?? '' };
    return { ...base, type: ActivityTypes.Message, text: '', value };
  }
  if (kind === 'optin') {
    return { ...base, type: ActivityTypes.Event, name: MessengerEventName.Optin, value: record(raw.optin) };
  }
  if (kind === 'postback') {
    const postback = record(raw.postback);
    const value: MessengerMessageValue = { payload: text(postback.payload) };
    const ref = text(record(postback.referral).ref);
    if (ref !== undefined) value.referral = ref;
    return {
      ...base,
      type: ActivityTypes.Message,
      id: text(postback.mid),
      text: text(postback.title) ?? '',
      value,
    };
  }
  return messageActivity(base, message);
}

function messageActivity(base: Partial<Activity>, message: Record<string, unknown>): Partial<Activity> {
  const value: MessengerMessageValue = {};
  const payload = text(record(message.quick_reply).payload);
  if (payload !== undefined) value.payload = payload;
  const attachments: Attachment[] = [];
  for (const item of Array.isArray(message.attachments) ? message.attachments : []) {
    const attachment = record(item);
    const type = text(attachment.type);
    const details = record(attachment.payload);
    const coordinates = record(details.coordinates);
    if (type === 'location' && typeof coordinates.lat === 'number' && typeof coordinates.long === 'number') {
      value.location = { lat: coordinates.lat, lon: coordinates.long };
    } else if (type !== undefined) {
      attachments.push({ contentType: type, contentUrl: text(details.url) });
    }
  }
  return {
    ...base,
    type: ActivityTypes.Message,
    id: text(message.mid),
    text: text(message.text) ?? '',
    value,
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** App ids come as numbers in some payloads and strings in others. */
function idString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
