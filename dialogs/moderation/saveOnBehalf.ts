/**
 * Storing an entry a referent registered for someone who is not online, through the
 * entries module (a resident of their own, the consent as the referent recorded it, the
 * phone number the person gave, their name and how to address them, `registeredBy`, an
 * audit record).
 */
import type { OfflineConsentVia } from '../../services/entries';
import type { EntriesPort, StoredEntry } from '../ports';
import type { CompleteDraft } from '../entry/draft';
import { entryOf } from '../entry/saveEntry';

export type { OfflineConsentVia } from '../../services/entries';

/** What it needs: the entries module's use case. */
export interface SaveOnBehalfDeps {
  entries: Pick<EntriesPort, 'registerOnBehalf'>;
}

/** What the referent collected. */
export interface OnBehalfInput {
  moderatorPsid: string;
  draft: CompleteDraft;
  via: OfflineConsentVia;
  phone: string;
  /** Their name ("Jeanne Martin"). */
  name: string;
  /** How to address them on the phone ("Mme Martin"). */
  addressAs: string;
}

/** Stores the person, their consent and contact, and the entry (pending review). */
export async function saveOnBehalf(deps: SaveOnBehalfDeps, input: OnBehalfInput): Promise<StoredEntry> {
  return deps.entries.registerOnBehalf({
    moderatorPsid: input.moderatorPsid,
    entry: entryOf(input.draft),
    via: input.via,
    phone: input.phone,
    person: { name: input.name, addressAs: input.addressAs },
  });
}
