/**
 * Flattening of a webhook POST body into one {@link MessengerEvent} per messaging item.
 */
import { CodedError, ErrorCode } from '../../services/errors';

/** Where the item came from: `standby` while another app (the Page Inbox) owns the thread. */
export type EventSource = 'messaging' | 'standby';

/** What a messaging item is about. */
export type EventKind =
  | 'message'
  | 'postback'
  | 'echo'
  | 'read'
  | 'delivery'
  | 'reaction'
  | 'pass_thread_control'
  | 'take_thread_control'
  | 'request_thread_control'
  | 'app_roles'
  | 'referral'
  | 'optin'
  | 'unknown';

/** One messaging item of a webhook delivery, with what routing and deduplication need. */
export interface MessengerEvent {
  /** Dedupe key: `mid:<mid>` when the event has a message mid (echoes included), else `${senderId}:${timestamp}:${kind}` (+ `:${watermark}` for read/delivery). */
  key: string;
  /** `entry.id`: the Page. */
  pageId: string;
  source: EventSource;
  /** The resident's page-scoped id: sender for incoming, recipient for echoes. */
  psid: string;
  timestamp: number;
  kind: EventKind;
  /** The messaging item as received (stored, re-parsed later). */
  raw: Record<string, unknown>;
}

/** Item fields whose presence gives the kind, in order of precedence after messages. */
const FIELD_KINDS: readonly EventKind[] = [
  'postback',
  'read',
  'delivery',
  'reaction',
  'pass_thread_control',
  'take_thread_control',
  'request_thread_control',
  'app_roles',
  'referral',
  'optin',
];

/**
 * Extracts every event of a webhook body, over all `entry[]` and both `messaging[]` and
 * `standby[]`.
 *
 * @throws CodedError(PayloadInvalid) when the body is not a `page` object with an `entry` array.
 *
 * @remarks
 * Malformed items are skipped, never fatal: an item that is not an object, has no string
 * person id (sender, or recipient for echoes) or no numeric timestamp. `app_roles` items
 * name no person and are therefore skipped too.
 */
export function extractEvents(body: unknown): MessengerEvent[] {
  if (!isRecord(body) || body.object !== 'page') {
    throw new CodedError(ErrorCode.PayloadInvalid, 'webhook body is not a page object');
  }
  if (!Array.isArray(body.entry))
    throw new CodedError(ErrorCode.PayloadInvalid, 'webhook body has no entry array');
  const events: MessengerEvent[] = [];
  for (const entry of body.entry) {
    if (!isRecord(entry)) continue;
    const pageId = idOf(entry.id);
    if (pageId === undefined) continue;
    for (const source of ['messaging', 'standby'] as const) {
      const items = entry[source];
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        const event = toEvent(item, pageId, source);
        if (event) events.push(event);
      }
    }
  }
  return events;
}

/** What {@link selectEvents} kept and how many it left out. */
export interface SelectedEvents {
  events: MessengerEvent[];
  otherPage: number;
  tooOld: number;
}

/**
 * Keeps the events of our Page (any page when `pageId` is unset) that are not older than
 * `notBefore` (ms since the epoch): a delivery replayed long after Meta's own retries, or
 * meant for another page of the app, is not acted on. Pure.
 */
export function selectEvents(
  events: readonly MessengerEvent[],
  criteria: { pageId: string | undefined; notBefore: number },
): SelectedEvents {
  const selected: SelectedEvents = { events: [], otherPage: 0, tooOld: 0 };
  for (const event of events) {
    if (criteria.pageId !== undefined && event.pageId !== criteria.pageId) selected.otherPage += 1;
    else if (event.timestamp < criteria.notBefore) selected.tooOld += 1;
    else selected.events.push(event);
  }
  return selected;
}

/** The kind of one messaging item. */
export function kindOf(item: Record<string, unknown>): EventKind {
  if (isRecord(item.message)) return item.message.is_echo === true ? 'echo' : 'message';
  return FIELD_KINDS.find((kind) => isRecord(item[kind])) ?? 'unknown';
}

function toEvent(item: unknown, pageId: string, source: EventSource): MessengerEvent | undefined {
  if (!isRecord(item)) return undefined;
  const timestamp = item.timestamp;
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) return undefined;
  const kind = kindOf(item);
  const senderId = isRecord(item.sender) ? idOf(item.sender.id) : undefined;
  const recipientId = isRecord(item.recipient) ? idOf(item.recipient.id) : undefined;
  const psid = kind === 'echo' ? recipientId : senderId;
  if (psid === undefined) return undefined;
  return {
    key: keyOf(item, kind, senderId ?? psid, timestamp),
    pageId,
    source,
    psid,
    timestamp,
    kind,
    raw: item,
  };
}

function keyOf(item: Record<string, unknown>, kind: EventKind, senderId: string, timestamp: number): string {
  const mid = isRecord(item.message) ? item.message.mid : undefined;
  if (typeof mid === 'string' && mid !== '') return `mid:${mid}`;
  const base = `${senderId}:${timestamp}:${kind}`;
  if (kind === 'read' || kind === 'delivery') {
    const details = item[kind];
    const watermark = isRecord(details) ? details.watermark : undefined;
    if (typeof watermark === 'number' || typeof watermark === 'string') return `${base}:${watermark}`;
  }
  return base;
}

/** Ids are strings in Meta's payloads; a non-empty string is required. */
function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
