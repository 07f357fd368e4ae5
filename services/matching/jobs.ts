/**
 * The matching module's scheduled jobs, scheduled by name (services/jobs/scheduler.ts).
 */
import type { Job } from '../jobs/types';
import type { Matching } from './matching';

/** Options of {@link createMatchTimeoutsJob}. */
export interface MatchTimeoutsJobOptions {
  /** Hours a helper has to answer before the next offer is asked; 6 by default. */
  afterHours?: number;
  /** Matches expired per run at most; 50 by default. */
  perRun?: number;
}

/**
 * `match-timeouts`, every 15 minutes (Europe/Paris): a helper who never answers a request
 * must not leave the resident waiting; the next nearest offer is asked, or the moderators.
 */
export function createMatchTimeoutsJob(
  matching: Pick<Matching, 'expireUnanswered'>,
  options: MatchTimeoutsJobOptions = {},
): Job {
  return {
    name: 'match-timeouts',
    description:
      'Expires requests a helper has not answered in time, then asks the next offer or the moderators',
    schedule: '*/15 * * * *',
    run: ({ now }) => matching.expireUnanswered(now, options),
  };
}

/** Options of {@link createFollowUpJob}. */
export interface FollowUpJobOptions {
  /** Hours after a match was accepted before asking how it went; 20 by default. */
  afterHours?: number;
}

/** `follow-up`, every 15 minutes: did the help happen? asked of both residents of an accepted match. */
export function createFollowUpJob(
  matching: Pick<Matching, 'sendFollowUps'>,
  options: FollowUpJobOptions = {},
): Job {
  return {
    name: 'follow-up',
    description: 'Asks both residents whether the help happened, about 20 hours after a match was accepted',
    schedule: '*/15 * * * *',
    run: ({ now }) => matching.sendFollowUps(now, options.afterHours),
  };
}

/**
 * `reexamine-needs`, every hour from 9:00 to 20:00 (Europe/Paris, so that nobody is written
 * to at night): every open need with nothing under way is suggested its best helper within
 * reach not suggested before (offers published, resumed or renewed since, or helpers free
 * again under the daily limit); suggestions left unanswered for 48 hours lapse.
 */
export function createReexamineNeedsJob(matching: Pick<Matching, 'reexamineOpenNeeds'>): Job {
  return {
    name: 'reexamine-needs',
    description: 'Suggests a helper within reach to the authors of open needs still waiting',
    schedule: '0 9-20 * * *',
    run: ({ now }) => matching.reexamineOpenNeeds(now),
  };
}
