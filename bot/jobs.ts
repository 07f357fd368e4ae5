/**
 * The application's scheduled jobs, the same for the running bot and `npm run jobs`.
 */
import { createJobs, type Job } from '../services/jobs';
import { createMatchTimeoutsJob, createReexamineNeedsJob } from '../services/matching';
import { createHandoverRemindersJob, createHandoverTakeBackJob } from '../services/moderation';
import { createMailRetryJob } from '../services/mail';
import { createTaskDigestJob, createTaskEscalationJob, HandoverTimeouts } from '../services/tasks';
import { frenchPosts } from '../dialogs/testimonials/signature';
import { resumeNotice } from './channelEventHandler';
import type { PartSource } from './parts';

/**
 * Every job: the network's (testimonials, follow-up, expiry, retention, report), the
 * handovers' and the unanswered requests', each a use case of its module scheduled by name.
 *
 * @remarks
 * The jobs reach the container's parts only when they run: listing them (`npm run jobs --
 * list`) builds no module and needs no database.
 */
export function applicationJobs(c: PartSource): Job[] {
  const { config, logger } = c;
  return createJobs(
    {
      db: deferred(() => c.get('db')),
      logger,
      notifyAdmins: (notice) => c.get('notifyAdmins')(notice),
      mailAdmins: (notice, key) => c.get('moderation').staffMail.toAdmins(notice, key),
      composer: frenchPosts,
      feed: config.messenger ? deferred(() => c.get('feed')!) : undefined,
      pageId: config.messenger?.pageId,
      entries: deferred(() => c.get('entries')),
      matching: deferred(() => c.get('matching')),
    },
    {
      followUpAfterHours: config.followUpAfterHours,
      extraJobs: [
        createHandoverRemindersJob(deferred(() => c.get('moderation').handover)),
        // Unanswered hand-overs become escalated tasks and their residents are told the truth.
        createHandoverTakeBackJob(
          new HandoverTimeouts({
            handover: deferred(() => c.get('moderation').handover),
            tasks: deferred(() => c.get('tasks').tasks),
            notices: deferred(() => c.get('notices')),
          }),
          resumeNotice(deferred(() => c.get('notices'))),
          logger,
        ),
        createMatchTimeoutsJob(
          deferred(() => c.get('matching')),
          { afterHours: config.matchTimeoutHours },
        ),
        createTaskEscalationJob(deferred(() => c.get('tasks').tasks)),
        createReexamineNeedsJob(deferred(() => c.get('matching'))),
        createTaskDigestJob(
          deferred(() => c.get('tasks').tasks),
          deferred(() => c.get('moderation').staffMail),
        ),
        createMailRetryJob(deferred(() => c.get('mailOutbox'))),
      ],
    },
  );
}

/**
 * A stand-in for an object built on first use: each property read builds `get()` (the
 * container builds a part once) and reads from it, methods bound to it.
 */
function deferred<T extends object>(get: () => T): T {
  return new Proxy({} as T, {
    get(_stand, key) {
      const target = get();
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
