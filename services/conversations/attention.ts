/**
 * Conversations that need a person (collection `conversations`): one document per psid
 * with the reasons it was flagged.
 */
import type { Collection, Db, ObjectId, UpdateFilter } from 'mongodb';
import type { Clock } from '../clock';
import type { AttentionReason } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { cleanOptionalText, requirePsid } from '../validation';

/** Name of the collection of attention flags. */
export const CONVERSATIONS_COLLECTION = 'conversations';
/** How many reasons are kept per conversation (the oldest go first). */
export const MAX_REASONS = 20;
const MAX_DETAIL_LENGTH = 300;

const REASONS: readonly AttentionReason[] = [
  'asked_for_human',
  'misunderstood_twice',
  'emergency',
  'money',
  'no_match_urgent',
  'match_outside_window',
  'complaint',
  'offline_registration',
];

/** One reason a conversation was flagged. */
export interface AttentionEntry {
  reason: AttentionReason;
  at: Date;
  detail?: string;
}

/** A conversation's attention document. */
export interface ConversationAttention {
  _id?: ObjectId;
  psid: string;
  needsModerator: boolean;
  reasons: AttentionEntry[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Flags conversations for the moderators.
 *
 * @remarks
 * `detail` is for moderators, not for logs: keep it short and factual (a category, an id).
 */
export class AttentionFlags {
  private readonly collection: Collection<ConversationAttention>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<ConversationAttention>(CONVERSATIONS_COLLECTION);
  }

  /** Creates the unique index on `psid` (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ psid: 1 }, { name: 'psid_unique', unique: true });
  }

  /**
   * Marks the conversation with `psid` as needing a moderator, for `reason`.
   *
   * @throws CodedError `payload_invalid` for an unknown reason or a non-string psid/detail.
   */
  async flag(psid: string, reason: AttentionReason, detail?: string): Promise<ConversationAttention> {
    const person = requirePsid(psid);
    if (!REASONS.includes(reason)) throw new CodedError(ErrorCode.PayloadInvalid, 'unknown attention reason');
    const now = this.clock();
    const entry: AttentionEntry = { reason, at: now };
    const cleanDetail = cleanOptionalText(detail, MAX_DETAIL_LENGTH, 'detail');
    if (cleanDetail) entry.detail = cleanDetail;
    const update: UpdateFilter<ConversationAttention> = {
      $set: { needsModerator: true, updatedAt: now },
      $setOnInsert: { createdAt: now },
      $push: { reasons: { $each: [entry], $slice: -MAX_REASONS } },
    };
    try {
      return await this.upsert(person, update);
    } catch (error) {
      // Two flags at once for a new conversation: the other insert won, update it.
      if ((error as { code?: number }).code !== 11000) throw error;
      return this.upsert(person, update);
    }
  }

  /** The conversation's flags, or null. */
  async get(psid: string): Promise<ConversationAttention | null> {
    return this.collection.findOne({ psid: requirePsid(psid) });
  }

  /** A moderator took over: the conversation no longer needs attention and its reasons are dropped. */
  async clear(psid: string): Promise<boolean> {
    const result = await this.collection.updateOne(
      { psid: requirePsid(psid) },
      { $set: { needsModerator: false, reasons: [], updatedAt: this.clock() } },
    );
    return result.matchedCount === 1;
  }

  /** Conversations waiting for a moderator, oldest update first. */
  async waiting(limit = 50): Promise<ConversationAttention[]> {
    return this.collection.find({ needsModerator: true }).sort({ updatedAt: 1 }).limit(limit).toArray();
  }

  private async upsert(
    psid: string,
    update: UpdateFilter<ConversationAttention>,
  ): Promise<ConversationAttention> {
    const found = await this.collection.findOneAndUpdate({ psid }, update, {
      upsert: true,
      returnDocument: 'after',
    });
    if (!found) throw new CodedError(ErrorCode.DatabaseUnavailable, 'attention flag was not stored');
    return found;
  }
}
