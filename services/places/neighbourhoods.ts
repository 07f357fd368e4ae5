/**
 * Miramas neighbourhoods: the reviewed list in `data/neighbourhoods.json`, validated on load.
 *
 * @remarks
 * The data lives in `data/`, not next to this file: with `neighbourhoods.json` beside
 * `neighbourhoods.ts`, Node's resolver (as used by tsx and mocha) picks the `.json` for
 * `import ... from './neighbourhoods'`, so importers would get the raw data, not this API.
 * Centre points are approximate (see the file's `comment`): good enough to say which part
 * of town a resident lives in, not to measure a distance to the metre.
 */
import { CodedError, ErrorCode } from '../errors';
import data from './data/neighbourhoods.json';

/** A point in WGS 84 degrees. */
export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** One neighbourhood of Miramas. */
export interface Neighbourhood {
  /** Stable identifier, e.g. `la-maille-2`. */
  readonly id: string;
  /** Display name, e.g. "La Maille 2". */
  readonly name: string;
  /** Other ways residents write it (matching also ignores case, accents and small typos). */
  readonly aliases: readonly string[];
  /** Approximate centre. */
  readonly centre: GeoPoint;
}

/** Miramas lies within these bounds; a centre outside them is a data error. */
const BOUNDS = { minLat: 43.54, maxLat: 43.62, minLon: 4.95, maxLon: 5.06 };

function validate(entry: Neighbourhood): Neighbourhood {
  const { lat, lon } = entry.centre;
  const inside = lat >= BOUNDS.minLat && lat <= BOUNDS.maxLat && lon >= BOUNDS.minLon && lon <= BOUNDS.maxLon;
  if (!/^[a-z0-9-]+$/.test(entry.id) || entry.name.trim() === '' || !inside) {
    throw new CodedError(ErrorCode.ConfigInvalid, `neighbourhoods.json: invalid entry ${entry.id}`);
  }
  return Object.freeze({
    ...entry,
    aliases: Object.freeze([...entry.aliases]),
    centre: Object.freeze({ lat, lon }),
  });
}

/** The neighbourhoods of Miramas, validated and frozen. */
export function loadNeighbourhoods(): readonly Neighbourhood[] {
  const list = data.neighbourhoods.map(validate);
  if (new Set(list.map((entry) => entry.id)).size !== list.length) {
    throw new CodedError(ErrorCode.ConfigInvalid, 'neighbourhoods.json: duplicate id');
  }
  return Object.freeze(list);
}
