/**
 * Storing a confirmed draft through the entries module (the consent when given in this
 * form, the contact preferences, the entry pending review, flagged `money` when money
 * stayed: the calling dialog then hands the conversation to a referent); past the day's
 * limit of entries of the resident, nothing is stored and the resident is told.
 */
import type { TurnContext } from 'botbuilder';
import type { EntryInput, Registration } from '../../services/entries';
import type { EntriesPort, StoredEntry } from '../ports';
import { tellEntryLimit } from './dailyLimit';
import type { CompleteDraft } from './draft';

/** What it needs: the entries module's use case. */
export interface SaveEntryDeps {
  entries: Pick<EntriesPort, 'register'>;
}

/**
 * Stores what the resident confirmed and returns the new entry; returns null, after telling
 * the resident, when they already stored the day's maximum of entries of this kind.
 */
export async function saveEntry(
  context: TurnContext,
  deps: SaveEntryDeps,
  draft: CompleteDraft,
): Promise<StoredEntry | null> {
  const outcome = await deps.entries.register(context.activity.from.id, registrationOf(draft));
  if (outcome.status === 'stored') return outcome.entry;
  await tellEntryLimit(context, draft.kind, outcome.perDay);
  return null;
}

/** What a completed form asks the entries module to store. */
export function registrationOf(draft: CompleteDraft): Registration {
  return { entry: entryOf(draft), consentGiven: draft.consentGiven === true, contact: draft.contact };
}

/** The entry a completed form describes (for the resident, or someone registered by a referent). */
export function entryOf(draft: CompleteDraft): EntryInput {
  return {
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
    recurring: draft.kind === 'offer' ? draft.recurring === true : undefined,
    flags: draft.money ? ['money'] : [],
  };
}
