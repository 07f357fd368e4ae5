/**
 * The entries module's scheduled job, scheduled by name (services/jobs/scheduler.ts).
 */
import type { Job } from '../jobs/types';
import type { Entries } from './entries';

/** Options of {@link createExpireEntriesJob}. */
export interface ExpireEntriesJobOptions {
  /** Days an owner has to answer the renewal question before the entry is closed; 3 by default. */
  graceDays?: number;
}

/**
 * `expire-entries`, every day at 10:00 (Europe/Paris): entries past their expiry are offered
 * a renewal once, and closed when the owner cannot be asked or did not renew in time.
 */
export function createExpireEntriesJob(
  entries: Pick<Entries, 'expireOverdue'>,
  options: ExpireEntriesJobOptions = {},
): Job {
  return {
    name: 'expire-entries',
    description: 'Offers a renewal of expired entries, closes those not renewed after the grace period',
    schedule: '0 10 * * *',
    run: ({ now }) => entries.expireOverdue(now, options.graceDays),
  };
}
