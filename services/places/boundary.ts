/**
 * The territory of Miramas: its commune boundary, and whether a point or a typed place is in it.
 *
 * @remarks
 * A shared position or a geocoded address is accepted by the commune's boundary, not by the
 * distance to the nearest neighbourhood centre, so a position in Istres, Saint-Chamas or Grans
 * is never named after a Miramas neighbourhood. The ring in `data/miramas.json` is an
 * approximation to be replaced by the IGN or OpenStreetMap boundary (see its `comment`).
 */
import { CodedError, ErrorCode } from '../errors';
import data from './data/miramas.json';

/** A ring of `[lon, lat]` points, first and last equal. */
export type Ring = readonly (readonly [number, number])[];

/** Towns around Miramas (folded: lower case, no accents, spaces for dashes), for typed places. */
const OTHER_TOWNS = [
  'istres',
  'entressen',
  'saint chamas',
  'st chamas',
  'grans',
  'salon de provence',
  'salon',
  'cornillon confoux',
  'lancon provence',
  'fos sur mer',
  'martigues',
  'arles',
  'marseille',
  'aix en provence',
  'berre l etang',
];

/** A street named after a town (`route de Saint-Chamas`): the town is not where the resident is. */
const STREET_BEFORE =
  / (?:route|rue|avenue|av|chemin|boulevard|bd|allee|impasse|place|traverse) (?:de |d |du )?$/;

function loadRing(): Ring {
  const ring = data.ring.map(([lon, lat]) => [lon, lat] as const);
  const valid =
    ring.length >= 4 &&
    ring.every(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat)) &&
    ring[0][0] === ring[ring.length - 1][0] &&
    ring[0][1] === ring[ring.length - 1][1];
  if (!valid) throw new CodedError(ErrorCode.ConfigInvalid, 'miramas.json: invalid ring');
  return Object.freeze(ring);
}

/** The boundary of Miramas (approximate, see `data/miramas.json`). */
export const MIRAMAS_BOUNDARY: Ring = loadRing();

/** Whether `[lon, lat]` lies inside `ring` (ray casting; a point on an edge may go either way). */
export function insideRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point is in Miramas. */
export function isInMiramas(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && insideRing(MIRAMAS_BOUNDARY, lon, lat);
}

/** Whether `text` names a town other than Miramas ("j'habite à Istres", "st-chamas"). */
export function namesOtherTown(text: string): boolean {
  const folded = ` ${text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')} `;
  return OTHER_TOWNS.some((town) => {
    for (let at = folded.indexOf(` ${town} `); at >= 0; at = folded.indexOf(` ${town} `, at + 1)) {
      if (!STREET_BEFORE.test(folded.slice(0, at + 1))) return true;
    }
    return false;
  });
}
