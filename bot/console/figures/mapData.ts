/**
 * The map's data and the coverage table (category × neighbourhood), as a member of staff may
 * see them: counts per block of about 400 m, never an entry, a person or a home.
 */
import { performance } from 'node:perf_hooks';
import { CATEGORIES, type Category, type EntryKind } from '../../../services/domain/types';
import type { EntryFigures } from '../../../services/entries';
import { MIRAMAS_BOUNDARY } from '../../../services/places';
import type { Staff } from '../contract';
import { sees, type NeighbourhoodIndex } from './scope';

/** Open entries of one kind and category in one block (what the map draws). */
export interface MapPoint {
  kind: EntryKind;
  category: Category;
  /** Neighbourhood key ('' when unknown). */
  neighbourhood: string;
  lat: number;
  lon: number;
  count: number;
}

/** What `/console/carte/donnees` answers. */
export interface MapData {
  /** The commune's boundary, `[lon, lat]` pairs (approximate, see services/places). */
  boundary: readonly (readonly [number, number])[];
  /** The neighbourhoods: only approximate centres exist, no outlines. */
  neighbourhoods: { key: string; name: string; lat: number; lon: number; followed: boolean }[];
  points: MapPoint[];
  /** Side of a block in metres: points are block centres. */
  blockMeters: number;
}

/** Whether one cell of the coverage table lacks helpers, repeats a service, or is in balance. */
export type CoverageState = 'missing' | 'repeated' | 'balanced' | 'empty';

/** One cell of the coverage table. */
export interface CoverageCell {
  offers: number;
  needs: number;
  state: CoverageState;
}

/** The coverage table: one row per neighbourhood seen, one cell per category. */
export interface Coverage {
  categories: readonly Category[];
  rows: { key: string; name: string; cells: Record<Category, CoverageCell> }[];
  totals: Record<Category, CoverageCell>;
}

/**
 * Open offers beyond the open needs from which a category is "repeated" in a neighbourhood:
 * three more helpers than needs means the service is offered again and again there.
 */
export const REPEATED_SURPLUS = 3;

/** The state of a cell: needs without as many offers lack helpers; a large surplus repeats. */
export function coverageState(offers: number, needs: number): CoverageState {
  if (offers === 0 && needs === 0) return 'empty';
  if (needs > offers) return 'missing';
  if (offers - needs >= REPEATED_SURPLUS) return 'repeated';
  return 'balanced';
}

/**
 * How long the counts read for the map are answered again without reading them (10 s): a
 * published entry shows on the map at most this long after (see {@link ReusedRead}).
 */
export const MAP_FRESH_MS = 10_000;

/**
 * How long older counts may still be answered, once, while they are read again in the
 * background (1 min): a map opened after a quiet minute waits for a fresh read.
 */
export const MAP_STALE_MS = 60_000;

/**
 * A read reused for a short while by this process alone: at most one read at a time, fresh
 * for `freshMs`, answered stale (while read again) until `staleMs`, read and awaited after.
 *
 * @remarks
 * Nothing in it is needed by another instance: each instance reads its own, from the database.
 * `now` is a monotonic clock in milliseconds (not the application's clock, which tests fix).
 */
export class ReusedRead<T> {
  private last?: { at: number; value: T };
  private pending?: Promise<T>;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly freshMs: number,
    private readonly staleMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The value read at most `freshMs` ago, or a stale one while it is read again, or a new read. */
  async get(): Promise<T> {
    const last = this.last;
    const age = last ? this.now() - last.at : Infinity;
    if (last && age < this.freshMs) return last.value;
    const reading = this.reread();
    if (last && age < this.staleMs) {
      // Answered stale: a failed read shows on the next call, when the value is too old.
      reading.catch(() => undefined);
      return last.value;
    }
    return reading;
  }

  private reread(): Promise<T> {
    if (!this.pending) {
      const at = this.now();
      this.pending = this.read()
        .then((value) => {
          this.last = { at, value };
          return value;
        })
        .finally(() => {
          this.pending = undefined;
        });
    }
    return this.pending;
  }
}

/** Reads the map and the coverage table. */
export class MapFigures {
  /** Every open block's counts, keyed by neighbourhood, for all staff (filtered per person). */
  private readonly allPoints: ReusedRead<readonly MapPoint[]>;

  constructor(
    private readonly entries: Pick<EntryFigures, 'openCells'>,
    private readonly places: NeighbourhoodIndex,
    private readonly blockMeters: number,
    reuse: { freshMs: number; staleMs: number } = { freshMs: MAP_FRESH_MS, staleMs: MAP_STALE_MS },
  ) {
    this.allPoints = new ReusedRead(() => this.readPoints(), reuse.freshMs, reuse.staleMs);
  }

  /** The open entries `staff` may see, per block, with the boundary and neighbourhoods. */
  async map(staff: Staff, category?: Category): Promise<MapData> {
    const points = (await this.points(staff)).filter((point) => !category || point.category === category);
    return {
      boundary: MIRAMAS_BOUNDARY,
      neighbourhoods: this.places.list.map((place) => {
        const key = this.places.keyOf(place.id);
        const followed = staff.role !== 'admin' && staff.quartierKeys.includes(key);
        return { key, name: place.name, lat: place.centre.lat, lon: place.centre.lon, followed };
      }),
      points,
      blockMeters: this.blockMeters,
    };
  }

  /** Offers against open needs per neighbourhood and category, for what `staff` may see. */
  async coverage(staff: Staff): Promise<Coverage> {
    const counts = new Map<string, Record<Category, { offers: number; needs: number }>>();
    for (const point of await this.points(staff)) {
      let row = counts.get(point.neighbourhood);
      if (!row) counts.set(point.neighbourhood, (row = emptyRow(() => ({ offers: 0, needs: 0 }))));
      row[point.category][point.kind === 'offer' ? 'offers' : 'needs'] += point.count;
    }
    const known = this.places.list
      .map((place) => this.places.keyOf(place.id))
      .filter((key) => sees(staff, key));
    const keys = [...new Set([...known, ...counts.keys()])];
    const totals = emptyRow(() => ({ offers: 0, needs: 0 }));
    const rows = keys.map((key) => {
      const row = counts.get(key) ?? emptyRow(() => ({ offers: 0, needs: 0 }));
      for (const category of CATEGORIES) {
        totals[category].offers += row[category].offers;
        totals[category].needs += row[category].needs;
      }
      return { key, name: this.places.nameOf(key), cells: withStates(row) };
    });
    rows.sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.name.localeCompare(b.name, 'fr')));
    return { categories: CATEGORIES, rows, totals: withStates(totals) };
  }

  /** The points `staff` sees (shared objects: read only). */
  private async points(staff: Staff): Promise<MapPoint[]> {
    return (await this.allPoints.get()).filter((point) => sees(staff, point.neighbourhood));
  }

  /** Every open block's counts, neighbourhoods as keys (names written differently merged). */
  private async readPoints(): Promise<MapPoint[]> {
    const points = new Map<string, MapPoint>();
    const keys = new Map<string, string>();
    for (const cell of await this.entries.openCells()) {
      let neighbourhood = keys.get(cell.neighbourhood);
      if (neighbourhood === undefined)
        keys.set(cell.neighbourhood, (neighbourhood = this.places.keyOf(cell.neighbourhood)));
      const key = `${cell.kind}|${cell.category}|${neighbourhood}|${cell.lat}|${cell.lon}`;
      const point = points.get(key);
      if (point) point.count += cell.count;
      else points.set(key, { ...cell, neighbourhood });
    }
    return [...points.values()];
  }
}

function emptyRow<T>(make: () => T): Record<Category, T> {
  return Object.fromEntries(CATEGORIES.map((category) => [category, make()])) as Record<Category, T>;
}

function withStates(
  row: Record<Category, { offers: number; needs: number }>,
): Record<Category, CoverageCell> {
  return Object.fromEntries(
    CATEGORIES.map((category) => {
      const { offers, needs } = row[category];
      return [category, { offers, needs, state: coverageState(offers, needs) }];
    }),
  ) as Record<Category, CoverageCell>;
}
