/**
 * What the tasks module tells people, as typed notices (rendered to French in
 * dialogs/notices/tasks.ts).
 */
import type { Category } from '../domain/types';
import type { TaskOutcome, TaskReason, TaskStatus, TaskUrgency } from './types';

/** What a referent or an admin reads of a task (its words already screened). */
export interface TaskBrief {
  reason: TaskReason;
  category?: Category;
  urgency: TaskUrgency;
  neighbourhood?: string;
  words?: string;
}

/**
 * What an e-mail says of a task: never the resident's words, phone or address (an e-mail
 * leaves the network's tools), only what a referent may see at a glance.
 */
export interface TaskHeadline {
  /** The task's id, for its page in the console. */
  taskId: string;
  reason: TaskReason;
  urgency: TaskUrgency;
  status: TaskStatus;
  category?: Category;
  neighbourhood?: string;
  /** Minutes since the task was created. */
  waitedMinutes: number;
  /** Whether its due time has passed. */
  overdue: boolean;
}

/** The tasks module's notices. */
export type TaskNotice =
  /** To the resident: what the referent did about their request. */
  | { type: 'tasks.outcome'; reason: TaskReason; outcome: TaskOutcome }
  /** To the resident: nobody answered their hand-over in time; it goes to the admins. */
  | { type: 'tasks.handoverUnanswered' }
  /** To the admins: nobody took the task for `minutes`. */
  | ({ type: 'tasks.escalated'; minutes: number } & TaskBrief);

/** What the tasks module e-mails the staff (rendered to French in dialogs/notices/mail.ts). */
export type TaskMailNotice =
  /** E-mailed to the neighbourhood's referents on duty (the admins otherwise): an urgent task or an emergency. */
  | { type: 'tasks.urgent'; task: TaskHeadline }
  /**
   * E-mailed to each referent every morning: what waits in their neighbourhoods, most urgent
   * then oldest first (`more` not listed).
   */
  | { type: 'tasks.digest'; tasks: TaskHeadline[]; more: number };
