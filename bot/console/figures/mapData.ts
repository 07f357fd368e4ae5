/**
 * The map's data and the coverage table (category × neighbourhood), as a member of staff may
 * see them: counts per block of about 400 m, never an entry, a person or a home.
 */
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

/** Reads the map and the coverage table. */
export class MapFigures {
  constructor(
    private readonly entries: Pick<EntryFigures, 'openCells'>,
    private readonly places: NeighbourhoodIndex,
    private readonly blockMeters: number,
  ) {}

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

  private async points(staff: Staff): Promise<MapPoint[]> {
    const points = new Map<string, MapPoint>();
    for (const cell of await this.entries.openCells()) {
      const neighbourhood = this.places.keyOf(cell.neighbourhood);
      if (!sees(staff, neighbourhood)) continue;
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
