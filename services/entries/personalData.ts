/**
 * The entries module's part of a person's data (`entries`), over the collection constant
 * only: their entries (deleted, exported), the entries they registered for someone as a
 * referent (pseudonymised), the ids and addresses that identify them, their activity.
 */
import type { Db } from 'mongodb';
import type { Entry } from '../domain/types';
import { deleteIn, renameIn, type ErasureScope } from '../personalData';
import { ENTRIES_COLLECTION } from './entryRepository';

/** Their entries' ids and typed addresses. */
export async function entryMarkers(db: Db, psid: string): Promise<Array<string | undefined>> {
  const entries = await db
    .collection<Entry>(ENTRIES_COLLECTION)
    .find({ psid }, { projection: { _id: 1, addressText: 1 } })
    .toArray();
  return entries.flatMap((entry) => [entry._id?.toHexString(), entry.addressText]);
}

/** The entries registered (or refused) by the person as a referent, under the pseudonym. */
export async function pseudonymiseRegistrations({ db, person, pseudonym }: ErasureScope): Promise<number> {
  return (
    (await renameIn(db, ENTRIES_COLLECTION, 'registeredBy', person, pseudonym)) +
    (await renameIn(db, ENTRIES_COLLECTION, 'rejectedBy', person, pseudonym))
  );
}

/** Deletes their entries. */
export function eraseEntries({ db, person }: ErasureScope): Promise<number> {
  return deleteIn(db, ENTRIES_COLLECTION, { psid: person });
}

/** Their entries, oldest first, as stored (without the id of the referent who refused one). */
export function exportEntries(db: Db, person: string): Promise<Entry[]> {
  return db
    .collection<Entry>(ENTRIES_COLLECTION)
    .find({ psid: person }, { projection: { rejectedBy: 0 } })
    .sort({ createdAt: 1 })
    .toArray();
}

/** Whether one of their entries was created or changed since `since`. */
export async function entriesActiveSince(db: Db, psid: string, since: Date): Promise<boolean> {
  const recent = { $gte: since };
  const found = await db
    .collection(ENTRIES_COLLECTION)
    .findOne({ psid, $or: [{ createdAt: recent }, { updatedAt: recent }] });
  return found !== null;
}
