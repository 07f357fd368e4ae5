/**
 * What a conversation left in the database, for the scripts' outcomes.
 */
import type { Entry } from '../../../services/domain/types';
import type { Harness } from '../../dialogs/support/harness';

/** The entries `psid` left, oldest first. */
export async function entriesOf(harness: Harness, psid: string): Promise<Entry[]> {
  return harness.database.db.collection<Entry>('entries').find({ psid }).toArray();
}

/** The only entry `psid` left (fails when there is none or several). */
export async function onlyEntryOf(harness: Harness, psid: string): Promise<Entry> {
  const entries = await entriesOf(harness, psid);
  if (entries.length > 1) throw new Error(`expected one entry for ${psid}, found ${entries.length}`);
  const [entry] = entries;
  if (!entry) throw new Error(`no entry for ${psid}`);
  return entry;
}

/** The reasons `psid`'s conversation was flagged for a referent (none when it never was). */
export async function flagsOf(harness: Harness, psid: string): Promise<string[]> {
  const attention = await harness.database.db
    .collection<{ psid: string; reasons: { reason: string }[] }>('conversations')
    .findOne({ psid });
  return (attention?.reasons ?? []).map((entry) => entry.reason);
}
