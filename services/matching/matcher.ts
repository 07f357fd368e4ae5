/**
 * Finding the offers near a need: same category, published, within walking distance.
 */
import type { Db, Document, ObjectId } from 'mongodb';
import { systemClock, type Clock } from '../clock';
import type { Entry } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { ENTRIES_COLLECTION, type StoredEntry } from '../entries/entryRepository';
import { isCategory, requirePoint, requirePsid, toObjectId } from '../entries/validation';

/** Helpers act within this distance of the need, in metres. */
export const DEFAULT_MAX_DISTANCE_METERS = 1000;
/** How many offers are proposed at once. */
export const DEFAULT_MATCH_LIMIT = 3;
const MAX_LIMIT = 20;

/** Options of {@link Matcher.findOffersNear}. */
export interface FindOffersOptions {
  /** Radius in metres; 1000 by default. */
  maxDistanceMeters?: number;
  /** How many offers at most; 3 by default. */
  limit?: number;
  /** Offers already proposed (or declined) for this need. */
  excludeOfferIds?: ObjectId[];
}

/** An offer found near a need, with its exact distance (show residents {@link roundDistance} of it). */
export interface OfferNearby {
  offer: StoredEntry;
  distanceMeters: number;
}

/**
 * A distance as residents see it: to the nearest 100 m, at least 100 m, so that it never
 * reveals where someone lives.
 */
export function roundDistance(meters: number): number {
  if (!Number.isFinite(meters) || meters < 0) return 100;
  return Math.max(100, Math.round(meters / 100) * 100);
}

/**
 * Looks for offers near a need with a `$geoNear` aggregation on the 2dsphere index of
 * `entries.location`.
 *
 * @remarks
 * Only published, unpaused, unexpired offers of the same category from someone else are
 * returned, nearest first.
 */
export class Matcher {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Offers near `need`, nearest first.
   *
   * @throws CodedError `payload_invalid` when the need has no valid location, category or psid.
   */
  async findOffersNear(need: Entry, options: FindOffersOptions = {}): Promise<OfferNearby[]> {
    const maxDistance = options.maxDistanceMeters ?? DEFAULT_MAX_DISTANCE_METERS;
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_MATCH_LIMIT), 1), MAX_LIMIT);
    if (!(maxDistance > 0))
      throw new CodedError(ErrorCode.PayloadInvalid, 'maxDistanceMeters must be positive');
    if (!isCategory(need.category))
      throw new CodedError(ErrorCode.PayloadInvalid, 'need category is invalid');
    const excluded = (options.excludeOfferIds ?? []).map((id) => toObjectId(id)).filter((id) => id !== null);
    const pipeline: Document[] = [
      {
        $geoNear: {
          near: requirePoint(need.location),
          key: 'location',
          spherical: true,
          distanceField: 'distanceMeters',
          maxDistance,
          query: {
            kind: 'offer',
            status: 'published',
            category: need.category,
            paused: { $ne: true },
            psid: { $ne: requirePsid(need.psid) },
            expiresAt: { $gt: this.clock() },
            _id: { $nin: excluded },
          },
        },
      },
      { $sort: { distanceMeters: 1, _id: 1 } },
      { $limit: limit },
    ];
    const found = await this.db.collection(ENTRIES_COLLECTION).aggregate(pipeline).toArray();
    return found.map((document) => {
      const { distanceMeters, ...offer } = document;
      return { offer: offer as StoredEntry, distanceMeters: Number(distanceMeters) };
    });
  }
}
