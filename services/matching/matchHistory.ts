/**
 * What the matching reads of past matches in the collection `matches` before putting a
 * helper forward: the needs with a match under way, the pairs already made, how often each
 * helper was put forward, the latest match of each need.
 *
 * @remarks
 * Reads only, reached through `MatchRepository`.
 */
import type { Collection, ObjectId } from 'mongodb';
import type { MatchStatus } from '../domain/types';
import type { MatchDocument } from './matchFollowUps';
import type { StoredMatch } from './matchDocuments';

/**
 * Statuses of a match under way: its need is not suggested anything else meanwhile. A match
 * with the moderators is not: a new helper near may still be suggested to the author.
 */
const UNDER_WAY: MatchStatus[] = ['suggested', 'proposed', 'accepted'];

/** Reads of the past of matches. */
export class MatchHistory {
  constructor(private readonly collection: Collection<MatchDocument>) {}

  /**
   * Of `needIds`, the needs that already have a match under way (suggested to their author,
   * asked of a helper, or accepted): they are not re-examined.
   */
  async needsUnderWay(needIds: readonly ObjectId[]): Promise<Set<string>> {
    if (needIds.length === 0) return new Set();
    const ids: ObjectId[] = await this.collection.distinct('needId', {
      needId: { $in: [...needIds] },
      status: { $in: UNDER_WAY },
    });
    return new Set(ids.map((id) => id.toHexString()));
  }

  /** Every need with a match under way (hex ids), whatever the need: one read on `statusCreatedAt`. */
  async allNeedsUnderWay(): Promise<Set<string>> {
    const ids: ObjectId[] = await this.collection.distinct('needId', { status: { $in: UNDER_WAY } });
    return new Set(ids.map((id) => id.toHexString()));
  }

  /** Every (need, offer) pair already made for `needIds`, as `needHex:offerHex`: never suggested twice. */
  async pairsOf(needIds: readonly ObjectId[]): Promise<Set<string>> {
    if (needIds.length === 0) return new Set();
    const found = await this.collection
      .find({ needId: { $in: [...needIds] } })
      .project<{ needId: ObjectId; offerId: ObjectId }>({ _id: 0, needId: 1, offerId: 1 })
      .toArray();
    return new Set(found.map(({ needId, offerId }) => `${needId.toHexString()}:${offerId.toHexString()}`));
  }

  /** Times each helper was put forward (suggested or asked) since `since`, by psid. */
  async helperLoadSince(since: Date, helperPsids?: readonly string[]): Promise<Map<string, number>> {
    const match: Record<string, unknown> = { createdAt: { $gte: since } };
    if (helperPsids) match.offerPsid = { $in: [...helperPsids] };
    const rows = await this.collection
      .aggregate<{ _id: string; count: number }>([
        { $match: match },
        { $group: { _id: '$offerPsid', count: { $sum: 1 } } },
      ])
      .toArray();
    return new Map(rows.map((row) => [row._id, row.count]));
  }

  /** The latest match of each of `needIds` (what its author is told of it), by need id. */
  async latestByNeed(needIds: readonly ObjectId[]): Promise<Map<string, StoredMatch>> {
    if (needIds.length === 0) return new Map();
    const found = await this.collection
      .find({ needId: { $in: [...needIds] } })
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
    return new Map(found.map((match) => [match.needId.toHexString(), match]));
  }
}
