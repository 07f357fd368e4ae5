/**
 * Flattening of a webhook POST body into one {@link MessengerEvent} per messaging item, and
 * per comment added under the Page's posts (the `feed` field's changes).
 */
import { CodedError, ErrorCode } from '../../services/errors';

/**
 * Where the item came from: `standby` while another app (the Page Inbox) owns the thread;
 * `feed` for a change of the Page's feed (a comment).
 */
export type EventSource = 'messaging' | 'standby' | 'feed';

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
  /** A comment added under one of the Page's posts (`feed` changes only). */
  | 'comment'
  | 'unknown';

/** One messaging item of a webhook delivery, with what routing and deduplication need. */
export interface MessengerEvent {
  /** Dedupe key: `mid:<mid>` when the event has a message mid (echoes included), else `${senderId}:${timestamp}:${kind}` (+ `:${watermark}` for read/delivery). */
  key: string;
  /** `entry.id`: the Page. */
  pageId: string;
  source: EventSource;
  /**
   * The resident's page-scoped id: sender for incoming, recipient for echoes; for a comment,
   * its author's id (not a page-scoped id: a comment is answered by comment id only).
   */
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
    if (Array.isArray(entry.changes)) {
      for (const change of entry.changes) {
        const event = commentEvent(change, pageId);
        if (event) events.push(event);
      }
    }
  }
  return events;
}

/**
 * A comment added under a post of the Page, from one `feed` change: `value.item` is
 * `comment` and `value.verb` is `add` (edits, removals and reactions are left out). Its key
 * is the comment id, so a comment delivered twice is processed once.
 */
function commentEvent(change: unknown, pageId: string): MessengerEvent | undefined {
  if (!isRecord(change) || change.field !== 'feed' || !isRecord(change.value)) return undefined;
  const value = change.value;
  if (value.item !== 'comment' || value.verb !== 'add') return undefined;
  const commentId = idOf(value.comment_id);
  const authorId = isRecord(value.from) ? idOf(value.from.id) : undefined;
  const created = value.created_time;
  if (commentId === undefined || authorId === undefined) return undefined;
  if (typeof created !== 'number' || !Number.isFinite(created)) return undefined;
  return {
    key: `comment:${commentId}`,
    pageId,
    source: 'feed',
    psid: authorId,
    // Meta gives `created_time` in seconds.
    timestamp: created * 1000,
    kind: 'comment',
    raw: value,
  };
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
