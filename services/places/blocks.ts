/**
 * The blocks every entry's position is rounded to before it is stored.
 *
 * @remarks
 * A block is a cell of about 400 m × 400 m: rows 400 m high (400 / 111,320 degrees of
 * latitude) counted from the equator and, in each row, columns 400 m wide at the row's
 * middle latitude counted from Greenwich. An entry is stored at the centre of its block,
 * and matching, the 1 km cut-off, the distance bands and the order of offers are all
 * computed from that centre: they are the same for every home of the block. A resident who
 * creates needs at points of their choosing can learn a helper's block, never where in it
 * the helper lives (on average 150 m from the centre, up to 280 m).
 *
 * The grid is public and fixed: a secret offset would hide nothing more, since a block's
 * centre can be found from the readings anyway, and a fixed grid puts every entry of one
 * home in the same block (no averaging over several entries, as per-entry noise would allow).
 */
import type { GeoPoint } from '../domain/types';

/** Side of a block, in metres. */
export const BLOCK_METERS = 400;

const METERS_PER_DEGREE = 111_320;
const BLOCK_DEGREES = BLOCK_METERS / METERS_PER_DEGREE;
const RAD = Math.PI / 180;

/**
 * The centre of the block `point` lies in, to 6 decimals (about 10 cm).
 *
 * @remarks
 * Idempotent: the centre of a block is in that block, so rounding it again changes nothing.
 * `point` must be a valid GeoJSON point (see `requirePoint`).
 */
export function blockCentre(point: GeoPoint): GeoPoint {
  const [lon, lat] = point.coordinates;
  const row = Math.floor(lat / BLOCK_DEGREES);
  const centreLat = (row + 0.5) * BLOCK_DEGREES;
  const lonStep = BLOCK_DEGREES / Math.max(Math.cos(centreLat * RAD), 1e-6);
  const centreLon = (Math.floor(lon / lonStep) + 0.5) * lonStep;
  return {
    type: 'Point',
    coordinates: [sixDecimals(clamp(centreLon, 180)), sixDecimals(clamp(centreLat, 90))],
  };
}

function clamp(value: number, limit: number): number {
  return Math.min(limit, Math.max(-limit, value));
}

function sixDecimals(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
