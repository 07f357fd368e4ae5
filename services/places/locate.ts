/**
 * Where an entry is: from an address, a neighbourhood name or a shared location.
 */
import type { GeoPoint, LocationSource } from '../domain/types';
import { isInMiramas } from './boundary';
import type { GeocodedAddress, GeocodeOutcome } from './geocoder';
import type { Neighbourhood } from './neighbourhoods';

/** A neighbourhood of Miramas with its centre. */
export interface NeighbourhoodPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
}

/** What {@link locate} needs: a geocoder and a way to recognise a neighbourhood in a text. */
export interface LocateDeps {
  geocoder: {
    geocode(text: string): Promise<GeocodedAddress | null>;
    lookup?(text: string): Promise<GeocodeOutcome>;
  };
  /** The neighbourhood named in `text`, or null (the NLU's neighbourhood finder). */
  findNeighbourhood: (text: string) => NeighbourhoodPlace | null;
  /** The neighbourhood whose centre is nearest, to name the area of an address or a shared point. */
  nearestNeighbourhood?: (lat: number, lon: number) => NeighbourhoodPlace | null;
}

/** A place found for an entry. */
export interface Located {
  location: GeoPoint;
  source: LocationSource;
  /** Name of the neighbourhood, when known: the only place shown to other residents. */
  neighbourhood?: string;
  /** The geocoder's label of the address, for the resident to confirm (never shown to others). */
  label?: string;
}

/** Centre of Miramas (town hall area). */
export const MIRAMAS_CENTRE = { lat: 43.5833, lon: 5.0017 } as const;
const EARTH_RADIUS_METERS = 6_371_008.8;
const STREET_WORDS =
  /(^|[^\p{L}])(rue|avenue|av|bd|boulevard|chemin|all[ée]e|place|impasse|route|cours|quai|traverse|mont[ée]e|square|passage)(?![\p{L}])/iu;
/** A house number followed by a word ("12 rue", "3 bis, avenue"), not a trailing "Maille 2". */
const HOUSE_NUMBER = /(^|[^\p{L}\d])\d{1,4}\s*(bis|ter)?\s*,?\s+\p{L}{2,}/iu;

/**
 * True when `text` has a street word or a house number, so it is worth asking the geocoder
 * before settling for a neighbourhood's centre.
 */
export function looksLikeAddress(text: string): boolean {
  return STREET_WORDS.test(text) || HOUSE_NUMBER.test(text);
}

/**
 * Locates `text`.
 *
 * @remarks
 * An address is geocoded first (`address`). When it is unknown or the service is down,
 * the neighbourhood named in the text gives its centre (`neighbourhood_fallback`). A text
 * that only names a neighbourhood gives its centre at once (`neighbourhood`), without
 * waiting for the geocoder. Null when neither is known.
 */
export async function locate(text: string, deps: LocateDeps): Promise<Located | null> {
  const cleaned = typeof text === 'string' ? text.trim() : '';
  if (cleaned === '') return null;
  const named = deps.findNeighbourhood(cleaned);
  if (named && !looksLikeAddress(cleaned)) return fromNeighbourhood(named, 'neighbourhood');
  const address = await deps.geocoder.geocode(cleaned);
  if (address) {
    const area = named ?? deps.nearestNeighbourhood?.(address.lat, address.lon) ?? null;
    const located: Located = { location: point(address.lat, address.lon), source: 'address' };
    if (area) located.neighbourhood = area.name;
    if (address.label) located.label = address.label;
    return located;
  }
  return named ? fromNeighbourhood(named, 'neighbourhood_fallback') : null;
}

/** A place at a neighbourhood's centre. */
export function fromNeighbourhood(
  place: NeighbourhoodPlace,
  source: LocationSource = 'neighbourhood',
): Located {
  return { location: point(place.lat, place.lon), source, neighbourhood: place.name };
}

/**
 * A place from a location the resident shared, with the nearest neighbourhood when a
 * finder is given and the point is inside the commune's boundary (`boundary.ts`); null for
 * coordinates out of range.
 */
export function fromCoordinates(
  lat: number,
  lon: number,
  nearestNeighbourhood?: (lat: number, lon: number) => NeighbourhoodPlace | null,
): (Located & { inServiceArea: boolean }) | null {
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    return null;
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const inServiceArea = isInMiramas(lat, lon);
  const located: Located & { inServiceArea: boolean } = {
    location: point(lat, lon),
    source: 'shared_location',
    inServiceArea,
  };
  const area = inServiceArea ? nearestNeighbourhood?.(lat, lon) : null;
  if (area) located.neighbourhood = area.name;
  return located;
}

/** Great-circle distance between two points, in metres (haversine). */
export function distanceMeters(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The nearest of `places` to a point, or null when there are none. */
export function nearestOf(
  places: readonly NeighbourhoodPlace[],
  lat: number,
  lon: number,
): NeighbourhoodPlace | null {
  let best: NeighbourhoodPlace | null = null;
  let bestDistance = Infinity;
  for (const place of places) {
    const distance = distanceMeters(place, { lat, lon });
    if (distance < bestDistance) [best, bestDistance] = [place, distance];
  }
  return best;
}

/** A neighbourhood of `services/places/neighbourhoods` as a {@link NeighbourhoodPlace}. */
export function toPlace(neighbourhood: Neighbourhood): NeighbourhoodPlace {
  const { id, name, centre } = neighbourhood;
  return { id, name, lat: centre.lat, lon: centre.lon };
}

/** A `nearestNeighbourhood` finder over a list (for example `loadNeighbourhoods()`). */
export function nearestNeighbourhoodIn(
  list: readonly Neighbourhood[],
): (lat: number, lon: number) => NeighbourhoodPlace | null {
  const places = list.map(toPlace);
  return (lat, lon) => nearestOf(places, lat, lon);
}

function point(lat: number, lon: number): GeoPoint {
  return { type: 'Point', coordinates: [lon, lat] };
}
