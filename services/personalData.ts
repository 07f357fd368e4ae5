/**
 * What every module's `personalData.ts` speaks in: one person, their pseudonym for this
 * erasure, and what identifies them in other people's free texts (platform floor: the
 * contract every module's part and the privacy module's composition share).
 *
 * @remarks
 * Each module says, for its own collections, what it erases, what it exports and how it
 * tells recent activity; services/privacy's `erasure.ts`, `export.ts` and `retention.ts`
 * compose them.
 */
import type { Db } from 'mongodb';

/** What an erasure step works on. */
export interface ErasureScope {
  db: Db;
  /** The person's psid (already checked). */
  person: string;
  /** What replaces their psid in records kept for others (`erased:…`). */
  pseudonym: string;
  /** A regular expression source matching any string that identifies them (see `markers.ts`). */
  pattern: string;
  now: Date;
}

/** What replaces the psid of an erased person in records kept for others. */
export const ERASED_PREFIX = 'erased:';

/** `$set: { field: pseudonym }` where `field` is the person; the number of records changed. */
export async function renameIn(
  db: Db,
  collection: string,
  field: string,
  person: string,
  pseudonym: string,
): Promise<number> {
  const result = await db
    .collection(collection)
    .updateMany({ [field]: person }, { $set: { [field]: pseudonym } });
  return result.modifiedCount;
}

/** Deletes what `filter` matches in `collection`; how many. */
export async function deleteIn(db: Db, collection: string, filter: object): Promise<number> {
  return (await db.collection(collection).deleteMany(filter)).deletedCount;
}

/** One regular expression source matching any of `markers` (they are escaped). */
export function markerPattern(markers: readonly string[]): string {
  return markers.map((marker) => marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
