/**
 * Finding helpers for a need: the published offers near it, ranked (distance, availability,
 * how often each helper was put forward today), and the next one not paired with it yet.
 */
import type { StoredEntry } from '../entries';
import { DEFAULT_MAX_DISTANCE_METERS, type FindOffersOptions, type OfferNearby } from './matcher';
import type { MatchingPorts } from './ports';
import { rankCandidates, type RankSettings } from './ranking';

/** Times a helper may be put forward in 24 hours (suggested or asked), unless configured. */
export const DEFAULT_HELPER_ASKS_PER_DAY = 3;
/** Offers read around a need before ranking (the nearest ones). */
const RANKED_POOL = 20;

/** Milliseconds in a day: the window of a helper's load. */
const DAY_MS = 86_400_000;

/** The ranked search of helpers for a need. */
export class HelperSearch {
  constructor(private readonly ports: Pick<MatchingPorts, 'offers' | 'matches' | 'clock' | 'settings'>) {}

  /**
   * Published offers near `need`, best first (3 at most, within 1 km by default): the
   * nearest 20 are ranked by distance, availability against the need's time, and how often
   * their helper was put forward in the last 24 hours; helpers at the day's limit are left
   * out (see `rankScore`).
   */
  async findOffersFor(need: StoredEntry, options: FindOffersOptions = {}): Promise<OfferNearby[]> {
    const limit = options.limit ?? 3;
    const pool = await this.ports.offers.findOffersNear(need, { ...options, limit: RANKED_POOL });
    if (pool.length === 0) return [];
    const load = await this.loadToday([...new Set(pool.map(({ offer }) => offer.psid))]);
    const ranked = rankCandidates(
      need.availability,
      pool.map((nearby) => ({
        ...nearby,
        availability: nearby.offer.availability,
        askedToday: load.get(nearby.offer.psid) ?? 0,
      })),
      this.rankSettings(options.maxDistanceMeters),
    );
    return ranked.slice(0, limit).map(({ offer, distanceMeters }) => ({ offer, distanceMeters }));
  }

  /** The best helper not paired with `need` yet, or undefined. */
  async nextHelperFor(need: StoredEntry): Promise<OfferNearby | undefined> {
    const paired = await this.ports.matches.forNeed(need._id);
    const [next] = await this.findOffersFor(need, {
      limit: 1,
      excludeOfferIds: paired.map((match) => match.offerId),
    });
    return next;
  }

  /** How many times each of `helperPsids` was put forward (suggested or asked) in the last 24 hours. */
  loadToday(helperPsids: readonly string[]): Promise<Map<string, number>> {
    return this.ports.matches.helperLoadSince(new Date(this.ports.clock().getTime() - DAY_MS), helperPsids);
  }

  /** How far a helper may be from a need. */
  maxDistance(): number {
    return DEFAULT_MAX_DISTANCE_METERS;
  }

  /** The ranking's settings: the reach (`maxDistanceMeters`, {@link maxDistance} by default) and the daily limit. */
  rankSettings(maxDistanceMeters?: number): RankSettings {
    return {
      maxDistanceMeters: maxDistanceMeters ?? this.maxDistance(),
      helperAsksPerDay: this.ports.settings?.helperAsksPerDay ?? DEFAULT_HELPER_ASKS_PER_DAY,
    };
  }
}
