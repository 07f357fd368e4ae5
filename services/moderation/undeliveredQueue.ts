/**
 * Messages the bot could not send (closed window, unknown person), kept for the moderators
 * (collection `undelivered`) rather than lost.
 *
 * @remarks
 * A moderator can pass the news on by hand (with `HUMAN_AGENT` up to 7 days, or by phone).
 * `text` is the French text the resident should have received (it may hold another
 * person's phone, as a helper's copy of a need's contact does): stored, never logged, and
 * forgotten {@link UNDELIVERED_KEPT_DAYS} days after it was queued, handled or not: by then
 * the news is stale and the `HUMAN_AGENT` window long closed.
 */
import { ObjectId, type Collection, type Db } from 'mongodb';
import type { Clock } from '../clock';
import type { UndeliverableReason } from '../messaging/windowPolicy';
import type { RefusedCalls, RefusedMessage } from '../outbox/refusedCalls';

/** Name of the collection of undelivered messages. */
export const UNDELIVERED_COLLECTION = 'undelivered';
/** Days a notice is kept after it was queued (a TTL index on `createdAt`). */
export const UNDELIVERED_KEPT_DAYS = 14;

/** What the lost message was about (stored values: `handoff_update` is a handover's). */
export type UndeliveredKind = 'entry_approved' | 'entry_rejected' | 'handoff_update' | 'bot_back' | 'other';

/** One message that could not be sent. */
export interface UndeliveredMessage {
  _id?: ObjectId;
  psid: string;
  kind: UndeliveredKind;
  /** Why it could not be sent; `refused` when Meta refused it (blocked Page…). */
  reason: UndeliverableReason | 'refused';
  /** What it was about (an entry id, a handover id). */
  ref?: string;
  text?: string;
  createdAt: Date;
  /** Set when a moderator dealt with it. */
  handledAt?: Date;
  handledBy?: string;
}

/** Optional parts of a queued message. */
export interface QueueDetails {
  ref?: string;
  text?: string;
}

/** The moderators' list of messages to pass on by hand; the outbox's {@link RefusedCalls}. */
export class UndeliveredQueue implements RefusedCalls {
  private readonly collection: Collection<UndeliveredMessage>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<UndeliveredMessage>(UNDELIVERED_COLLECTION);
  }

  /** Creates the lookup index and the TTL index that forgets notices (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndexes([
      { key: { handledAt: 1, createdAt: 1 }, name: 'pending' },
      { key: { createdAt: 1 }, name: 'forget_old', expireAfterSeconds: UNDELIVERED_KEPT_DAYS * 86_400 },
    ]);
  }

  /** Keeps a message that could not be sent, with the reason. */
  async queueForModerators(
    psid: string,
    kind: UndeliveredKind,
    reason: UndeliverableReason | 'refused',
    details: QueueDetails = {},
  ): Promise<void> {
    const message: UndeliveredMessage = { psid, kind, reason, createdAt: this.clock() };
    if (details.ref !== undefined) message.ref = details.ref;
    if (details.text !== undefined) message.text = details.text;
    await this.collection.insertOne(message);
  }

  /** Keeps a message Meta refused for good (the outbox's port), as kind `other`. */
  async keepRefused({ psid, reason, ref, text }: RefusedMessage): Promise<void> {
    await this.queueForModerators(psid, 'other', reason, text === undefined ? { ref } : { ref, text });
  }

  /** Messages nobody has dealt with yet, oldest first. */
  async pending(limit = 50): Promise<UndeliveredMessage[]> {
    return this.collection
      .find({ handledAt: { $exists: false } })
      .sort({ createdAt: 1 })
      .limit(limit)
      .toArray();
  }

  /** One message nobody has dealt with yet, by its id (a hex string), or null. */
  async pendingById(id: string): Promise<UndeliveredMessage | null> {
    if (!/^[0-9a-f]{24}$/i.test(id)) return null;
    return this.collection.findOne({ _id: new ObjectId(id), handledAt: { $exists: false } });
  }

  /** Marks a message as dealt with by `moderatorPsid`; false when unknown or already handled. */
  async markHandled(id: ObjectId, moderatorPsid: string): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: id, handledAt: { $exists: false } },
      { $set: { handledAt: this.clock(), handledBy: moderatorPsid } },
    );
    return result.modifiedCount === 1;
  }
}
