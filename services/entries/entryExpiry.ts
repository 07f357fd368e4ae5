/**
 * The expiry of entries, over the collection `entries` (the `expire-entries` job): the
 * active entries past their expiry, the renewal question asked, and the closing, each
 * giving way to a renewal made meanwhile.
 *
 * @remarks
 * Reached through `EntryRepository`, the one writer of the collection.
 */
import type { Collection } from 'mongodb';
import type { Entry } from '../domain/types';
import { ACTIVE_STATUSES, type ExpiringEntry } from './types';

/** Reads and writes of the expiry of entries. */
export class EntryExpiry {
  private readonly collection: Collection<ExpiringEntry>;

  constructor(collection: Collection<Entry>) {
    this.collection = collection as unknown as Collection<ExpiringEntry>;
  }

  /** Active entries (pending review or published) whose expiry is `now` or earlier. */
  async listExpired(now: Date): Promise<ExpiringEntry[]> {
    return await this.collection
      .find({ status: { $in: ACTIVE_STATUSES }, expiresAt: { $lte: now } })
      .toArray();
  }

  /**
   * Records that the owner was asked whether to renew the entry, unless a renewal moved its
   * expiry meanwhile.
   */
  async markRenewalAsked(entry: ExpiringEntry, at: Date): Promise<void> {
    await this.collection.updateOne(
      { _id: entry._id, expiresAt: entry.expiresAt },
      { $set: { renewalAskedAt: at } },
    );
  }

  /**
   * Closes an expired entry, unless a renewal moved its expiry meanwhile (the renewal wins).
   *
   * @returns true when the entry was closed by this call.
   */
  async closeExpired(entry: ExpiringEntry, at: Date): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: entry._id, status: { $in: ACTIVE_STATUSES }, expiresAt: entry.expiresAt },
      { $set: { status: 'closed', closedAt: at, closedReason: 'expired', updatedAt: at } },
    );
    return result.modifiedCount === 1;
  }
}
