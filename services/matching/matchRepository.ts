/**
 * Needs put in touch with offers (collection `matches`), and what their owners decide.
 */
import type { Collection, Db, ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import type { Entry, Match, MatchStatus } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { ENTRIES_COLLECTION } from '../entries/entryRepository';
import { requirePsid, toObjectId } from '../entries/validation';

/** Name of the collection of matches. */
export const MATCHES_COLLECTION = 'matches';

/** A match as stored, with its id. */
export type StoredMatch = Match & { _id: ObjectId };

/**
 * Records proposals and the offer owner's answer.
 *
 * @remarks
 * Malformed ids find nothing (null / empty). Only the owner of the offer can accept or
 * decline, and only while the match is `proposed`; accepting marks both entries `matched`.
 */
export class MatchRepository {
  private readonly collection: Collection<Match>;
  private readonly entries: Collection<Entry>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<Match>(MATCHES_COLLECTION);
    this.entries = db.collection<Entry>(ENTRIES_COLLECTION);
  }

  /** Creates the lookup indexes (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndexes([
      { key: { needId: 1 }, name: 'needId' },
      { key: { offerId: 1 }, name: 'offerId' },
      { key: { needPsid: 1 }, name: 'needPsid' },
      { key: { offerPsid: 1 }, name: 'offerPsid' },
      { key: { status: 1, createdAt: 1 }, name: 'statusCreatedAt' },
    ]);
  }

  /**
   * Records that `offer` was proposed for `need`, `distanceMeters` apart.
   *
   * @throws CodedError `payload_invalid` when the entries are not a stored need and offer of the same category.
   */
  async propose(need: Entry, offer: Entry, distanceMeters: number): Promise<StoredMatch> {
    const needId = toObjectId(need._id);
    const offerId = toObjectId(offer._id);
    if (
      !needId ||
      !offerId ||
      need.kind !== 'need' ||
      offer.kind !== 'offer' ||
      need.category !== offer.category
    ) {
      throw new CodedError(ErrorCode.PayloadInvalid, 'a match needs a stored need and offer of one category');
    }
    if (!Number.isFinite(distanceMeters) || distanceMeters < 0) {
      throw new CodedError(ErrorCode.PayloadInvalid, 'distanceMeters is invalid');
    }
    const now = this.clock();
    const match: Match = {
      needId,
      offerId,
      needPsid: requirePsid(need.psid),
      offerPsid: requirePsid(offer.psid),
      category: need.category,
      distanceMeters: Math.round(distanceMeters),
      status: 'proposed',
      createdAt: now,
      updatedAt: now,
    };
    const { insertedId } = await this.collection.insertOne(match);
    return { ...match, _id: insertedId };
  }

  /** The match with this id, or null (also for a malformed id). */
  async get(id: string | ObjectId): Promise<StoredMatch | null> {
    const _id = toObjectId(id);
    return _id ? this.collection.findOne({ _id }) : null;
  }

  /**
   * The offer's owner accepts: the match becomes `accepted` and both entries `matched`.
   *
   * @returns the accepted match, or null when the id is unknown, `offerPsid` is not the
   * offer's owner, or the match is no longer `proposed`.
   */
  async accept(id: string | ObjectId, offerPsid: string): Promise<StoredMatch | null> {
    const now = this.clock();
    const accepted = await this.transition(id, offerPsid, 'accepted', { acceptedAt: now });
    if (accepted) {
      await this.entries.updateMany(
        {
          _id: { $in: [accepted.needId, accepted.offerId] },
          status: { $in: ['pending_review', 'published'] },
        },
        { $set: { status: 'matched', updatedAt: now } },
      );
    }
    return accepted;
  }

  /** The offer's owner declines; null when not theirs or no longer `proposed`. */
  async decline(id: string | ObjectId, offerPsid: string): Promise<StoredMatch | null> {
    return this.transition(id, offerPsid, 'declined', {});
  }

  /** Hands a proposed, declined or expired match to the moderators; null when unknown or already settled. */
  async toModerators(id: string | ObjectId): Promise<StoredMatch | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    return await this.collection.findOneAndUpdate(
      { _id, status: { $in: ['proposed', 'declined', 'expired'] } },
      { $set: { status: 'to_moderators', updatedAt: this.clock() } },
      { returnDocument: 'after' },
    );
  }

  /**
   * Expires the oldest match still `proposed` since `before` or earlier (the helper never
   * answered), in one atomic step: of two callers at once, only one gets each match.
   *
   * @returns up to `limit` matches, each now `expired` by this call, oldest first.
   */
  async expireProposedBefore(before: Date, limit: number): Promise<StoredMatch[]> {
    const expired: StoredMatch[] = [];
    while (expired.length < limit) {
      const match = await this.collection.findOneAndUpdate(
        { status: 'proposed', createdAt: { $lte: before } },
        { $set: { status: 'expired', updatedAt: this.clock() } },
        { sort: { createdAt: 1, _id: 1 }, returnDocument: 'after' },
      );
      if (!match) break;
      expired.push(match);
    }
    return expired;
  }

  /** Every match of a need, oldest first (an invalid id gives none). */
  async forNeed(needId: string | ObjectId): Promise<StoredMatch[]> {
    const _id = toObjectId(needId);
    if (!_id) return [];
    return await this.collection.find({ needId: _id }).sort({ createdAt: 1, _id: 1 }).toArray();
  }

  private async transition(
    id: string | ObjectId,
    offerPsid: string,
    status: MatchStatus,
    extra: Partial<Match>,
  ): Promise<StoredMatch | null> {
    const _id = toObjectId(id);
    if (!_id || typeof offerPsid !== 'string' || offerPsid === '') return null;
    return await this.collection.findOneAndUpdate(
      { _id, offerPsid, status: 'proposed' },
      { $set: { ...extra, status, updatedAt: this.clock() } },
      { returnDocument: 'after' },
    );
  }
}
