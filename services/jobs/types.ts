/**
 * A scheduled job: a plain async function of its dependencies and the current time.
 */

/** What a job is given on each run. */
export interface JobRun {
  /** The time the run stands for (the scheduled slot, or now when run by hand). */
  now: Date;
}

/** Figures a run reports (counts only: no personal data). */
export type JobSummary = Record<string, number>;

/** A job as the scheduler and `npm run jobs` see it. */
export interface Job {
  /** Kebab-case name, e.g. `expire-entries`. */
  name: string;
  /** One line, in English, for `npm run jobs -- list`. */
  description: string;
  /** node-cron expression, evaluated in Europe/Paris; several may be listed, separated by `;`. */
  schedule: string;
  run(run: JobRun): Promise<JobSummary>;
}
