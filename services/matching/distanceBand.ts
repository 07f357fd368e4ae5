/**
 * Distances as residents read them: a band, never a figure.
 */

/**
 * The upper bound, in metres, of the band a distance between two blocks falls in: 500
 * ("à moins de 500 m"), 1000 ("à moins d'1 km"), then whole kilometres.
 *
 * @remarks
 * Distances are measured between the centres of the blocks the two entries are stored in
 * (`services/places/blocks`), so a band tells about blocks, not homes. A value that is not a
 * finite non-negative number (which the matcher never gives) reads as the 1 km band.
 */
export function distanceBand(meters: number): number {
  if (!Number.isFinite(meters) || meters < 0) return 1000;
  if (meters < 500) return 500;
  if (meters <= 1000) return 1000;
  return Math.ceil(meters / 1000) * 1000;
}
