/**
 * Offers and needs (collection `entries`): creation with validated fields, and the owner's
 * actions on them (pause, resume, renew, withdraw).
 */
import type { AnyBulkWriteOperation, Collection, Db, Filter, ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import type { Entry, EntryKind, EntryStatus, GeoPoint, LocationSource } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { BLOCK_METERS, blockCentre } from '../places';
import { cleanShownText, NEUTRAL_SCREENING_WORDS, type ScreeningWords } from '../screening/screenText';
import {
  cleanOptionalText,
  cleanText,
  isCategory,
  isValidLatLon,
  requirePoint,
  requirePsid,
  toObjectId,
} from '../validation';

/** Name of the collection of offers and needs. */
export const ENTRIES_COLLECTION = 'entries';
/** Longest description kept, in characters. */
export const MAX_DESCRIPTION_LENGTH = 500;
/** Longest availability text kept ("le mardi matin"). */
export const MAX_AVAILABILITY_LENGTH = 200;
/** Longest address text kept. */
export const MAX_ADDRESS_LENGTH = 200;
/** Default number of days an entry stays active before it must be renewed. */
export const DEFAULT_EXPIRY_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
const KINDS: readonly EntryKind[] = ['offer', 'need'];
const SOURCES: readonly LocationSource[] = [
  'address',
  'neighbourhood',
  'shared_location',
  'neighbourhood_fallback',
];
const BENEFICIARIES: readonly NonNullable<Entry['beneficiary']>[] = ['self', 'relative'];
const URGENCIES: readonly NonNullable<Entry['urgency']>[] = ['high', 'normal'];
const MAX_FLAGS = 10;
/** Entries whose location is rounded per bulk command by {@link EntryRepository.roundLegacyLocations}. */
const ROUNDING_BATCH = 500;

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

/** A moderator's decision on an entry pending review (see {@link EntryRepository.recordReview}). */
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

/** What the dialogs provide to create an entry; the repository sets status, dates and expiry. */
export interface NewEntry {
  psid: string;
  kind: EntryKind;
  category: Entry['category'];
  description: string;
  availability: string;
  /** Where the resident is; only the centre of its block is stored. */
  location: GeoPoint;
  locationSource: LocationSource;
  addressText?: string;
  neighbourhood?: string;
  beneficiary?: 'self' | 'relative';
  urgency?: 'high' | 'normal';
  /** For example `money` when the description mentioned money after the reminder. */
  flags?: string[];
  /** The referent's psid when they register someone who is not online. */
  registeredBy?: string;
  /** Offers only: true when the offer is recurring (stays available after a match). */
  recurring?: boolean;
}

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

/** Statuses in which the owner may still pause, resume or renew an entry. */
const ACTIVE: EntryStatus[] = ['pending_review', 'published'];
/** A one-off offer used up by its match, not yet published again. */
const USED_UP: Filter<Entry> = {
  kind: 'offer',
  status: 'matched',
  recurring: { $ne: true },
  republishedAt: { $exists: false },
};

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
    await this.roundLegacyLocations();
  }

  /**
   * Replaces the exact points of entries stored before blocks by the centre of their block,
   * so that they can be matched again (the matcher ignores entries not rounded).
   *
   * @remarks
   * One-off and idempotent: once done, it finds nothing to update. An entry whose stored
   * location is not a valid point is left as it is, and so never matched.
   *
   * @returns how many entries were rounded.
   */
  async roundLegacyLocations(): Promise<number> {
    const legacy = this.collection.find(
      { locationBlockMeters: { $ne: BLOCK_METERS } },
      { projection: { _id: 1, location: 1 } },
    );
    let rounded = 0;
    let batch: AnyBulkWriteOperation<Entry>[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const result = await this.collection.bulkWrite(batch, { ordered: false });
      rounded += result.modifiedCount;
      batch = [];
    };
    for await (const { _id, location } of legacy) {
      const coordinates: unknown[] = Array.isArray(location?.coordinates) ? location.coordinates : [];
      if (location?.type !== 'Point' || !isValidLatLon(coordinates[1], coordinates[0])) continue;
      batch.push({
        updateOne: {
          filter: { _id, locationBlockMeters: { $ne: BLOCK_METERS } },
          update: { $set: { location: blockCentre(location), locationBlockMeters: BLOCK_METERS } },
        },
      });
      if (batch.length >= ROUNDING_BATCH) await flush();
    }
    await flush();
    return rounded;
  }

  /**
   * Validates and stores a new entry, `pending_review` until a moderator publishes it.
   *
   * @throws CodedError `payload_invalid` when a field has the wrong type or value.
   */
  async create(input: NewEntry): Promise<StoredEntry> {
    const now = this.clock();
    const entry: Entry = {
      psid: requirePsid(input.psid),
      kind: oneOf(input.kind, KINDS, 'kind'),
      category: isCategory(input.category) ? input.category : invalid('category'),
      description: cleanShownText(input.description, MAX_DESCRIPTION_LENGTH, 'description', this.screening),
      availability: cleanShownText(
        input.availability,
        MAX_AVAILABILITY_LENGTH,
        'availability',
        this.screening,
      ),
      location: blockCentre(requirePoint(input.location)),
      locationBlockMeters: BLOCK_METERS,
      locationSource: oneOf(input.locationSource, SOURCES, 'locationSource'),
      status: 'pending_review',
      flags: cleanFlags(input.flags),
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + this.expiryMs),
    };
    if (entry.description === '') invalid('description');
    const addressText = cleanOptionalText(input.addressText, MAX_ADDRESS_LENGTH, 'addressText');
    if (addressText) entry.addressText = addressText;
    const neighbourhood = cleanOptionalText(input.neighbourhood, 100, 'neighbourhood');
    if (neighbourhood) entry.neighbourhood = neighbourhood;
    if (input.beneficiary !== undefined)
      entry.beneficiary = oneOf(input.beneficiary, BENEFICIARIES, 'beneficiary');
    if (input.urgency !== undefined) entry.urgency = oneOf(input.urgency, URGENCIES, 'urgency');
    if (input.registeredBy !== undefined) entry.registeredBy = requirePsid(input.registeredBy);
    if (input.recurring !== undefined) {
      if (typeof input.recurring !== 'boolean') invalid('recurring');
      if (input.recurring && entry.kind === 'offer') entry.recurring = true;
    }
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
  async pause(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ownerUpdate(id, psid, { status: { $in: ACTIVE }, paused: { $ne: true } }, { paused: true });
  }

  /** Resumes a paused entry of `psid`; false if not theirs or not paused. */
  async resume(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ownerUpdate(id, psid, { status: { $in: ACTIVE }, paused: true }, { paused: false });
  }

  /** Pushes the expiry of an entry of `psid` to `expiryDays` from now; false if not theirs or closed. */
  async renew(id: string | ObjectId, psid: string): Promise<boolean> {
    const expiresAt = new Date(this.clock().getTime() + this.expiryMs);
    return this.ownerUpdate(id, psid, { status: { $in: [...ACTIVE, 'matched'] } }, { expiresAt });
  }

  /** Closes an active entry of `psid` (its owner says it is no longer needed); false otherwise. */
  async close(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.ownerUpdate(
      id,
      psid,
      { status: { $in: [...ACTIVE, 'matched'] } },
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
            filter: { _id: { $in: [...ids] }, status: { $in: ACTIVE }, recurring: { $ne: true } },
            update: { $set: { status: 'matched', updatedAt: now } },
          },
        },
      ],
      { ordered: true },
    );
  }

  /** Makes an offer of `psid` recurring or one-off; false if not theirs, not an offer, or settled. */
  async setRecurring(id: string | ObjectId, psid: string, recurring: boolean): Promise<boolean> {
    if (typeof recurring !== 'boolean') return false;
    return this.ownerUpdate(id, psid, { kind: 'offer', status: { $in: ACTIVE } }, { recurring });
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

  /** Gives back a claim of {@link EntryRepository.claimRepublish} that stored nothing (the daily limit). */
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

  /** Entries waiting for review, oldest first, at most `limit` (the moderators' queue). */
  async listPendingReview(limit: number): Promise<ReviewedEntry[]> {
    return this.collection
      .find({ status: 'pending_review' })
      .sort({ createdAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
  }

  /** The entry `id` with its review fields, whatever its status; null for an unknown or malformed id. */
  async getForReview(id: string | ObjectId): Promise<ReviewedEntry | null> {
    return this.get(id);
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

  /** Active entries (pending review or published) whose expiry is `now` or earlier. */
  async listExpired(now: Date): Promise<ExpiringEntry[]> {
    return await this.expiring()
      .find({ status: { $in: ACTIVE }, expiresAt: { $lte: now } })
      .toArray();
  }

  /**
   * Records that the owner was asked whether to renew the entry, unless a renewal moved its
   * expiry meanwhile.
   */
  async markRenewalAsked(entry: ExpiringEntry, at: Date): Promise<void> {
    await this.expiring().updateOne(
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
    const result = await this.expiring().updateOne(
      { _id: entry._id, status: { $in: ACTIVE }, expiresAt: entry.expiresAt },
      { $set: { status: 'closed', closedAt: at, closedReason: 'expired', updatedAt: at } },
    );
    return result.modifiedCount === 1;
  }

  private expiring(): Collection<ExpiringEntry> {
    return this.collection as unknown as Collection<ExpiringEntry>;
  }

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

function invalid(what: string): never {
  throw new CodedError(ErrorCode.PayloadInvalid, `${what} is invalid`);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : invalid(what);
}

function cleanFlags(flags: unknown): string[] {
  if (flags === undefined) return [];
  if (!Array.isArray(flags)) invalid('flags');
  return [...new Set(flags.slice(0, MAX_FLAGS).map((flag) => cleanText(flag, 40, 'flag')))].filter(Boolean);
}
