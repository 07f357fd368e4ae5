/**
 * The tasks module's scheduled jobs, scheduled by name (services/jobs/scheduler.ts).
 */
import type { Job } from '../jobs/types';
import { localTime, type StaffMail } from '../moderation';
import type { EscalateOptions } from './escalation';
import type { Tasks } from './tasks';

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

/**
 * `task-digest`, every day at 7:30 (Europe/Paris): each referent and admin with an e-mail
 * address gets the list of what waits in their neighbourhoods (nothing when nothing waits),
 * once a day (the message key holds the Paris date).
 */
export function createTaskDigestJob(
  tasks: Pick<Tasks, 'digestFor'>,
  staff: Pick<StaffMail, 'everyone' | 'toOne'>,
): Job {
  return {
    name: 'task-digest',
    description: 'E-mails each referent the list of tasks waiting in their neighbourhoods',
    schedule: '30 7 * * *',
    run: async ({ now }) => {
      const { year, month, day } = localTime(now);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const summary = { staff: 0, mailed: 0, nothingWaits: 0, off: 0 };
      for (const recipient of await staff.everyone()) {
        summary.staff += 1;
        const digest = await tasks.digestFor(recipient, now);
        if (!digest) {
          summary.nothingWaits += 1;
          continue;
        }
        const { psid, name, email } = recipient;
        const outcome = await staff.toOne({ psid, name, email }, digest, `digest:${date}`);
        if (outcome === 'queued') summary.mailed += 1;
        else if (outcome === 'off') summary.off += 1;
      }
      return summary;
    },
  };
}
