/**
 * Which neighbourhoods a member of staff sees, and how a stored neighbourhood is named.
 */
import { neighbourhoodKey } from '../../../services/moderation';
import { loadNeighbourhoods, type Neighbourhood } from '../../../services/places';
import type { Staff } from '../contract';

/** The reviewed neighbourhoods of Miramas, by key. */
export interface NeighbourhoodIndex {
  readonly list: readonly Neighbourhood[];
  /** The key of a stored neighbourhood name ('' for none or an empty one). */
  keyOf(stored: string): string;
  /** The display name of a key: the reviewed name, or the key itself when it is not in the list. */
  nameOf(key: string): string;
}

/** Builds the index of the neighbourhoods in `services/places`. */
export function neighbourhoodIndex(
  list: readonly Neighbourhood[] = loadNeighbourhoods(),
): NeighbourhoodIndex {
  const names = new Map(list.map((place) => [neighbourhoodKey(place.id), place.name]));
  return {
    list,
    keyOf: (stored) => (stored.trim() === '' ? '' : neighbourhoodKey(stored)),
    nameOf: (key) => names.get(key) ?? key,
  };
}

/**
 * Whether `staff` sees what happens in the neighbourhood `key`.
 *
 * @remarks
 * Admins and referents following no neighbourhood see everything; a referent sees only the
 * neighbourhoods they follow, so never what has no neighbourhood (key '').
 */
export function sees(staff: Staff, key: string): boolean {
  if (staff.role === 'admin' || staff.quartierKeys.length === 0) return true;
  return key !== '' && staff.quartierKeys.includes(key);
}
