/**
 * What the scheduled jobs are built from: the composition root (or `npm run jobs`) passes
 * these to {@link createJobs}.
 */
import type { Db } from 'mongodb';
import type { RetryOptions } from '../graph';
import type { Entries } from '../entries';
import type { Logger } from '../logger';
import type { Matching } from '../matching';
import type { NotifyAdmins } from '../messaging/notifier';
import type { PageFeed, PostComposer } from '../testimonials';
import type { Job } from './types';
import type { ReportNotice } from './weeklyReport';

/** The application's collaborators the jobs use. */
export interface JobDeps {
  db: Db;
  logger: Logger;
  /** Tells the Page admins (the moderators' service decides how); notices carry no personal data. */
  notifyAdmins: NotifyAdmins;
  /** E-mails a notice to the admins (the weekly report); nothing is e-mailed without it. */
  mailAdmins?: (notice: ReportNotice, key: string) => Promise<unknown>;
  /** The texts of the Page (testimonial posts). */
  composer: PostComposer;
  /** The Page feed; undefined when Messenger is not configured (testimonials then wait). */
  feed: PageFeed | undefined;
  /** The Page id (MESSENGER_PAGE_ID); undefined when not configured. */
  pageId: string | undefined;
  /** The entries module's use cases (its `expire-entries` job). */
  entries: Pick<Entries, 'expireOverdue'>;
  /** The matching module's use cases (its `follow-up` job). */
  matching: Pick<Matching, 'sendFollowUps'>;
}

/** Settings of the jobs, every one with a default. */
export interface JobsOptions {
  /** Times of day (Europe/Paris, `HH:MM`) testimonials are published; `['18:00']` by default. */
  publishTimes?: readonly string[];
  /** Testimonials published per run; 1 by default. */
  publishPerRun?: number;
  /** Hours after a match was accepted before asking how it went; 20 by default. */
  followUpAfterHours?: number;
  /** Days an owner has to answer the renewal question before the entry is closed; 3 by default. */
  renewalGraceDays?: number;
  /** Months without any activity after which a resident's data is deleted; 12 by default. */
  retentionMonths?: number;
  /** Days after which handover transcripts are deleted; 90 by default. */
  transcriptRetentionDays?: number;
  /** Retries of feed calls; defaults to the publisher's. Tests pass one that does not wait. */
  feedRetry?: RetryOptions;
  /** Jobs of other areas (for example `handoff-reminders`), appended to the list. */
  extraJobs?: readonly Job[];
}
