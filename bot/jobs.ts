/**
 * The application's scheduled jobs, the same for the running bot and `npm run jobs`.
 */
import type { Db } from 'mongodb';
import type { Clock } from '../services/clock';
import { createJobs, type Job } from '../services/jobs';
import type { Logger } from '../services/logger';
import { createMatchTimeoutsJob } from '../services/matching/jobs';
import { createHandoverRemindersJob, createHandoverTakeBackJob } from '../services/moderation';
import type { PageFeed } from '../services/testimonials/withdrawal';
import { adminNotifier } from './adminNotifier';
import { resumeNotice } from './channelEventHandler';
import type { BotCore } from './core';
import { frenchPosts } from '../dialogs/testimonials/signature';
import type { NotifyAdmins } from '../services/messaging/notifier';

/** Options of {@link applicationJobs}. */
export interface ApplicationJobsOptions {
  db: Db;
  core: BotCore;
  clock: Clock;
  logger: Logger;
  /** The page feed and id; testimonials wait while they are missing. */
  feed: PageFeed | undefined;
  pageId: string | undefined;
  /** How admins are told; the moderators' broadcast by default. */
  notifyAdmins?: NotifyAdmins;
  /** Hours a helper has to answer a request before the next offer is asked; 6 by default. */
  matchTimeoutHours?: number;
  /** Hours after a match was accepted before asking how it went; 20 by default. */
  followUpAfterHours?: number;
}

/**
 * Every job: the network's (testimonials, follow-up, expiry, retention, report), the
 * handovers' and the unanswered requests'.
 */
export function applicationJobs(options: ApplicationJobsOptions): Job[] {
  const { db, core, clock, logger } = options;
  return createJobs(
    {
      db,
      logger,
      notifier: core.deps.notifier,
      notifyAdmins: options.notifyAdmins ?? adminNotifier(core, clock, logger),
      composer: frenchPosts,
      feed: options.feed,
      pageId: options.pageId,
      entries: core.entries,
      matching: core.matching,
    },
    {
      followUpAfterHours: options.followUpAfterHours,
      extraJobs: [
        createHandoverRemindersJob(core.moderation.handover),
        createHandoverTakeBackJob(core.moderation.handover, resumeNotice(core.notices), logger),
        createMatchTimeoutsJob(core.matching, { afterHours: options.matchTimeoutHours }),
      ],
    },
  );
}
