/**
 * The owner's actions on their entries, over the collection `entries`: pause, resume, renew,
 * close, withdraw, recurring or one-off, publishing a used-up offer again, and accepting the
 * order of helpers. Each matches on both the id and the psid, so a resident can only act on
 * their own entries; a malformed id finds nothing and sends no query.
 *
 * @remarks
 * Reached through `EntryRepository`, the one writer of the collection.
 */
import type { Collection, Filter, ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import type { Entry } from '../domain/types';
import { toObjectId } from '../validation';
import { ACTIVE_STATUSES, type StoredEntry } from './types';

/** A one-off offer used up by its match, not yet published again. */
const USED_UP: Filter<Entry> = {
  kind: 'offer',
  status: 'matched',
  recurring: { $ne: true },
  republishedAt: { $exists: false },
};

/** Writes of the owner of an entry. */
export class EntryOwnerActions {
  constructor(
    private readonly collection: Collection<Entry>,
    private readonly clock: Clock,
    /** How long an entry stays active after a renewal. */
    private readonly expiryMs: number,
  ) {}

  /** Pauses an active entry of `psid` (it stops being proposed); false if not theirs or not active. */
  async pause(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ownerUpdate(
      id,
      psid,
      { status: { $in: ACTIVE_STATUSES }, paused: { $ne: true } },
      { paused: true },
    );
  }

  /** Resumes a paused entry of `psid`; false if not theirs or not paused. */
  async resume(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ownerUpdate(id, psid, { status: { $in: ACTIVE_STATUSES }, paused: true }, { paused: false });
  }

  /** Pushes the expiry of an entry of `psid` to `expiryDays` from now; false if not theirs or closed. */
  async renew(id: string | ObjectId, psid: string): Promise<boolean> {
    const expiresAt = new Date(this.clock().getTime() + this.expiryMs);
    return this.ownerUpdate(id, psid, { status: { $in: [...ACTIVE_STATUSES, 'matched'] } }, { expiresAt });
  }

  /** Closes an active entry of `psid` (its owner says it is no longer needed); false otherwise. */
  async close(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ownerUpdate(
      id,
      psid,
      { status: { $in: [...ACTIVE_STATUSES, 'matched'] } },
      { status: 'closed', paused: false },
    );
  }

  /** Withdraws an entry of `psid` for good; false if not theirs or already withdrawn. */
  async withdraw(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ownerUpdate(
      id,
      psid,
      { status: { $ne: 'withdrawn' } },
      { status: 'withdrawn', paused: false },
    );
  }

  /** Makes an offer of `psid` recurring or one-off; false if not theirs, not an offer, or settled. */
  async setRecurring(id: string | ObjectId, psid: string, recurring: boolean): Promise<boolean> {
    if (typeof recurring !== 'boolean') return false;
    return this.ownerUpdate(id, psid, { kind: 'offer', status: { $in: ACTIVE_STATUSES } }, { recurring });
  }

  /**
   * Claims a one-off offer of `psid` used up by a match for publishing it again (once: a
   * second claim, a double tap or a replay, finds nothing); returns it, or null.
   */
  async claimRepublish(id: string | ObjectId, psid: string): Promise<StoredEntry | null> {
    const _id = toObjectId(id);
    if (!_id || typeof psid !== 'string' || psid === '') return null;
    const now = this.clock();
    return this.collection.findOneAndUpdate(
      { _id, psid, ...USED_UP },
      { $set: { republishedAt: now, updatedAt: now } },
      { returnDocument: 'after' },
    );
  }

  /** Gives back a claim of {@link EntryOwnerActions.claimRepublish} that stored nothing (the daily limit). */
  async releaseRepublish(id: ObjectId): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $unset: { republishedAt: '' } });
  }

  /**
   * Makes a one-off offer of `psid` used up by a match recurring and available again
   * (published, for another `expiryDays`); false if not theirs or not such an offer.
   */
  async reopenRecurring(id: string | ObjectId, psid: string): Promise<boolean> {
    const expiresAt = new Date(this.clock().getTime() + this.expiryMs);
    return this.ownerUpdate(id, psid, USED_UP, {
      recurring: true,
      status: 'published',
      paused: false,
      expiresAt,
    });
  }

  /** Records that the author of the need `id` accepts the order of helpers; false if not theirs. */
  async acceptOrder(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ownerUpdate(id, psid, { kind: 'need' }, { orderAccepted: true });
  }

  /** Sets `changes` on the entry `id` of `psid` when it meets `condition`; false otherwise. */
  private async ownerUpdate(
    id: string | ObjectId,
    psid: string,
    condition: Filter<Entry>,
    changes: Partial<Entry>,
  ): Promise<boolean> {
    const _id = toObjectId(id);
    if (!_id || typeof psid !== 'string' || psid === '') return false;
    const result = await this.collection.updateOne(
      { ...condition, _id, psid },
      { $set: { ...changes, updatedAt: this.clock() } },
    );
    return result.matchedCount === 1;
  }
}
