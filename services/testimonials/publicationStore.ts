/**
 * The state changes of publishing and deleting posts, each one a single conditional
 * update so that two runs (or a run and a resident's withdrawal) cannot both win.
 */
import type { Collection, Db, ObjectId } from 'mongodb';
import {
  TESTIMONIALS_COLLECTION,
  type PublishAttempt,
  type StoredTestimonial,
  type Testimonial,
  type TestimonialError,
} from './types';

/** What became of a post id the feed gave back. */
export type PublishedOutcome = 'published' | 'withdrawn_meanwhile' | 'lost';

/** Reads and moves testimonials along the publication steps. */
export class PublicationStore {
  private readonly collection: Collection<Testimonial>;

  constructor(db: Db) {
    this.collection = db.collection<Testimonial>(TESTIMONIALS_COLLECTION);
  }

  /** Testimonials to publish at `now`: scheduled ones due (earliest first), then approved ones (oldest review first). */
  async due(now: Date, limit: number): Promise<StoredTestimonial[]> {
    const found = await this.collection
      .find({ $or: [{ status: 'approved' }, { status: 'scheduled', publishAt: { $lte: now } }] })
      .limit(200)
      .toArray();
    const key = (item: Testimonial): number =>
      (item.status === 'scheduled' ? 0 : 1e15) +
      (item.publishAt ?? item.reviewedAt ?? item.createdAt).getTime();
    return found.sort((a, b) => key(a) - key(b)).slice(0, limit);
  }

  /** Testimonials left in `publishing` by an attempt started at or before `startedBefore`. */
  async inFlight(startedBefore: Date): Promise<StoredTestimonial[]> {
    return this.collection
      .find({ status: 'publishing', 'attempt.startedAt': { $lte: startedBefore } })
      .toArray();
  }

  /** Withdrawn while an attempt was in flight: whether a post exists is not known yet. */
  async withdrawnInFlight(startedBefore: Date): Promise<StoredTestimonial[]> {
    return this.collection
      .find({ status: 'withdrawn', postId: { $exists: false }, 'attempt.startedAt': { $lte: startedBefore } })
      .toArray();
  }

  /** Withdrawn testimonials whose post is still on the Page. */
  async awaitingDeletion(): Promise<StoredTestimonial[]> {
    return this.collection
      .find({ status: 'withdrawn', postId: { $exists: true }, postDeletedAt: { $exists: false } })
      .toArray();
  }

  /** Records `attempt` before the feed call; null when another run took the testimonial first. */
  async begin(_id: ObjectId, attempt: PublishAttempt, now: Date): Promise<StoredTestimonial | null> {
    return this.collection.findOneAndUpdate(
      { _id, status: attempt.fromStatus },
      { $set: { status: 'publishing', attempt, updatedAt: now }, $inc: { attempts: 1 } },
      { returnDocument: 'after' },
    );
  }

  /** Stores the post id of `attemptId`; a testimonial withdrawn meanwhile keeps it for deletion. */
  async published(_id: ObjectId, attemptId: string, postId: string, now: Date): Promise<PublishedOutcome> {
    const done = await this.collection.updateOne(
      { _id, status: 'publishing', 'attempt.id': attemptId },
      { $set: { status: 'published', postId, publishedAt: now, updatedAt: now }, $unset: { lastError: '' } },
    );
    if (done.matchedCount === 1) return 'published';
    const withdrawn = await this.collection.updateOne(
      { _id, status: 'withdrawn', 'attempt.id': attemptId, postId: { $exists: false } },
      { $set: { postId, publishedAt: now, updatedAt: now } },
    );
    return withdrawn.matchedCount === 1 ? 'withdrawn_meanwhile' : 'lost';
  }

  /** The attempt surely did not reach the Page: back to where it was, to be tried again. */
  async requeue(item: StoredTestimonial, error: TestimonialError | undefined, now: Date): Promise<void> {
    const attempt = item.attempt;
    if (!attempt) return;
    await this.collection.updateOne(
      { _id: item._id, status: 'publishing', 'attempt.id': attempt.id },
      { $set: { status: attempt.fromStatus, updatedAt: now, ...(error ? { lastError: error } : {}) } },
    );
  }

  /** Meta refused for good: back to `pending` with the error, for an admin to decide. */
  async refused(_id: ObjectId, attemptId: string, error: TestimonialError, now: Date): Promise<void> {
    await this.collection.updateOne(
      { _id, status: 'publishing', 'attempt.id': attemptId },
      { $set: { status: 'pending', lastError: error, updatedAt: now } },
    );
  }

  /** A withdrawn testimonial's attempt did not produce a post: nothing left to delete. */
  async forgetAttempt(_id: ObjectId, now: Date): Promise<void> {
    await this.collection.updateOne(
      { _id, status: 'withdrawn', postId: { $exists: false } },
      { $unset: { attempt: '' }, $set: { updatedAt: now } },
    );
  }

  /**
   * Stores the post found for a withdrawn testimonial, so that it gets deleted; the attempt
   * (the exact text, signature included) is not needed any more.
   */
  async foundForWithdrawn(_id: ObjectId, postId: string, now: Date): Promise<void> {
    await this.collection.updateOne(
      { _id, status: 'withdrawn', postId: { $exists: false } },
      { $set: { postId, updatedAt: now }, $unset: { attempt: '' } },
    );
  }

  /** The post of a withdrawn testimonial is gone from the Page: nothing is left to reconcile. */
  async postDeleted(_id: ObjectId, now: Date): Promise<void> {
    await this.collection.updateOne(
      { _id },
      { $set: { postDeletedAt: now, updatedAt: now }, $unset: { attempt: '' } },
    );
  }

  /** Records a failed call (codes only). */
  async recordError(_id: ObjectId, error: TestimonialError): Promise<void> {
    await this.collection.updateOne({ _id }, { $set: { lastError: error, updatedAt: error.at } });
  }
}
