/**
 * Scheduled jobs: what the composition root and `npm run jobs` use.
 */
export type { Job, JobRun, JobSummary } from './types';
export type { JobDeps, JobsOptions } from './deps';
export { createJobs, publishSchedule, DEFAULT_PUBLISH_TIMES } from './registry';
export {
  Scheduler,
  runAndRecord,
  splitSchedule,
  slotOf,
  JOBS_TIME_ZONE,
  type SchedulerOptions,
} from './scheduler';
export {
  claimRun,
  ensureJobIndexes,
  JOB_LEASES_COLLECTION,
  JOB_RUNS_COLLECTION,
  type JobRunRecord,
} from './leases';
export { WeeklyReports, WEEKLY_REPORTS_COLLECTION, type KeptReport } from './reportArchive';
export { computeWeeklyFigures, type WeeklyFigures, type Breakdown } from './weeklyReport';
