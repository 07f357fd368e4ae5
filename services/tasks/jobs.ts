/**
 * The tasks module's scheduled job, scheduled by name (services/jobs/scheduler.ts).
 */
import type { Job } from '../jobs/types';
import type { EscalateOptions, Tasks } from './tasks';

/**
 * `task-escalation`, every 10 minutes (Europe/Paris): a promise nobody took in time must
 * not wait unseen; the admins are told, once per task.
 */
export function createTaskEscalationJob(
  tasks: Pick<Tasks, 'escalateUntaken'>,
  options: EscalateOptions = {},
): Job {
  return {
    name: 'task-escalation',
    description: 'Tells the admins of every referent task nobody took before its due time',
    schedule: '*/10 * * * *',
    run: ({ now }) => tasks.escalateUntaken(now, options),
  };
}
