/**
 * Residents who are not on Messenger: their ids (`offline:<random>`), and the entry a
 * referent registers for one of them, with the consent and the phone number they gave.
 */
import { randomBytes } from 'node:crypto';
import type { Consent, OfflineProfile } from '../domain/types';
import type { EntriesPorts } from './ports';
import { STORAGE_CONSENT_VERSION, type EntryInput } from './registration';
import type { StoredEntry } from './types';

const OFFLINE_PREFIX = 'offline:';

/** How the person gave their consent to a referent registering for them. */
export type OfflineConsentVia = Extract<Consent['via'], 'phone' | 'in_person'>;

/** What a referent collected for someone who is not online. */
export interface OnBehalfRegistration {
  moderatorPsid: string;
  entry: EntryInput;
  via: OfflineConsentVia;
  /** The phone number the person gave: their only contact. */
  phone: string;
  /**
   * Their name and how to address them ("Mme Martin"), for the referents only: never in the
   * entry's description, which helpers read.
   */
  person: Pick<OfflineProfile, 'name' | 'addressAs'>;
}

/** A new id for someone who is not on Messenger. */
export function offlinePsid(): string {
  return `${OFFLINE_PREFIX}${randomBytes(8).toString('hex')}`;
}

/** True for the id of someone who is not on Messenger (registered by a referent). */
export function isOfflinePsid(psid: string): boolean {
  return psid.startsWith(OFFLINE_PREFIX);
}

/**
 * Stores an entry a referent registered for someone who is not online: a resident of
 * their own (`offline:<random>`), the consent as the referent recorded it, the phone number
 * as their contact, their name and their referent (`registeredBy`) on the resident, the
 * entry with `registeredBy`, and an audit record.
 *
 * @throws CodedError `payload_invalid` when a field of the entry is invalid.
 */
export async function registerOnBehalf(
  ports: Pick<EntriesPorts, 'repository' | 'residents' | 'audit' | 'clock' | 'logger'>,
  registration: OnBehalfRegistration,
): Promise<StoredEntry> {
  const { moderatorPsid, via } = registration;
  const psid = offlinePsid();
  await ports.residents.recordStorageConsent(psid, {
    given: true,
    at: ports.clock(),
    version: STORAGE_CONSENT_VERSION,
    via,
  });
  await ports.residents.setContact(psid, { channels: ['phone'], phone: registration.phone });
  await ports.residents.setOfflineProfile(psid, {
    ...registration.person,
    registeredBy: moderatorPsid,
    ...(registration.entry.neighbourhood ? { neighbourhood: registration.entry.neighbourhood } : {}),
  });
  const entry = await ports.repository.create({
    ...registration.entry,
    psid,
    registeredBy: moderatorPsid,
  });
  const id = entry._id.toHexString();
  await ports.audit.record(moderatorPsid, 'entry.register', { type: 'entry', id }, via);
  ports.logger.info('entry registered on behalf', { entry: id, kind: entry.kind, via });
  return entry;
}
