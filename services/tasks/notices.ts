/**
 * What the tasks module tells people, as typed notices (rendered to French in
 * dialogs/notices/tasks.ts).
 */
import type { Category } from '../domain/types';
import type { TaskOutcome, TaskReason, TaskUrgency } from './types';

/** What a referent or an admin reads of a task (its words already screened). */
export interface TaskBrief {
  reason: TaskReason;
  category?: Category;
  urgency: TaskUrgency;
  neighbourhood?: string;
  words?: string;
}

/** The tasks module's notices. */
export type TaskNotice =
  /** To the resident: what the referent did about their request. */
  | { type: 'tasks.outcome'; reason: TaskReason; outcome: TaskOutcome }
  /** To the resident: nobody answered their hand-over in time; it goes to the admins. */
  | { type: 'tasks.handoverUnanswered' }
  /**
   * To the referent who refused an entry: its author answered (`refusedBecause` is the
   * moderation module's rejection reason).
   */
  | {
      type: 'tasks.refusalReply';
      category?: Category;
      neighbourhood?: string;
      refusedBecause: string;
      words: string;
    }
  /** To the admins: nobody took the task for `minutes`. */
  | ({ type: 'tasks.escalated'; minutes: number } & TaskBrief);
