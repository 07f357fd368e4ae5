/**
 * The scheduled re-examination of open needs, planned in batches: the open needs are
 * grouped by category and area (cells of about 5.5 km: the whole town in a few), the offers
 * around each group are read with one query on the 2dsphere index, paired in memory through
 * a grid of about 1.1 km, and each need gets at most one helper to suggest.
 */
import type { ObjectId } from 'mongodb';
import type { Category, GeoPoint } from '../domain/types';
import type { PairingEntry } from './matcher';
import { rankCandidates, type RankSettings } from './ranking';

/** Side of an area cell (one offers query each), in degrees of latitude (about 5.5 km). */
export const CELL_LAT_DEGREES = 0.05;
/** Side of an area cell, in degrees of longitude (about 5.6 km at Miramas' latitude). */
export const CELL_LON_DEGREES = 0.07;
/** Side of the in-memory grid, in degrees (about 1.1 km, more than the 1 km reach, at Miramas' latitude). */
const GRID_LAT_DEGREES = 0.01;
const GRID_LON_DEGREES = 0.014;

/** What the planner reads: the batch queries (`NeedFinder`) and the past of matches (`MatchRepository`). */
export interface ReexaminationReads {
  openNeeds(now: Date): Promise<PairingEntry[]>;
  offersWithin(
    category: Category,
    centre: GeoPoint,
    radiusMeters: number,
    now: Date,
  ): Promise<PairingEntry[]>;
  needsUnderWay(needIds: readonly ObjectId[]): Promise<Set<string>>;
  pairsOf(needIds: readonly ObjectId[]): Promise<Set<string>>;
  helperLoadSince(since: Date): Promise<Map<string, number>>;
}

/** One suggestion planned: `offer` for `need`, `distanceMeters` apart. */
export interface PlannedSuggestion {
  need: PairingEntry;
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
  /** Groups (category × cell), each read with one offers query. */
  groups: number;
  /** Open needs for which nobody available is within reach. */
  nobody: number;
}

/** Distance on the sphere between two points, in metres (the radius MongoDB uses). */
export function sphereDistanceMeters(a: GeoPoint, b: GeoPoint): number {
  const [lon1, lat1] = a.coordinates;
  const [lon2, lat2] = b.coordinates;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_378_100 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function gridOf(point: GeoPoint): [number, number] {
  return [
    Math.floor(point.coordinates[1] / GRID_LAT_DEGREES),
    Math.floor(point.coordinates[0] / GRID_LON_DEGREES),
  ];
}

function cellOf(point: GeoPoint): { key: string; centre: GeoPoint } {
  const [lon, lat] = point.coordinates;
  const row = Math.floor(lat / CELL_LAT_DEGREES);
  const column = Math.floor(lon / CELL_LON_DEGREES);
  return {
    key: `${row}:${column}`,
    centre: {
      type: 'Point',
      coordinates: [(column + 0.5) * CELL_LON_DEGREES, (row + 0.5) * CELL_LAT_DEGREES],
    },
  };
}

/** Half the diagonal of a cell at `latitude`, in metres: the slack added to each group's radius. */
function cellHalfDiagonalMeters(latitude: number): number {
  const latMeters = CELL_LAT_DEGREES * 111_320;
  const lonMeters = CELL_LON_DEGREES * 111_320 * Math.cos((latitude * Math.PI) / 180);
  return Math.hypot(latMeters, lonMeters) / 2;
}

/** Local midnight is not needed for fairness: "today" is the last 24 hours. */
const DAY_MS = 86_400_000;

/**
 * Plans one pass at `now`: for each open need with no match under way (urgent needs first,
 * then oldest first), the best-ranked helper within reach, never one already paired with
 * that need, nor one already put forward `helperAsksPerDay` times in the last 24 hours
 * (counting this pass).
 *
 * @remarks
 * Queries: one for the open needs, two for the matches of those needs, one for the helpers'
 * load, then one `$geoWithin` per (category, cell) holding open needs, whatever the number
 * of needs: 10,000 needs over a town make a few hundred queries, not 10,000.
 */
export async function planReexamination(
  reads: ReexaminationReads,
  now: Date,
  settings: RankSettings,
): Promise<ReexaminationPlan> {
  const all = await reads.openNeeds(now);
  const underWay = await reads.needsUnderWay(all.map((need) => need._id));
  const needs = all.filter((need) => !underWay.has(need._id.toHexString()));
  const plan: ReexaminationPlan = {
    suggestions: [],
    openNeeds: all.length,
    underWay: all.length - needs.length,
    groups: 0,
    nobody: 0,
  };
  if (needs.length === 0) return plan;
  const [pairs, load] = await Promise.all([
    reads.pairsOf(needs.map((need) => need._id)),
    reads.helperLoadSince(new Date(now.getTime() - DAY_MS)),
  ]);

  const groups = new Map<string, { category: Category; centre: GeoPoint; needs: PairingEntry[] }>();
  for (const need of needs) {
    const cell = cellOf(need.location);
    const key = `${need.category}|${cell.key}`;
    const group = groups.get(key) ?? { category: need.category, centre: cell.centre, needs: [] };
    group.needs.push(need);
    groups.set(key, group);
  }
  plan.groups = groups.size;

  const candidatesByNeed = new Map<string, Array<{ offer: PairingEntry; distanceMeters: number }>>();
  for (const group of groups.values()) {
    const radius = settings.maxDistanceMeters + cellHalfDiagonalMeters(group.centre.coordinates[1]);
    const offers = await reads.offersWithin(group.category, group.centre, radius, now);
    const grid = new Map<string, PairingEntry[]>();
    for (const offer of offers) {
      const key = gridOf(offer.location).join(':');
      grid.set(key, [...(grid.get(key) ?? []), offer]);
    }
    for (const need of group.needs) {
      const needHex = need._id.toHexString();
      const near: Array<{ offer: PairingEntry; distanceMeters: number }> = [];
      const [row, column] = gridOf(need.location);
      const around = [-1, 0, 1].flatMap((dRow) =>
        [-1, 0, 1].flatMap((dColumn) => grid.get(`${row + dRow}:${column + dColumn}`) ?? []),
      );
      for (const offer of around) {
        if (offer.psid === need.psid || pairs.has(`${needHex}:${offer._id.toHexString()}`)) continue;
        const distanceMeters = sphereDistanceMeters(need.location, offer.location);
        if (distanceMeters <= settings.maxDistanceMeters) near.push({ offer, distanceMeters });
      }
      near.sort((a, b) => a.distanceMeters - b.distanceMeters);
      candidatesByNeed.set(needHex, near);
    }
  }

  const ordered = [...needs].sort(
    (a, b) => urgencyRank(a) - urgencyRank(b) || a.createdAt.getTime() - b.createdAt.getTime(),
  );
  for (const need of ordered) {
    const near = candidatesByNeed.get(need._id.toHexString()) ?? [];
    const ranked = rankCandidates(
      need.availability,
      near.map((candidate) => ({
        ...candidate,
        availability: candidate.offer.availability,
        askedToday: load.get(candidate.offer.psid) ?? 0,
      })),
      settings,
    );
    const best = ranked[0];
    if (!best) {
      plan.nobody += 1;
      continue;
    }
    load.set(best.offer.psid, (load.get(best.offer.psid) ?? 0) + 1);
    plan.suggestions.push({ need, offer: best.offer, distanceMeters: best.distanceMeters });
  }
  return plan;
}

function urgencyRank(need: PairingEntry): number {
  return need.urgency === 'high' ? 0 : 1;
}
