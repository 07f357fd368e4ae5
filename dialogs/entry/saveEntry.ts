/**
 * Storing a confirmed draft: the consent (when given in this form), the contact
 * preferences and the entry (pending review), flagged `money` when money stayed (the
 * calling dialog then hands the conversation to a referent); nothing past the day's limit
 * of entries of the resident.
 */
import type { Clock } from '../../services/clock';
import type { Logger } from '../../services/logger';
import type { EntriesPort, LimitsPort, NewEntryInput, ResidentsPort, StoredEntry } from '../ports';
import type { CompleteDraft } from './draft';

/** The wording version of the storage consent shown in `form.consent`. */
export const STORAGE_CONSENT_VERSION = 'storage-v1';

/** What storing an entry calls. */
export interface SaveEntryDeps {
  limits: Pick<LimitsPort, 'takeEntry'>;
  residents: Pick<ResidentsPort, 'recordStorageConsent' | 'setContact'>;
  entries: Pick<EntriesPort, 'create'>;
  clock: Clock;
  logger: Logger;
}

/**
 * Stores what the resident confirmed and returns the new entry; stores nothing and returns
 * null when the resident already stored the day's maximum of entries of this kind.
 */
export async function saveEntry(
  deps: SaveEntryDeps,
  psid: string,
  draft: CompleteDraft,
): Promise<StoredEntry | null> {
  if (!(await deps.limits.takeEntry(psid, draft.kind))) return null;
  if (draft.consentGiven) {
    await deps.residents.recordStorageConsent(psid, {
      given: true,
      at: deps.clock(),
      version: STORAGE_CONSENT_VERSION,
      via: 'messenger',
    });
  }
  await deps.residents.setContact(psid, draft.contact);
  const entry = await deps.entries.create(newEntryOf(draft, psid));
  deps.logger.info('entry saved', {
    entry: entry._id.toHexString(),
    kind: entry.kind,
    category: entry.category,
  });
  return entry;
}

/** The entry a completed form describes, for `psid` (the resident, or someone registered by a referent). */
export function newEntryOf(draft: CompleteDraft, psid: string): NewEntryInput {
  return {
    psid,
    kind: draft.kind,
    category: draft.category,
    description: draft.description,
    addressText: draft.addressText,
    neighbourhood: draft.neighbourhood,
    location: draft.location,
    locationSource: draft.locationSource,
    availability: draft.availability,
    beneficiary: draft.kind === 'need' ? (draft.beneficiary ?? 'self') : undefined,
    urgency: draft.kind === 'need' ? (draft.urgency ?? 'normal') : undefined,
    flags: draft.money ? ['money'] : [],
  };
}
