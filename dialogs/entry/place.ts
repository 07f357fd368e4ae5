/**
 * Where an entry is: a typed street, address or neighbourhood, or a shared location, always
 * inside the commune of Miramas (its boundary, not the distance to a neighbourhood centre).
 */
import {
  fromCoordinates,
  isInMiramas,
  loadNeighbourhoods,
  locate,
  namesOtherTown,
  nearestNeighbourhoodIn,
} from '../../services/places';
import type { NeighbourhoodPlace } from '../../services/places';
import type { FoundPlace, GeocoderPort, NluPort } from '../ports';

/** A place answer: found in Miramas, outside Miramas, or not known. */
export type PlaceAnswer =
  { status: 'found'; place: FoundPlace } | { status: 'outside' } | { status: 'unknown' };

/** Finds places with the geocoder and the NLU's neighbourhood finder. */
export class PlaceFinder {
  private readonly nearest: (lat: number, lon: number) => NeighbourhoodPlace | null;

  constructor(
    private readonly geocoder: GeocoderPort,
    private readonly nlu: NluPort,
  ) {
    this.nearest = nearestNeighbourhoodIn(loadNeighbourhoods());
  }

  /**
   * The place of a shared location or of a typed text, telling a place outside Miramas (a
   * position or geocoded address beyond the commune's boundary, a text that names only
   * another town) from one that is not known. The form says "réservé aux habitants de
   * Miramas" for `outside` and asks again for `unknown`.
   */
  async find(
    shared: { lat: number; lon: number } | undefined,
    text: string | undefined,
  ): Promise<PlaceAnswer> {
    if (shared) {
      const found = fromCoordinates(shared.lat, shared.lon, this.nearest);
      if (!found) return { status: 'unknown' };
      return found.inServiceArea ? { status: 'found', place: found } : { status: 'outside' };
    }
    if (!text) return { status: 'unknown' };
    const found = await locate(text, {
      geocoder: this.geocoder,
      findNeighbourhood: (typed) => this.nlu.understand(typed).neighbourhood,
      nearestNeighbourhood: this.nearest,
    });
    if (found) {
      const [lon, lat] = found.location.coordinates;
      return found.source !== 'address' || isInMiramas(lat, lon)
        ? { status: 'found', place: found }
        : { status: 'outside' };
    }
    return namesOtherTown(text) ? { status: 'outside' } : { status: 'unknown' };
  }
}
