/**
 * What the inbox stores: an event as the channel hands it ({@link InboxEvent}), as stored
 * with the inbox's bookkeeping ({@link InboxDocument}), as handed back for processing
 * ({@link ReceivedEvent}), and a sender's lease ({@link LeaseDocument}).
 */

/**
 * What the inbox keeps of an event, over the vocabulary of its channel: `Source` and `Kind`
 * (the Messenger channel's `MessengerEvent` is an `InboxEvent<EventSource, EventKind>`).
 */
export interface InboxEvent<Source extends string = string, Kind extends string = string> {
  /** Dedupe key: the message mid, or sender + timestamp + kind. */
  key: string;
  psid: string;
  pageId: string;
  source: Source;
  kind: Kind;
  timestamp: number;
  raw: Record<string, unknown>;
}

/** An event as stored. */
export interface InboxDocument<Source extends string = string, Kind extends string = string> extends Omit<
  InboxEvent<Source, Kind>,
  'key'
> {
  _id: string;
  status: 'pending' | 'done' | 'failed';
  receivedAt: Date;
  attempts: number;
  /** Not before this time (retry backoff). */
  availableAt: Date;
  processedAt?: Date;
  /** Set when done: the TTL index forgets the event (and its key) after this. */
  expiresAt?: Date;
  lastError?: string;
}

/** An event handed back for processing: as accepted, with the server's time of reception. */
export interface ReceivedEvent<
  Source extends string = string,
  Kind extends string = string,
> extends InboxEvent<Source, Kind> {
  receivedAt: Date;
}

/** The event a stored document holds, without the inbox's bookkeeping. */
export function receivedEvent<Source extends string, Kind extends string>(
  document: InboxDocument<Source, Kind>,
): ReceivedEvent<Source, Kind> {
  const { _id, psid, pageId, source, kind, timestamp, raw, receivedAt } = document;
  return { key: _id, psid, pageId, source, kind, timestamp, raw, receivedAt };
}

/** A lease on one sender: only its holder processes that sender's events. */
export interface LeaseDocument {
  _id: string;
  owner: string;
  until: Date;
}
