/**
 * Residents and published offers around Place Jean Jaurès, for the matching tables.
 */
import type { Category, Resident } from '../../../services/domain/types';
import { at, MIRAMAS, offset } from '../../services/support';
import type { Harness } from './harness';

/** Place Jean Jaurès, where the fake BAN puts the asker. */
export const ASKER_PLACE = MIRAMAS;

/** A helper to seed. */
export interface HelperSeed {
  psid: string;
  category: Category;
  /** Metres north of Place Jean Jaurès. */
  meters: number;
  contact: Resident['contact'];
  description?: string;
}

/** Creates the helper (consent, contact) and their published offer; returns the offer id. */
export async function seedHelper(harness: Harness, seed: HelperSeed): Promise<string> {
  const { residents, entries } = harness.repositories;
  await residents.recordStorageConsent(seed.psid, {
    given: true,
    at: harness.clock.now(),
    version: 'storage-v1',
    via: 'messenger',
  });
  await residents.setContact(seed.psid, seed.contact);
  const offer = await entries.create({
    psid: seed.psid,
    kind: 'offer',
    category: seed.category,
    description: seed.description ?? 'Je peux faire vos courses en voiture',
    availability: 'le soir',
    addressText: '8 avenue de la République',
    location: at(offset(ASKER_PLACE, seed.meters, 0)),
    locationSource: 'address',
    flags: [],
  });
  await entries.publish(offer._id);
  return offer._id.toHexString();
}
