/**
 * The moderators' review of entries, over the collection `entries`: the queue of entries
 * pending review, the decision (published or refused, with the notice the resident must be
 * told), and the refusals a resident may reply to.
 *
 * @remarks
 * Reached through `EntryRepository`, the one writer of the collection.
 */
import type { Collection, ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import type { Entry } from '../domain/types';
import { toObjectId } from '../validation';
import type { ReviewDecision, ReviewedEntry } from './types';

/** Reads and writes of the review of entries. */
export class EntryReviews {
  constructor(
    private readonly collection: Collection<Entry>,
    private readonly clock: Clock,
  ) {}

  /** Publishes an entry that waits for review (moderators); false otherwise. */
  async publish(id: string | ObjectId): Promise<boolean> {
    const _id = toObjectId(id);
    if (!_id) return false;
    const result = await this.collection.updateOne(
      { _id, status: 'pending_review' },
      { $set: { status: 'published', updatedAt: this.clock() } },
    );
    return result.matchedCount === 1;
  }

  /** Entries waiting for review, oldest first, at most `limit` (the moderators' queue). */
  async listPendingReview(limit: number): Promise<ReviewedEntry[]> {
    return this.collection
      .find({ status: 'pending_review' })
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
  }

  /**
   * Applies a moderator's decision to an entry still pending review, with the notice the
   * resident must be told (kept until delivered, written by the same update).
   *
   * @returns false when the entry is no longer pending review (or the id is malformed).
   */
  async recordReview(id: string | ObjectId, decision: ReviewDecision): Promise<boolean> {
    const _id = toObjectId(id);
    if (!_id) return false;
    const now = this.clock();
    const result = await this.collection.updateOne(
      { _id, status: 'pending_review' },
      { $set: { ...decision, ...(decision.rejectedReason ? { rejectedAt: now } : {}), updatedAt: now } },
    );
    return result.matchedCount === 1;
  }

  /** The entry of `psid` refused most recently, at `since` or later; null when none. */
  async lastRefusedOf(psid: string, since: Date): Promise<ReviewedEntry | null> {
    return this.collection.findOne(
      { psid, status: 'closed', rejectedAt: { $gte: since } },
      { sort: { rejectedAt: -1 } },
    );
  }

  /** Forgets the notice of a review once it was delivered or queued for the moderators. */
  async clearReviewNotice(id: string | ObjectId): Promise<void> {
    const _id = toObjectId(id);
    if (!_id) return;
    await this.collection.updateOne({ _id }, { $unset: { residentNotice: '' } });
  }
}
