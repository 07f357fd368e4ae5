/**
 * The scheduled re-examination of open needs, planned in batches: the open needs are
 * grouped by category, the offers of each category around those needs are read with one
 * query on the 2dsphere index (only the fields the pass uses), paired in memory through a
 * grid of about 1.1 km, and each need gets at most one helper to suggest.
 *
 * @remarks
 * Where the time goes (10,000 needs × 10,000 offers on the local engine): reading the
 * documents dominates (the engine spends about 0.3 ms of PostgreSQL time per document and
 * field read), then storing the suggestions, then the pairing in memory. So the reads run in
 * two waves of parallel queries (open needs with the needs under way; then each category's
 * offers with the pairs already made and the helpers' load), the needs are read without
 * their description and unsorted (they are ordered here), and the pairing keeps only the
 * best candidate of each need instead of sorting all of them.
 */
import type { ObjectId } from 'mongodb';
import type { Category, GeoPoint } from '../domain/types';
import { readTimeWindow, type TimeWindow } from './availability';
import type { PairingEntry, PairingNeed } from './matcher';
import { rankScore, type RankSettings } from './ranking';
import { enclosingCircle, latitudeDegreesSpanning, sphereDistanceMeters } from './sphereGeometry';

/** Side of the in-memory grid, in degrees (about 1.1 km, more than the 1 km reach, at Miramas' latitude). */
const GRID_LAT_DEGREES = 0.01;
const GRID_LON_DEGREES = 0.014;
/**
 * Metres added to the radius of each category's offers query: the engine and
 * {@link sphereDistanceMeters} may round a distance differently, and an offer just within
 * reach must never be left out of the query (the pairing in memory measures exactly).
 */
const QUERY_SLACK_METERS = 100;

/** What the planner reads: the batch queries (`NeedFinder`) and the past of matches (`MatchRepository`). */
export interface ReexaminationReads {
  /** The open needs, in any order. */
  openNeeds(now: Date): Promise<PairingNeed[]>;
  offersWithin(
    category: Category,
    centre: GeoPoint,
    radiusMeters: number,
    now: Date,
  ): Promise<PairingEntry[]>;
  /** Every need with a match under way (hex ids): read at the same time as the open needs. */
  allNeedsUnderWay(): Promise<Set<string>>;
  pairsOf(needIds: readonly ObjectId[]): Promise<Set<string>>;
  helperLoadSince(since: Date): Promise<Map<string, number>>;
}

/** One suggestion planned: `offer` for `need`, `distanceMeters` apart. */
export interface PlannedSuggestion {
  need: PairingNeed;
  offer: PairingEntry;
  distanceMeters: number;
}

/** The plan of one pass and its figures. */
export interface ReexaminationPlan {
  suggestions: PlannedSuggestion[];
  /** Open needs found. */
  openNeeds: number;
  /** Open needs with a match under way (not re-examined). */
  underWay: number;
  /** Categories holding open needs, each read with one offers query. */
  groups: number;
  /** Open needs for which nobody available is within reach. */
  nobody: number;
}

function gridOf(point: GeoPoint): [number, number] {
  return [
    Math.floor(point.coordinates[1] / GRID_LAT_DEGREES),
    Math.floor(point.coordinates[0] / GRID_LON_DEGREES),
  ];
}

/** An offer as the pairing uses it: its id in hex, its availability read once, its place in its grid cell. */
interface GriddedOffer {
  entry: PairingEntry;
  hex: string;
  window: TimeWindow;
  /** Its position among the offers of its grid cell, in the order the query gave them. */
  order: number;
}

/** The offers at one point (the centre of a block: many offers share it). */
interface Spot {
  location: GeoPoint;
  offers: GriddedOffer[];
}

/** A grid cell: its offers, gathered by point. */
interface GridCell {
  spots: Map<string, Spot>;
  count: number;
}

/** A point within reach of a need: its distance, and its grid cell's rank around the need (0 to 8). */
interface SpotNear {
  spot: Spot;
  distanceMeters: number;
  cellRank: number;
}

/** Local midnight is not needed for fairness: "today" is the last 24 hours. */
const DAY_MS = 86_400_000;

/** An open need as the pairing orders it. */
interface OrderedNeed {
  need: PairingNeed;
  hex: string;
  urgency: number;
  createdAt: number;
}

/**
 * Plans one pass at `now`: for each open need with no match under way (urgent needs first,
 * then oldest first, then by id), the best-ranked helper within reach, never one already
 * paired with that need, nor one already put forward `helperAsksPerDay` times in the last
 * 24 hours (counting this pass).
 *
 * @remarks
 * Queries, in two waves run in parallel: the open needs and the needs under way; then the
 * pairs already made for the needs left, the helpers' load, and one `$nearSphere` per
 * category holding open needs (the circle around all its needs, widened by the reach),
 * whatever the number of needs: 10,000 needs over a town make about a dozen queries. Each
 * text of availability is read once per pass. Among the candidates of a need, the best is
 * the lowest score, then the nearest, then the first of its grid cells around the need and
 * of the query: the first of a list sorted by distance whose score is lowest.
 */
export async function planReexamination(
  reads: ReexaminationReads,
  now: Date,
  settings: RankSettings,
): Promise<ReexaminationPlan> {
  const [all, underWay] = await Promise.all([reads.openNeeds(now), reads.allNeedsUnderWay()]);
  const ordered: OrderedNeed[] = [];
  for (const need of all) {
    const hex = need._id.toHexString();
    if (!underWay.has(hex))
      ordered.push({ need, hex, urgency: urgencyRank(need), createdAt: need.createdAt.getTime() });
  }
  const plan: ReexaminationPlan = {
    suggestions: [],
    openNeeds: all.length,
    underWay: all.length - ordered.length,
    groups: 0,
    nobody: 0,
  };
  if (ordered.length === 0) return plan;

  const byCategory = new Map<Category, PairingNeed[]>();
  for (const { need } of ordered) {
    const group = byCategory.get(need.category);
    if (group) group.push(need);
    else byCategory.set(need.category, [need]);
  }
  plan.groups = byCategory.size;
  // The texts of availability, each read once (many entries say the same).
  const windows = new Map<string, TimeWindow>();
  const windowOf = (text: string | undefined): TimeWindow => {
    const key = text ?? '';
    let window = windows.get(key);
    if (!window) {
      window = readTimeWindow(text);
      windows.set(key, window);
    }
    return window;
  };
  const [pairs, load, grids] = await Promise.all([
    reads.pairsOf(ordered.map(({ need }) => need._id)),
    reads.helperLoadSince(new Date(now.getTime() - DAY_MS)),
    Promise.all(
      [...byCategory].map(async ([category, group]) => {
        const { centre, radiusMeters } = enclosingCircle(group.map((need) => need.location));
        const radius = radiusMeters + settings.maxDistanceMeters + QUERY_SLACK_METERS;
        const offers = await reads.offersWithin(category, centre, radius, now);
        const grid = new Map<string, GridCell>();
        for (const entry of offers) {
          const key = gridOf(entry.location).join(':');
          const cell = grid.get(key) ?? { spots: new Map<string, Spot>(), count: 0 };
          grid.set(key, cell);
          const at = entry.location.coordinates.join(',');
          const spot = cell.spots.get(at) ?? { location: entry.location, offers: [] };
          cell.spots.set(at, spot);
          const window = windowOf(entry.availability);
          spot.offers.push({ entry, hex: entry._id.toHexString(), window, order: cell.count });
          cell.count += 1;
        }
        return [category, grid] as const;
      }),
    ),
  ]);
  const gridOfCategory = new Map(grids);
  // Pairs already made, by need: most needs have none, so most candidates are never looked up.
  const pairedOffers = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const [needHex, offerHex] = pair.split(':');
    const paired = pairedOffers.get(needHex);
    if (paired) paired.add(offerHex);
    else pairedOffers.set(needHex, new Set([offerHex]));
  }

  // A latitude difference certainly out of reach (the slack absorbs rounding).
  const reachLatDegrees = latitudeDegreesSpanning(settings.maxDistanceMeters + 1);
  ordered.sort(
    (a, b) =>
      a.urgency - b.urgency || a.createdAt - b.createdAt || (a.hex < b.hex ? -1 : a.hex > b.hex ? 1 : 0),
  );
  // The points within reach of a need's point, by category and point: needs share blocks.
  const spotsNear = new Map<string, SpotNear[]>();
  const spotsAround = (need: PairingNeed): SpotNear[] => {
    const key = `${need.category}|${need.location.coordinates.join(',')}`;
    const known = spotsNear.get(key);
    if (known) return known;
    const found: SpotNear[] = [];
    const grid = gridOfCategory.get(need.category);
    const [row, column] = gridOf(need.location);
    const needLat = need.location.coordinates[1];
    let cellRank = 0;
    for (const dRow of [-1, 0, 1]) {
      for (const dColumn of [-1, 0, 1]) {
        for (const spot of grid?.get(`${row + dRow}:${column + dColumn}`)?.spots.values() ?? []) {
          // On the sphere, two points are at least the difference of their latitudes apart.
          if (Math.abs(spot.location.coordinates[1] - needLat) > reachLatDegrees) continue;
          const distanceMeters = sphereDistanceMeters(need.location, spot.location);
          if (distanceMeters <= settings.maxDistanceMeters) found.push({ spot, distanceMeters, cellRank });
        }
        cellRank += 1;
      }
    }
    spotsNear.set(key, found);
    return found;
  };

  for (const { need, hex } of ordered) {
    const paired = pairedOffers.get(hex);
    const needWindow = windowOf(need.availability);
    let best: GriddedOffer | undefined;
    let bestScore = Infinity;
    let bestDistance = Infinity;
    let bestRank = Infinity;
    for (const { spot, distanceMeters, cellRank } of spotsAround(need)) {
      for (const offer of spot.offers) {
        if (offer.entry.psid === need.psid || paired?.has(offer.hex)) continue;
        const score = rankScore(
          needWindow,
          { distanceMeters, availability: offer.window, askedToday: load.get(offer.entry.psid) ?? 0 },
          settings,
        );
        if (score === undefined || score > bestScore) continue;
        // Ties: nearest first, then in the order of the grid cells around the need, then of the query.
        const rank = cellRank * 1_000_000 + offer.order;
        if (
          score < bestScore ||
          distanceMeters < bestDistance ||
          (distanceMeters === bestDistance && rank < bestRank)
        ) {
          best = offer;
          bestScore = score;
          bestDistance = distanceMeters;
          bestRank = rank;
        }
      }
    }
    if (!best) {
      plan.nobody += 1;
      continue;
    }
    const helper = best.entry;
    load.set(helper.psid, (load.get(helper.psid) ?? 0) + 1);
    plan.suggestions.push({ need, offer: helper, distanceMeters: bestDistance });
  }
  return plan;
}

function urgencyRank(need: PairingNeed): number {
  return need.urgency === 'high' ? 0 : 1;
}
