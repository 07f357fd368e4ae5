/**
 * The list of scheduled jobs, built from the application's collaborators.
 */
import { createExpireEntriesJob } from '../entries';
import { CodedError, ErrorCode } from '../errors';
import { createFollowUpJob } from '../matching';
import { publishTestimonials } from '../testimonials';
import type { JobDeps, JobsOptions } from './deps';
import { applyRetention } from '../privacy';
import type { Job } from './types';
import { sendWeeklyReport } from './weeklyReport';

/** Default times testimonials are published (Europe/Paris). */
export const DEFAULT_PUBLISH_TIMES: readonly string[] = ['18:00'];

/**
 * Builds every job of this area, then `options.extraJobs`.
 *
 * @throws CodedError `config_invalid` for a malformed publication time or two jobs with one name.
 */
export function createJobs(deps: JobDeps, options: JobsOptions = {}): Job[] {
  const { db, logger, notifyAdmins } = deps;
  const jobs: Job[] = [
    {
      name: 'publish-testimonials',
      description:
        'Publishes approved or due testimonials on the Page feed (reconciling interrupted attempts)',
      schedule: publishSchedule(options.publishTimes ?? DEFAULT_PUBLISH_TIMES),
      run: async ({ now }) => {
        if (!deps.feed || !deps.pageId) {
          logger.warn('testimonials not published: Messenger or MESSENGER_PAGE_ID not configured');
          return { notConfigured: 1 };
        }
        return publishTestimonials(
          {
            db,
            feed: deps.feed,
            pageId: deps.pageId,
            notifyAdmins,
            composer: deps.composer,
            logger,
            perRun: options.publishPerRun,
            retry: options.feedRetry,
          },
          now,
        );
      },
    },
    createFollowUpJob(deps.matching, { afterHours: options.followUpAfterHours }),
    createExpireEntriesJob(deps.entries, { graceDays: options.renewalGraceDays }),
    {
      name: 'retention',
      description: 'Deletes the data of inactive residents and old handover transcripts',
      schedule: '30 3 * * *',
      run: ({ now }) =>
        applyRetention(
          {
            db,
            logger,
            texts: deps.composer,
            months: options.retentionMonths,
            transcriptDays: options.transcriptRetentionDays,
          },
          now,
        ),
    },
    {
      name: 'weekly-report',
      description: "Sends the admins last week's figures (entries, matches, handovers)",
      schedule: '0 8 * * 1',
      run: ({ now }) => sendWeeklyReport({ db, notifyAdmins, mailAdmins: deps.mailAdmins }, now),
    },
    ...(options.extraJobs ?? []),
  ];
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new CodedError(ErrorCode.ConfigInvalid, `two jobs are named ${job.name}`);
    names.add(job.name);
  }
  return jobs;
}

/** `['12:30', '18:00']` → `'30 12 * * *; 0 18 * * *'` (times sharing a minute share an expression). */
export function publishSchedule(times: readonly string[]): string {
  const hoursByMinute = new Map<number, number[]>();
  for (const time of times) {
    const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
    if (!match) throw new CodedError(ErrorCode.ConfigInvalid, `publication time "${time}" is not HH:MM`);
    const minute = Number(match[2]);
    hoursByMinute.set(minute, [...(hoursByMinute.get(minute) ?? []), Number(match[1])]);
  }
  if (hoursByMinute.size === 0) throw new CodedError(ErrorCode.ConfigInvalid, 'no publication time');
  return [...hoursByMinute]
    .map(([minute, hours]) => `${minute} ${[...new Set(hours)].sort((a, b) => a - b).join(',')} * * *`)
    .join('; ');
}
