/**
 * The order in which helpers are put forward for a need: distance, availability against the
 * need's time, and fairness between helpers.
 */
import { availabilityFit, type AvailabilityFit, type TimeWindow } from './availability';

/** What the ranking weighs of one candidate offer. */
export interface RankCandidate {
  /** Between the centres of the two blocks, in metres. */
  distanceMeters: number;
  /** The helper's availability, free text (or already read with `readTimeWindow`). */
  availability: string | TimeWindow;
  /** Times the helper was already put forward today (suggested or asked). */
  askedToday: number;
}

/** Settings of {@link rankScore}. */
export interface RankSettings {
  /** The radius of the search, in metres (a distance of that much weighs 1). */
  maxDistanceMeters: number;
  /** Times a helper may be put forward in a day: at that number, a helper is left out. */
  helperAsksPerDay: number;
}

const FIT_WEIGHT: Record<AvailabilityFit, number> = { fits: 0, unknown: 0.5, clashes: 1.2 };
const LOAD_WEIGHT = 0.6;

/**
 * A helper's score for a need: lower ranks first; `undefined` when the helper already
 * reached the day's limit and must not be put forward.
 *
 * @remarks
 * score = distance / radius (0 to 1)
 *       + 0 when the availability fits the need's time, 0.5 when it cannot be told, 1.2 when
 *         it clashes (see `availabilityFit`)
 *       + 0.6 × askedToday / helperAsksPerDay (spreads requests over helpers).
 * So, at equal availability, a helper 300 m nearer is preferred; a helper who fits the
 * need's time wins over a nearer one whose time clashes; a helper who clashes can still be
 * put forward when nobody else is near: availability ranks, it never excludes.
 */
export function rankScore(
  needTime: string | TimeWindow,
  candidate: RankCandidate,
  settings: RankSettings,
): number | undefined {
  if (candidate.askedToday >= settings.helperAsksPerDay) return undefined;
  const distance = Math.min(Math.max(candidate.distanceMeters, 0) / settings.maxDistanceMeters, 1);
  const fit = FIT_WEIGHT[availabilityFit(needTime, candidate.availability)];
  const load = (LOAD_WEIGHT * candidate.askedToday) / settings.helperAsksPerDay;
  return distance + fit + load;
}

/**
 * `candidates` in the order to put them forward for a need whose time is `needTime`,
 * without the helpers past the day's limit; ties keep the order given (nearest first).
 */
export function rankCandidates<C extends RankCandidate>(
  needTime: string | TimeWindow,
  candidates: readonly C[],
  settings: RankSettings,
): C[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, score: rankScore(needTime, candidate, settings) }))
    .filter((scored): scored is { candidate: C; index: number; score: number } => scored.score !== undefined)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map(({ candidate }) => candidate);
}
