/**
 * Finding the offers near a need: same category, published, within walking distance, as
 * measured between the centres of the entries' blocks (`services/places/blocks`).
 */
import type { Db, Document, ObjectId } from 'mongodb';
import { systemClock, type Clock } from '../clock';
import type { Entry } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { ENTRIES_COLLECTION, type StoredEntry } from '../entries';
import { isCategory, requirePoint, requirePsid, toObjectId } from '../validation';
import { BLOCK_METERS, blockCentre } from '../places';

/** Helpers act within this distance of the need (between block centres), in metres. */
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

/**
 * An offer found near a need, with the distance between the centres of their blocks (show
 * residents only its `distanceBand`).
 */
export interface OfferNearby {
  offer: StoredEntry;
  distanceMeters: number;
}

/**
 * Looks for offers near a need with a `$geoNear` aggregation on the 2dsphere index of
 * `entries.location`.
 *
 * @remarks
 * Only published, unpaused, unexpired offers of the same category from someone else are
 * returned, nearest first. Everything is measured from block centres: the need's location
 * is rounded to its block (it already is when stored), and offers whose location was not
 * rounded (stored before blocks, until `EntryRepository.ensureIndexes` rounds them) are
 * never returned. Whether an offer is found, its distance and its rank are thus the same
 * for every home of its block, and for every point of the need's block.
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
          near: blockCentre(requirePoint(need.location)),
          key: 'location',
          spherical: true,
          distanceField: 'distanceMeters',
          maxDistance,
          query: {
            kind: 'offer',
            locationBlockMeters: BLOCK_METERS,
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
