/**
 * The escalation of untaken tasks (the `task-escalation` job): the admins are told of every
 * open task past its due time, once each.
 */
import type { TasksPorts } from './ports';

/** Tasks escalated per run at most. */
export const DEFAULT_ESCALATIONS_PER_RUN = 50;

const MINUTE_MS = 60_000;

/** Options of {@link escalateUntaken}. */
export interface EscalateOptions {
  /** Minutes past the due time before the admins are told; 0 by default. */
  graceMinutes?: number;
  perRun?: number;
}

/**
 * Tells the admins of every open task past its due time (plus `graceMinutes`) and not
 * escalated yet, once each (claimed atomically).
 */
export async function escalateUntaken(
  ports: Pick<TasksPorts, 'repository' | 'notifyAdmins'>,
  now: Date,
  options: EscalateOptions = {},
): Promise<{ escalated: number }> {
  const before = new Date(now.getTime() - (options.graceMinutes ?? 0) * MINUTE_MS);
  const perRun = options.perRun ?? DEFAULT_ESCALATIONS_PER_RUN;
  let escalated = 0;
  while (escalated < perRun) {
    const task = await ports.repository.claimForEscalation(before, now);
    if (!task) break;
    escalated += 1;
    await ports.notifyAdmins({
      type: 'tasks.escalated',
      minutes: Math.round((now.getTime() - task.createdAt.getTime()) / MINUTE_MS),
      reason: task.reason,
      urgency: task.urgency,
      ...(task.category ? { category: task.category } : {}),
      ...(task.neighbourhood ? { neighbourhood: task.neighbourhood } : {}),
      ...(task.words ? { words: task.words } : {}),
    });
  }
  return { escalated };
}
