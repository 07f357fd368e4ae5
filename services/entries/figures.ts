/**
 * What the referents' console reads of offers and needs: counts per block, never an entry.
 *
 * @remarks
 * Read only, aggregated in the database: no psid, description, address or availability ever
 * leaves this file. Points are block centres (`services/places/blocks`, about 400 m); a
 * location stored before blocks is rounded here again, so an exact home never reaches a map.
 */
import type { Collection, Db, Document, ObjectId } from 'mongodb';
import type { Category, Entry, EntryKind } from '../domain/types';
import { blockCentre } from '../places';
import { ENTRIES_COLLECTION } from './entryRepository';

/** Offers and needs on a map or in a table: published, not paused. */
const OPEN: Document = { status: 'published', paused: { $ne: true } };

/** How many open entries of one kind and category share one block of one neighbourhood. */
export interface OpenEntryCell {
  kind: EntryKind;
  category: Category;
  /** As stored on the entries ('' when unknown). */
  neighbourhood: string;
  /** Centre of the block, WGS 84 degrees. */
  lat: number;
  lon: number;
  count: number;
}

/** How many entries of one kind and category were created in one neighbourhood over a period. */
export interface CreatedEntryCount {
  kind: EntryKind;
  category: Category;
  neighbourhood: string;
  count: number;
}

/** What the figures of matches need of a need: where it is and since when it waits. */
export interface NeedBrief {
  id: ObjectId;
  neighbourhood: string;
  createdAt: Date;
}

/** The console's read model of `entries`. */
export class EntryFigures {
  private readonly collection: Collection<Entry>;

  constructor(db: Db) {
    this.collection = db.collection<Entry>(ENTRIES_COLLECTION);
  }

  /**
   * Open offers and needs counted per kind, category, neighbourhood and block (uses the
   * `status_category` index).
   */
  async openCells(): Promise<OpenEntryCell[]> {
    // A projected find grouped here: faster than a $group on the local engine, same result.
    const open = this.collection.find(OPEN, {
      projection: { _id: 0, kind: 1, category: 1, neighbourhood: 1, location: 1 },
    });
    const cells = new Map<string, OpenEntryCell>();
    for await (const entry of open) {
      const point = coarse(entry.location);
      if (!point) continue;
      const neighbourhood = typeof entry.neighbourhood === 'string' ? entry.neighbourhood : '';
      const key = `${entry.kind}|${entry.category}|${neighbourhood}|${point.lat}|${point.lon}`;
      const cell = cells.get(key);
      if (cell) cell.count += 1;
      else cells.set(key, { kind: entry.kind, category: entry.category, neighbourhood, ...point, count: 1 });
    }
    return [...cells.values()];
  }

  /** Entries created in `[from, to)`, counted per kind, category and neighbourhood. */
  async createdBetween(from: Date, to: Date): Promise<CreatedEntryCount[]> {
    const groups = await this.collection
      .aggregate<{ _id: { kind: EntryKind; category: Category; neighbourhood?: string }; n: number }>([
        { $match: { createdAt: { $gte: from, $lt: to } } },
        {
          $group: {
            _id: { kind: '$kind', category: '$category', neighbourhood: '$neighbourhood' },
            n: { $sum: 1 },
          },
        },
      ])
      .toArray();
    return groups.map(({ _id, n }) => ({
      kind: _id.kind,
      category: _id.category,
      neighbourhood: typeof _id.neighbourhood === 'string' ? _id.neighbourhood : '',
      count: n,
    }));
  }

  /** The neighbourhood and creation date of the needs `ids` (unknown ids are left out). */
  async needBriefs(ids: readonly ObjectId[]): Promise<NeedBrief[]> {
    if (ids.length === 0) return [];
    const needs = await this.collection
      .find({ _id: { $in: [...ids] } }, { projection: { _id: 1, neighbourhood: 1, createdAt: 1 } })
      .toArray();
    return needs.map((need) => ({
      id: need._id,
      neighbourhood: typeof need.neighbourhood === 'string' ? need.neighbourhood : '',
      createdAt: need.createdAt,
    }));
  }
}

/** The centre of the block of a stored location, or null when it is not a valid point. */
function coarse(location: Entry['location'] | undefined): { lat: number; lon: number } | null {
  const coordinates = location?.type === 'Point' ? location.coordinates : undefined;
  if (!Array.isArray(coordinates) || coordinates.length !== 2) return null;
  const [lon, lat] = coordinates;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  const centre = blockCentre({ type: 'Point', coordinates: [lon, lat] });
  return { lat: centre.coordinates[1], lon: centre.coordinates[0] };
}
