/**
 * Offers and needs (collection `entries`), the module's one writer of it: creation (fields
 * validated in newEntry.ts), the reads, the matches' mark, and, through the files that hold
 * them, the owner's actions (pause, resume, renew, close, withdraw, recurring:
 * entryOwnerActions.ts), the moderators' review (entryReviews.ts) and the expiry
 * (entryExpiry.ts).
 */
import type { Collection, Db, ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import type { Entry } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { NEUTRAL_SCREENING_WORDS, type ScreeningWords } from '../screening/screenText';
import { requirePsid, toObjectId } from '../validation';
import { EntryOwnerActions } from './entryOwnerActions';
import { EntryExpiry } from './entryExpiry';
import { EntryReviews } from './entryReviews';
import { roundLegacyLocations } from './legacyLocations';
import { validNewEntry, type NewEntry } from './newEntry';
import {
  ACTIVE_STATUSES,
  type ExpiringEntry,
  type ReviewDecision,
  type ReviewedEntry,
  type StoredEntry,
} from './types';

/** Name of the collection of offers and needs. */
export const ENTRIES_COLLECTION = 'entries';
/** Default number of days an entry stays active before it must be renewed. */
export const DEFAULT_EXPIRY_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Options of {@link EntryRepository}. */
export interface EntryRepositoryOptions {
  /** Days before an entry expires (and again after each renewal); 30 by default. */
  expiryDays?: number;
  /**
   * The placeholders written where a description or an availability held contact details
   * (the composition root passes the locale's); neutral tokens by default.
   */
  screening?: ScreeningWords;
}

/**
 * Stores offers and needs.
 *
 * @remarks
 * Ids arrive from payloads as strings: a string that is not a 24-hex ObjectId finds nothing
 * (`get` returns null, actions return false) and no query is sent. Owner actions match on
 * both the id and the psid, so a resident can only act on their own entries. Locations are
 * stored rounded to the centre of their block (`services/places/blocks`): the exact point
 * is never stored.
 */
export class EntryRepository {
  private readonly collection: Collection<Entry>;
  private readonly expiryMs: number;
  private readonly screening: ScreeningWords;
  private readonly reviews: EntryReviews;
  private readonly expiry: EntryExpiry;
  private readonly owner: EntryOwnerActions;

  constructor(
    db: Db,
    private readonly clock: Clock,
    options: EntryRepositoryOptions = {},
  ) {
    this.collection = db.collection<Entry>(ENTRIES_COLLECTION);
    const days = options.expiryDays ?? DEFAULT_EXPIRY_DAYS;
    if (!(days > 0)) throw new CodedError(ErrorCode.ConfigInvalid, 'expiryDays must be positive');
    this.expiryMs = days * DAY_MS;
    this.screening = options.screening ?? NEUTRAL_SCREENING_WORDS;
    this.reviews = new EntryReviews(this.collection, clock);
    this.expiry = new EntryExpiry(this.collection);
    this.owner = new EntryOwnerActions(this.collection, clock, this.expiryMs);
  }

  /**
   * Creates the geospatial and lookup indexes, and rounds to their block the locations
   * stored before blocks (idempotent).
   */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndexes([
      { key: { location: '2dsphere' }, name: 'location_2dsphere' },
      { key: { psid: 1 }, name: 'psid' },
      { key: { status: 1, category: 1 }, name: 'status_category' },
      { key: { expiresAt: 1 }, name: 'expiresAt' },
    ]);
    await roundLegacyLocations(this.collection);
  }

  /**
   * Replaces the exact points of entries stored before blocks by the centre of their block
   * (see `roundLegacyLocations` in legacyLocations.ts).
   *
   * @returns how many entries were rounded.
   */
  roundLegacyLocations(): Promise<number> {
    return roundLegacyLocations(this.collection);
  }

  /**
   * Validates and stores a new entry, `pending_review` until a moderator publishes it.
   *
   * @throws CodedError `payload_invalid` when a field has the wrong type or value.
   */
  async create(input: NewEntry): Promise<StoredEntry> {
    const entry = validNewEntry(input, this.clock(), this.expiryMs, this.screening);
    const { insertedId } = await this.collection.insertOne(entry);
    return { ...entry, _id: insertedId };
  }

  /** The entry with this id, or null (also for a malformed id). */
  async get(id: string | ObjectId): Promise<StoredEntry | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    return this.collection.findOne({ _id });
  }

  /** The resident's entries: the ones not withdrawn first, most recent first within each group. */
  async listByResident(psid: string): Promise<StoredEntry[]> {
    const entries = await this.collection
      .find({ psid: requirePsid(psid) })
      .sort({ createdAt: -1, _id: -1 })
      .toArray();
    const withdrawn = (entry: Entry): number => (entry.status === 'withdrawn' ? 1 : 0);
    return entries.sort((a, b) => withdrawn(a) - withdrawn(b));
  }

  /** Pauses an active entry of `psid` (it stops being proposed); false if not theirs or not active. */
  pause(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.owner.pause(id, psid);
  }

  /** Resumes a paused entry of `psid`; false if not theirs or not paused. */
  resume(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.owner.resume(id, psid);
  }

  /** Pushes the expiry of an entry of `psid` to `expiryDays` from now; false if not theirs or closed. */
  renew(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.owner.renew(id, psid);
  }

  /** Closes an active entry of `psid` (its owner says it is no longer needed); false otherwise. */
  close(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.owner.close(id, psid);
  }

  /** Withdraws an entry of `psid` for good; false if not theirs or already withdrawn. */
  withdraw(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.owner.withdraw(id, psid);
  }

  /** Publishes an entry that waits for review (moderators); false otherwise. */
  publish(id: string | ObjectId): Promise<boolean> {
    return this.reviews.publish(id);
  }

  /**
   * Marks the need and offer of an accepted match `matched` (those still pending review or
   * published; a closed or withdrawn one stays as it is), and counts the neighbour helped
   * on the offer; a recurring offer stays as it was (published, paused or not).
   */
  async markMatched(ids: readonly ObjectId[]): Promise<void> {
    const now = this.clock();
    await this.collection.bulkWrite(
      [
        {
          updateMany: {
            filter: { _id: { $in: [...ids] }, kind: 'offer' },
            update: { $inc: { helpedCount: 1 } },
          },
        },
        {
          updateMany: {
            filter: { _id: { $in: [...ids] }, status: { $in: ACTIVE_STATUSES }, recurring: { $ne: true } },
            update: { $set: { status: 'matched', updatedAt: now } },
          },
        },
      ],
      { ordered: true },
    );
  }

  /** Makes an offer of `psid` recurring or one-off; false if not theirs, not an offer, or settled. */
  setRecurring(id: string | ObjectId, psid: string, recurring: boolean): Promise<boolean> {
    return this.owner.setRecurring(id, psid, recurring);
  }

  /**
   * Claims a one-off offer of `psid` used up by a match for publishing it again (once: a
   * second claim, a double tap or a replay, finds nothing); returns it, or null.
   */
  claimRepublish(id: string | ObjectId, psid: string): Promise<StoredEntry | null> {
    return this.owner.claimRepublish(id, psid);
  }

  /** Gives back a claim of {@link EntryRepository.claimRepublish} that stored nothing (the daily limit). */
  releaseRepublish(id: ObjectId): Promise<void> {
    return this.owner.releaseRepublish(id);
  }

  /**
   * Makes a one-off offer of `psid` used up by a match recurring and available again
   * (published, for another `expiryDays`); false if not theirs or not such an offer.
   */
  reopenRecurring(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.owner.reopenRecurring(id, psid);
  }

  /** Records that the author of the need `id` accepts the order of helpers; false if not theirs. */
  acceptOrder(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.owner.acceptOrder(id, psid);
  }

  /** Entries waiting for review, oldest first, at most `limit` (the moderators' queue). */
  listPendingReview(limit: number): Promise<ReviewedEntry[]> {
    return this.reviews.listPendingReview(limit);
  }

  /** The entry `id` with its review fields, whatever its status; null for an unknown or malformed id. */
  getForReview(id: string | ObjectId): Promise<ReviewedEntry | null> {
    return this.get(id);
  }

  /**
   * Applies a moderator's decision to an entry still pending review (see
   * {@link EntryReviews.recordReview}); false when it is no longer pending review.
   */
  recordReview(id: string | ObjectId, decision: ReviewDecision): Promise<boolean> {
    return this.reviews.recordReview(id, decision);
  }

  /** The entry of `psid` refused most recently, at `since` or later; null when none. */
  lastRefusedOf(psid: string, since: Date): Promise<ReviewedEntry | null> {
    return this.reviews.lastRefusedOf(psid, since);
  }

  /** Forgets the notice of a review once it was delivered or queued for the moderators. */
  clearReviewNotice(id: string | ObjectId): Promise<void> {
    return this.reviews.clearReviewNotice(id);
  }

  /** Active entries (pending review or published) whose expiry is `now` or earlier. */
  listExpired(now: Date): Promise<ExpiringEntry[]> {
    return this.expiry.listExpired(now);
  }

  /** Records that the owner was asked whether to renew the entry (see {@link EntryExpiry.markRenewalAsked}). */
  markRenewalAsked(entry: ExpiringEntry, at: Date): Promise<void> {
    return this.expiry.markRenewalAsked(entry, at);
  }

  /** Closes an expired entry unless renewed meanwhile (see {@link EntryExpiry.closeExpired}); true when closed. */
  closeExpired(entry: ExpiringEntry, at: Date): Promise<boolean> {
    return this.expiry.closeExpired(entry, at);
  }
}
