/**
 * The referents' tasks (collection `tasks`): the only writer of the collection.
 *
 * @remarks
 * `openKey` (`psid|reason|subject`) is set while a task is open or taken and unset once it
 * is done; its unique sparse index makes the same promise, made twice, one task.
 */
import { ObjectId, type Collection, type Db, type Filter } from 'mongodb';
import { toObjectId } from '../validation';
import type { Task, TaskOutcome } from './types';

/** Name of the collection of tasks. */
export const TASKS_COLLECTION = 'tasks';
/** Tasks read at most for one referent's list. */
const MAX_LISTED = 500;

/** Open and taken tasks, but another referent's undelivered notices. */
function visibleTo(referent: string): Filter<Task> {
  return {
    status: { $in: ['open', 'taken'] },
    $or: [{ reason: { $ne: 'undelivered_notice' } }, { psid: referent }],
  };
}

/** A task before it is stored. */
export type UnsavedTask = Omit<Task, '_id' | 'openKey'>;

/** The key of an open task: the same for the same promise. */
export function openKeyOf(task: Pick<Task, 'psid' | 'reason' | 'subject'>): string {
  return `${task.psid}|${task.reason}|${task.subject ?? ''}`;
}

/** Reads and writes `tasks`. */
export class TaskRepository {
  private readonly collection: Collection<Task>;

  constructor(db: Db) {
    this.collection = db.collection<Task>(TASKS_COLLECTION);
  }

  /** Creates the unique open key, the referents' list and the escalation lookups (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndexes([
      { key: { openKey: 1 }, name: 'open_key_unique', unique: true, sparse: true },
      { key: { status: 1, createdAt: 1 }, name: 'by_status' },
      { key: { status: 1, escalatedAt: 1, dueAt: 1 }, name: 'escalation' },
      { key: { psid: 1 }, name: 'by_psid' },
    ]);
  }

  /**
   * Inserts `task` unless an open task has the same key; the stored task either way, and
   * whether it was created now.
   */
  async insertOnce(task: UnsavedTask): Promise<{ task: Task; created: boolean }> {
    const openKey = openKeyOf(task);
    const document: Task = { ...task, _id: new ObjectId(), openKey };
    try {
      await this.collection.insertOne(document);
      return { task: document, created: true };
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      const existing = await this.collection.findOne({ openKey });
      if (!existing) throw error;
      return { task: existing, created: false };
    }
  }

  /** Adds `words` to what the resident said on an unfinished task; the task after, or null. */
  async addWords(id: ObjectId, words: string, max: number): Promise<Task | null> {
    const task = await this.collection.findOne({ _id: id, status: { $in: ['open', 'taken'] } });
    if (!task) return null;
    const all = Array.from(task.words ? `${task.words} / ${words}` : words);
    return this.collection.findOneAndUpdate(
      { _id: id, status: { $in: ['open', 'taken'] } },
      { $set: { words: all.slice(-max).join('') } },
      { returnDocument: 'after' },
    );
  }

  /** The task, or null for an unknown or malformed id. */
  async get(id: string | ObjectId): Promise<Task | null> {
    const _id = toObjectId(id);
    return _id ? this.collection.findOne({ _id }) : null;
  }

  /** Open and taken tasks `referent` sees (every one but other referents' notices), oldest first. */
  async unfinished(referent: string, limit = MAX_LISTED): Promise<Task[]> {
    return this.collection.find(visibleTo(referent)).sort({ createdAt: 1 }).limit(limit).toArray();
  }

  /** The tasks about resident `psid` (done ones too), newest first. */
  async byResident(psid: string, limit = MAX_LISTED): Promise<Task[]> {
    return this.collection
      .find({ psid, reason: { $ne: 'undelivered_notice' } })
      .sort({ createdAt: -1 })
      .limit(limit)
      .toArray();
  }

  /** How many tasks `referent` sees are open or taken. */
  async countUnfinished(referent: string): Promise<number> {
    return this.collection.countDocuments(visibleTo(referent));
  }

  /** Takes an open task for `referent`; null when unknown or no longer open. */
  async take(id: ObjectId, referent: string, at: Date): Promise<Task | null> {
    return this.collection.findOneAndUpdate(
      { _id: id, status: 'open' },
      { $set: { status: 'taken', takenBy: referent, takenAt: at } },
      { returnDocument: 'after' },
    );
  }

  /** Ends an open or taken task; null when unknown or already done. */
  async complete(
    id: ObjectId,
    referent: string,
    outcome: TaskOutcome,
    at: Date,
    note?: string,
  ): Promise<Task | null> {
    return this.collection.findOneAndUpdate(
      { _id: id, status: { $in: ['open', 'taken'] } },
      {
        $set: { status: 'done', doneBy: referent, doneAt: at, outcome, ...(note ? { note } : {}) },
        $unset: { openKey: '' },
      },
      { returnDocument: 'after' },
    );
  }

  /**
   * Claims one open task due before `before` and not escalated yet (so two runs never tell
   * the admins twice); null when none is left.
   */
  async claimForEscalation(before: Date, at: Date): Promise<Task | null> {
    return this.collection.findOneAndUpdate(
      {
        status: 'open',
        escalatedAt: { $exists: false },
        dueAt: { $lte: before },
        // A referent's undelivered notice is theirs; the task it was about escalates itself.
        reason: { $ne: 'undelivered_notice' },
      },
      { $set: { escalatedAt: at } },
      { sort: { dueAt: 1 }, returnDocument: 'after' },
    );
  }
}
