/**
 * Helpers of the domain service tests: real geodesic offsets around Miramas and entry fixtures.
 */
import type { GeoPoint } from '../../services/domain/types';
import type { NewEntry } from '../../services/entries';

/** Centre of Miramas. */
export const MIRAMAS = { lat: 43.5833, lon: 5.0017 } as const;
const EARTH_RADIUS_METERS = 6_371_008.8;

/**
 * The point `meters` away from `origin` in direction `bearingDegrees` (0 = north), on a
 * sphere (the "destination point" formula), as MongoDB measures with `spherical: true`.
 */
export function offset(
  origin: { lat: number; lon: number },
  meters: number,
  bearingDegrees: number,
): { lat: number; lon: number } {
  const rad = Math.PI / 180;
  const angular = meters / EARTH_RADIUS_METERS;
  const bearing = bearingDegrees * rad;
  const lat1 = origin.lat * rad;
  const lon1 = origin.lon * rad;
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing),
  );
  const lon2 =
    lon1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
      Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
    );
  return { lat: lat2 / rad, lon: lon2 / rad };
}

/** A GeoJSON point. */
export function at(place: { lat: number; lon: number }): GeoPoint {
  return { type: 'Point', coordinates: [place.lon, place.lat] };
}

/** A valid new entry at the centre of Miramas, with `overrides`. */
export function newEntry(overrides: Partial<NewEntry> = {}): NewEntry {
  return {
    psid: 'psid-helper',
    kind: 'offer',
    category: 'groceries',
    description: 'Je peux faire des courses au marché le samedi.',
    availability: 'samedi matin',
    location: at(MIRAMAS),
    locationSource: 'address',
    ...overrides,
  };
}

/** A fixed start date for manual clocks. */
export const T0 = new Date('2026-03-02T09:00:00.000Z');
