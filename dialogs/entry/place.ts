/**
 * Where an entry is: a typed street, address or neighbourhood, or a shared location.
 */
import { fromCoordinates, loadNeighbourhoods, locate, nearestNeighbourhoodIn } from '../../services/places';
import type { NeighbourhoodPlace } from '../../services/places';
import type { FoundPlace, GeocoderPort, NluPort } from '../ports';

/** Finds places with the geocoder and the NLU's neighbourhood finder. */
export class PlaceFinder {
  private readonly nearest: (lat: number, lon: number) => NeighbourhoodPlace | null;

  constructor(
    private readonly geocoder: GeocoderPort,
    private readonly nlu: NluPort,
  ) {
    this.nearest = nearestNeighbourhoodIn(loadNeighbourhoods());
  }

  /** The address through the geocoder, else the neighbourhood named; null when neither is known. */
  async fromText(text: string): Promise<FoundPlace | null> {
    return locate(text, {
      geocoder: this.geocoder,
      findNeighbourhood: (typed) => this.nlu.understand(typed).neighbourhood,
      nearestNeighbourhood: this.nearest,
    });
  }

  /** A shared location in or near Miramas (null outside the service area). */
  fromShared(lat: number, lon: number): FoundPlace | null {
    const found = fromCoordinates(lat, lon, this.nearest);
    return found?.inServiceArea ? found : null;
  }
}
