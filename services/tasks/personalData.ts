/**
 * The tasks' part of a person's data: the tasks about them (`tasks`: their words, their
 * contact), erased with them and exported to them; their contact in another resident's call
 * script is dropped; the referents' own psid on tasks they took or did is replaced by their
 * pseudonym.
 */
import type { Db } from 'mongodb';
import { deleteIn, renameIn, type ErasureScope } from '../personalData';
import { TASKS_COLLECTION } from './taskRepository';
import type { Task } from './types';

/**
 * Deletes the tasks about them; drops their contact from the call scripts of other people's
 * tasks (a helper's phone that a referent was to read to a resident without Messenger: the
 * step then says the helper is reached through the page); pseudonymises them where they took
 * or did a task.
 */
export async function eraseTasks({ db, person, pseudonym, pattern }: ErasureScope): Promise<number> {
  const deleted = await deleteIn(db, TASKS_COLLECTION, { psid: person });
  const { modifiedCount: scripts } = await db.collection(TASKS_COLLECTION).updateMany(
    {
      $or: [
        { 'step.notice.helperContact.phone': { $regex: pattern } },
        { 'step.notice.helperContact.email': { $regex: pattern } },
      ],
    },
    { $set: { 'step.notice.helperContact': null } },
  );
  const taken = await renameIn(db, TASKS_COLLECTION, 'takenBy', person, pseudonym);
  const done = await renameIn(db, TASKS_COLLECTION, 'doneBy', person, pseudonym);
  return deleted + scripts + taken + done;
}

/** The tasks about them, oldest first (without the referents' ids). */
export function exportTasks(db: Db, person: string): Promise<Task[]> {
  return db
    .collection<Task>(TASKS_COLLECTION)
    .find({ psid: person }, { projection: { openKey: 0, takenBy: 0, doneBy: 0 } })
    .sort({ createdAt: 1 })
    .toArray();
}

/** Whether a task about them was created since `since`. */
export async function tasksActiveSince(db: Db, psid: string, since: Date): Promise<boolean> {
  return (await db.collection(TASKS_COLLECTION).findOne({ psid, createdAt: { $gte: since } })) !== null;
}
