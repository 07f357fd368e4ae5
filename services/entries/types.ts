/**
 * What an entry is once stored: with its id ({@link StoredEntry}), with the fields of its
 * expiry ({@link ExpiringEntry}), and with the fields of the moderators' review
 * ({@link ReviewedEntry}, written by a {@link ReviewDecision}).
 */
import type { ObjectId } from 'mongodb';
import type { Entry, EntryStatus } from '../domain/types';

/** An entry as stored, with its id. */
export type StoredEntry = Entry & { _id: ObjectId };

/** An entry with the fields of its expiry (the `expire-entries` job). */
export type ExpiringEntry = StoredEntry & {
  /**
   * When the renewal question was asked. It concerns the current expiry while it is later
   * than `expiresAt`; a renewal moves `expiresAt` past it, so the next expiry asks again.
   */
  renewalAskedAt?: Date;
  closedAt?: Date;
  closedReason?: 'expired';
};

/** A moderator's decision on an entry pending review (see `EntryRepository.recordReview`). */
export interface ReviewDecision {
  status: 'published' | 'closed';
  /** Why it was refused (moderation's reasons). */
  rejectedReason?: string;
  /** Who refused it (a referent's psid): a reply of the resident goes to them. */
  rejectedBy?: string;
  /** What the resident must be told, kept until delivered. */
  residentNotice?: { kind: string };
}

/**
 * An entry as the moderators' review reads it: with the fields a {@link ReviewDecision}
 * wrote (their values are moderation's; this module stores them as given).
 */
export type ReviewedEntry = StoredEntry &
  Pick<ReviewDecision, 'rejectedReason' | 'rejectedBy' | 'residentNotice'> & {
    /** When it was refused (set with `rejectedReason`). */
    rejectedAt?: Date;
  };

/** Statuses in which an entry is active: its owner may still pause, resume or renew it, and it expires. */
export const ACTIVE_STATUSES: readonly EntryStatus[] = ['pending_review', 'published'];
