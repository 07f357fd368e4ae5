/**
 * What a referent sees of the tasks: their list in the order they should take them, their
 * daily digest, and the headline an e-mail may carry of a task.
 */
import { neighbourhoodKey } from '../moderation';
import type { TaskHeadline, TaskMailNotice } from './notices';
import type { TasksPorts } from './ports';
import type { Task } from './types';

/** Tasks listed at most in a referent's daily digest (the others are counted). */
export const DIGEST_MAX_TASKS = 30;

const MINUTE_MS = 60_000;

/** The ports {@link TaskLists} calls. */
export type TaskListPorts = Pick<TasksPorts, 'repository' | 'referents'>;

/** The referents' lists of tasks. */
export class TaskLists {
  constructor(private readonly ports: TaskListPorts) {}

  /**
   * The tasks a referent sees, open and taken (their own undelivered notices included, not
   * other referents'): the ones assigned to them first (the residents without Messenger they
   * registered), then their neighbourhoods' (every task is theirs when they follow every
   * neighbourhood), then the urgent ones, then the oldest.
   */
  async listFor(referent: string): Promise<Task[]> {
    const who = await this.ports.referents.get(referent);
    const keys = new Set((who?.quartiers ?? []).map(neighbourhoodKey));
    const mine = (task: Task): number =>
      task.assignedTo === referent
        ? 0
        : keys.size === 0 ||
            (task.neighbourhood !== undefined && keys.has(neighbourhoodKey(task.neighbourhood)))
          ? 1
          : 2;
    const tasks = await this.ports.repository.unfinished(referent);
    return tasks.sort(
      (a, b) =>
        mine(a) - mine(b) || urgencyRank(a) - urgencyRank(b) || a.createdAt.getTime() - b.createdAt.getTime(),
    );
  }

  /**
   * The tasks waiting in `referent`'s neighbourhoods (every task when they follow every
   * neighbourhood), their own undelivered notices included, as a digest notice: urgent then
   * oldest first, {@link DIGEST_MAX_TASKS} at most. Null when nothing waits.
   */
  async digestFor(
    referent: { psid: string; quartiers: readonly string[] },
    now: Date,
  ): Promise<Extract<TaskMailNotice, { type: 'tasks.digest' }> | null> {
    const keys = new Set(referent.quartiers.map(neighbourhoodKey).filter(Boolean));
    const mine = (task: Task): boolean =>
      keys.size === 0 ||
      task.psid === referent.psid ||
      (task.neighbourhood !== undefined && keys.has(neighbourhoodKey(task.neighbourhood)));
    const tasks = (await this.ports.repository.unfinished(referent.psid))
      .filter(mine)
      .sort((a, b) => urgencyRank(a) - urgencyRank(b) || a.createdAt.getTime() - b.createdAt.getTime());
    if (tasks.length === 0) return null;
    return {
      type: 'tasks.digest',
      tasks: tasks.slice(0, DIGEST_MAX_TASKS).map((task) => headlineOf(task, now)),
      more: Math.max(0, tasks.length - DIGEST_MAX_TASKS),
    };
  }
}

/** What an e-mail may say of `task` at `now`: no words, no contact. */
export function headlineOf(task: Task, now: Date): TaskHeadline {
  return {
    taskId: task._id.toHexString(),
    reason: task.reason,
    urgency: task.urgency,
    status: task.status,
    ...(task.category ? { category: task.category } : {}),
    ...(task.neighbourhood ? { neighbourhood: task.neighbourhood } : {}),
    waitedMinutes: Math.max(0, Math.round((now.getTime() - task.createdAt.getTime()) / MINUTE_MS)),
    overdue: task.dueAt.getTime() <= now.getTime(),
  };
}

function urgencyRank(task: Task): number {
  return task.urgency === 'high' ? 0 : 1;
}
