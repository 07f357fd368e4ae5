/**
 * Finding the offers near a need: same category, published, within walking distance, as
 * measured between the centres of the entries' blocks (`services/places/blocks`).
 */
import type { Db, Document, Filter, ObjectId } from 'mongodb';
import { systemClock, type Clock } from '../clock';
import type { Category, Entry, GeoPoint } from '../domain/types';
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

/** Statuses of a need still looking for help (pending review needs are matched at once too). */
export const OPEN_NEED_STATUSES = ['pending_review', 'published'] as const;

/**
 * Fields of an entry the scheduled re-examination reads (never the address; the description
 * is what an author is told of a suggested offer).
 */
export const PAIRING_PROJECTION = {
  _id: 1,
  psid: 1,
  kind: 1,
  category: 1,
  location: 1,
  description: 1,
  availability: 1,
  urgency: 1,
  createdAt: 1,
} as const;

/** An entry as the re-examination reads it. */
export type PairingEntry = Pick<
  StoredEntry,
  '_id' | 'psid' | 'kind' | 'category' | 'location' | 'description' | 'availability' | 'urgency' | 'createdAt'
>;

/**
 * Fields of a need the scheduled re-examination reads: those of {@link PAIRING_PROJECTION}
 * but the description, which the pass never uses (reading a field costs the engine time).
 */
export const NEED_PAIRING_PROJECTION = {
  _id: 1,
  psid: 1,
  kind: 1,
  category: 1,
  location: 1,
  availability: 1,
  urgency: 1,
  createdAt: 1,
} as const;

/** An open need as the re-examination reads it. */
export type PairingNeed = Omit<PairingEntry, 'description'>;

/**
 * The filter of the offers of `category` available at `now` whose block centre lies within
 * `radiusMeters` of `centre`, nearest first: a `$nearSphere` on the 2dsphere index of
 * `entries.location`.
 *
 * @remarks
 * Not a `$geoWithin`: with one, DocumentDB's planner (the local engine) prefers the category
 * and expiry indexes and reads every offer of the category; `$nearSphere` walks the
 * 2dsphere index outwards and stops at the radius (see `npm run bench`, re-examination plan).
 */
export function offersWithinFilter(
  category: Category,
  centre: GeoPoint,
  radiusMeters: number,
  now: Date,
): Filter<Entry> {
  return {
    location: { $nearSphere: { $geometry: centre, $maxDistance: radiusMeters } },
    kind: 'offer',
    category,
    status: 'published',
    locationBlockMeters: BLOCK_METERS,
    paused: { $ne: true },
    expiresAt: { $gt: now },
  };
}

/** Options of {@link NeedFinder.findNeedsNear}. */
export interface FindNeedsOptions {
  maxDistanceMeters?: number;
  /** How many needs at most; 20 by default. */
  limit?: number;
}

/** A need found near an offer. */
export interface NeedNearby {
  need: StoredEntry;
  distanceMeters: number;
}

/**
 * The other direction and the batch reads: open needs near an offer, every open need, and
 * the offers around an area (the scheduled re-examination).
 */
export class NeedFinder {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Open needs (pending review or published, unpaused, unexpired, someone else's) of the
   * offer's category near it, nearest first.
   */
  async findNeedsNear(offer: Entry, options: FindNeedsOptions = {}): Promise<NeedNearby[]> {
    const maxDistance = options.maxDistanceMeters ?? DEFAULT_MAX_DISTANCE_METERS;
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? MAX_LIMIT), 1), 100);
    if (!isCategory(offer.category))
      throw new CodedError(ErrorCode.PayloadInvalid, 'offer category is invalid');
    const found = await this.db
      .collection(ENTRIES_COLLECTION)
      .aggregate([
        {
          $geoNear: {
            near: blockCentre(requirePoint(offer.location)),
            key: 'location',
            spherical: true,
            distanceField: 'distanceMeters',
            maxDistance,
            query: {
              kind: 'need',
              locationBlockMeters: BLOCK_METERS,
              status: { $in: [...OPEN_NEED_STATUSES] },
              category: offer.category,
              paused: { $ne: true },
              psid: { $ne: requirePsid(offer.psid) },
              expiresAt: { $gt: this.clock() },
            },
          },
        },
        { $sort: { distanceMeters: 1, _id: 1 } },
        { $limit: limit },
      ])
      .toArray();
    return found.map((document) => {
      const { distanceMeters, ...need } = document;
      return { need: need as StoredEntry, distanceMeters: Number(distanceMeters) };
    });
  }

  /**
   * Every open need at `now` (fields of {@link NEED_PAIRING_PROJECTION}), in no particular
   * order: the re-examination orders them itself, and a sort would cost the engine a pass
   * over all of them.
   */
  async openNeeds(now: Date): Promise<PairingNeed[]> {
    return await this.db
      .collection<Entry>(ENTRIES_COLLECTION)
      .find(
        {
          kind: 'need',
          status: { $in: [...OPEN_NEED_STATUSES] },
          locationBlockMeters: BLOCK_METERS,
          paused: { $ne: true },
          expiresAt: { $gt: now },
        },
        { projection: NEED_PAIRING_PROJECTION },
      )
      .toArray();
  }

  /** The available offers of `category` within `radiusMeters` of `centre` (see {@link offersWithinFilter}). */
  async offersWithin(
    category: Category,
    centre: GeoPoint,
    radiusMeters: number,
    now: Date,
  ): Promise<PairingEntry[]> {
    return await this.db
      .collection<Entry>(ENTRIES_COLLECTION)
      .find(offersWithinFilter(category, centre, radiusMeters, now), { projection: PAIRING_PROJECTION })
      .toArray();
  }
}
