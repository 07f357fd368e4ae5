/**
 * Distances and circles on the sphere as MongoDB measures them (its radius): what the
 * re-examination needs to query the offers around many needs at once and to pair them in
 * memory exactly as the engine would.
 */
import type { GeoPoint } from '../domain/types';

/** Earth radius used by MongoDB's spherical queries, in metres. */
const EARTH_RADIUS_METERS = 6_378_100;

/** Distance on the sphere between two points, in metres (the radius MongoDB uses). */
export function sphereDistanceMeters(a: GeoPoint, b: GeoPoint): number {
  const [lon1, lat1] = a.coordinates;
  const [lon2, lat2] = b.coordinates;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The circle holding every point of `points`: centred in the middle of their bounding box,
 * its radius the distance to the farthest point.
 */
export function enclosingCircle(points: readonly GeoPoint[]): { centre: GeoPoint; radiusMeters: number } {
  let [west, south] = points[0].coordinates;
  let [east, north] = points[0].coordinates;
  for (const {
    coordinates: [lon, lat],
  } of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const centre: GeoPoint = { type: 'Point', coordinates: [(west + east) / 2, (south + north) / 2] };
  let radiusMeters = 0;
  for (const point of points) radiusMeters = Math.max(radiusMeters, sphereDistanceMeters(centre, point));
  return { centre, radiusMeters };
}

/** The difference of latitude, in degrees, that spans `meters` along a meridian. */
export function latitudeDegreesSpanning(meters: number): number {
  return (meters / EARTH_RADIUS_METERS) * (180 / Math.PI);
}
