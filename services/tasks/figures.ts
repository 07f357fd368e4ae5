/**
 * What the referents' console reads of tasks for its figures: counts, never a task's words,
 * contact or psid.
 */
import type { Collection, Db } from 'mongodb';
import type { Category } from '../domain/types';
import { TASKS_COLLECTION } from './taskRepository';
import type { Task, TaskReason, TaskStatus } from './types';

/** How many tasks of one reason, category, neighbourhood and status were created over a period. */
export interface TaskCount {
  reason: TaskReason;
  /** '' when the task has none. */
  category: Category | '';
  neighbourhood: string;
  status: TaskStatus;
  count: number;
}

/** The console's read model of `tasks`. */
export class TaskFigures {
  private readonly collection: Collection<Task>;

  constructor(db: Db) {
    this.collection = db.collection<Task>(TASKS_COLLECTION);
  }

  /**
   * Tasks created in `[from, to)`, counted per reason, category, neighbourhood and status;
   * a referent's own undelivered notices are not the network's work and are left out.
   */
  async createdBetween(from: Date, to: Date): Promise<TaskCount[]> {
    const groups = await this.collection
      .aggregate<{
        _id: { reason: TaskReason; category?: Category; neighbourhood?: string; status: TaskStatus };
        n: number;
      }>([
        { $match: { createdAt: { $gte: from, $lt: to }, reason: { $ne: 'undelivered_notice' } } },
        {
          $group: {
            _id: {
              reason: '$reason',
              category: '$category',
              neighbourhood: '$neighbourhood',
              status: '$status',
            },
            n: { $sum: 1 },
          },
        },
      ])
      .toArray();
    return groups.map(({ _id, n }) => ({
      reason: _id.reason,
      category: typeof _id.category === 'string' ? _id.category : '',
      neighbourhood: typeof _id.neighbourhood === 'string' ? _id.neighbourhood : '',
      status: _id.status,
      count: n,
    }));
  }
}
