/**
 * Storing an entry a referent registered for someone who is not online: a resident of
 * their own (`offline:<random>`), the consent as the referent recorded it (by phone or in
 * person), the phone number the person gave, `registeredBy`, and an audit record.
 */
import { randomBytes } from 'node:crypto';
import type { Consent } from '../../services/domain/types';
import type { Clock } from '../../services/clock';
import type { Logger } from '../../services/logger';
import type { EntriesPort, ModerationPort, ResidentsPort, StoredEntry } from '../ports';
import type { CompleteDraft } from '../entry/draft';
import { newEntryOf, STORAGE_CONSENT_VERSION } from '../entry/saveEntry';

/** How the person gave their consent to the referent. */
export type OfflineConsentVia = Extract<Consent['via'], 'phone' | 'in_person'>;

/** What the referent collected. */
export interface OnBehalfInput {
  moderatorPsid: string;
  draft: CompleteDraft;
  via: OfflineConsentVia;
  phone: string;
}

/** What storing an entry on behalf of someone calls. */
export interface SaveOnBehalfDeps {
  residents: Pick<ResidentsPort, 'recordStorageConsent' | 'setContact'>;
  entries: Pick<EntriesPort, 'create'>;
  moderation: Pick<ModerationPort, 'audit'>;
  clock: Clock;
  logger: Logger;
}

/** A new id for someone who is not on Messenger. */
export function offlinePsid(): string {
  return `offline:${randomBytes(8).toString('hex')}`;
}

/** Stores the person, their consent and contact, and the entry (pending review). */
export async function saveOnBehalf(deps: SaveOnBehalfDeps, input: OnBehalfInput): Promise<StoredEntry> {
  const { draft, moderatorPsid } = input;
  const psid = offlinePsid();
  await deps.residents.recordStorageConsent(psid, {
    given: true,
    at: deps.clock(),
    version: STORAGE_CONSENT_VERSION,
    via: input.via,
  });
  await deps.residents.setContact(psid, { channels: ['phone'], phone: input.phone });
  const entry = await deps.entries.create({ ...newEntryOf(draft, psid), registeredBy: moderatorPsid });
  const id = entry._id.toHexString();
  await deps.moderation.audit.record(moderatorPsid, 'entry.register', { type: 'entry', id }, input.via);
  deps.logger.info('entry registered on behalf', { entry: id, kind: entry.kind, via: input.via });
  return entry;
}
