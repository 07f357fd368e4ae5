/**
 * Deterministic random places around Miramas for the benchmarks, so that every run works on
 * the same data.
 */

/** Place Jean Jaurès, the centre of the generated places. */
export const CENTRE = { lat: 43.5833, lon: 5.0017 };

/** A deterministic pseudo-random generator (a linear congruential one) in [0, 1). */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A point uniformly within `radiusM` metres of {@link CENTRE}, as GeoJSON `[lon, lat]`. */
export function pointNear(random: () => number, radiusM: number): [number, number] {
  const distance = radiusM * Math.sqrt(random());
  const angle = 2 * Math.PI * random();
  const dLat = (distance * Math.cos(angle)) / 111_320;
  const dLon = (distance * Math.sin(angle)) / (111_320 * Math.cos((CENTRE.lat * Math.PI) / 180));
  return [CENTRE.lon + dLon, CENTRE.lat + dLat];
}
