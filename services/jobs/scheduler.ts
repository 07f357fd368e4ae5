/**
 * Maps each job's schedule to runs with node-cron (Europe/Paris), each scheduled slot run
 * by one instance only (see {@link claimRun}), each run recorded.
 */
import { createTask, validate, type ScheduledTask } from 'node-cron';
import type { Db } from 'mongodb';
import { systemClock, type Clock } from '../clock';
import { CodedError, ErrorCode } from '../errors';
import type { Logger } from '../logger';
import {
  claimRun,
  DEFAULT_LEASE_MS,
  describeError,
  ensureJobIndexes,
  recordRun,
  type JobRunRecord,
} from './leases';
import type { Job } from './types';

/** Time zone every schedule is read in. */
export const JOBS_TIME_ZONE = 'Europe/Paris';

/** Options of {@link Scheduler}. */
export interface SchedulerOptions {
  db: Db;
  jobs: readonly Job[];
  /** This instance's name in leases and run records (host, pid…). */
  owner: string;
  logger: Logger;
  /** For run durations and lease dates; the system clock by default. */
  clock?: Clock;
  /** Defaults to {@link JOBS_TIME_ZONE}. */
  timeZone?: string;
  leaseMs?: number;
}

/** What became of one slot on this instance. */
export type SlotOutcome = 'skipped' | JobRunRecord['status'];

/** The schedules of a job: `schedule` may list several node-cron expressions separated by `;`. */
export function splitSchedule(schedule: string): string[] {
  return schedule
    .split(';')
    .map((expression) => expression.trim())
    .filter(Boolean);
}

/** The slot a scheduled time stands for: the time to the second (the minute for 5-field expressions). */
export function slotOf(scheduledAt: Date): Date {
  return new Date(Math.floor(scheduledAt.getTime() / 1000) * 1000);
}

/**
 * Runs jobs on their schedules.
 *
 * @remarks
 * Start it once per process after the app is built; every instance may start one. A failed
 * run is logged and recorded in `job_runs` (it does not stop the schedule).
 */
export class Scheduler {
  private readonly clock: Clock;
  private tasks: ScheduledTask[] = [];
  private readonly inFlight = new Set<Promise<SlotOutcome>>();

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    for (const job of options.jobs) {
      const expressions = splitSchedule(job.schedule);
      if (expressions.length === 0 || !expressions.every((expression) => validate(expression))) {
        throw new CodedError(ErrorCode.ConfigInvalid, `job ${job.name}: invalid schedule "${job.schedule}"`);
      }
    }
  }

  /** Creates the indexes, then schedules every job. */
  async start(): Promise<void> {
    if (this.tasks.length > 0) return;
    await ensureJobIndexes(this.options.db);
    for (const job of this.options.jobs) {
      for (const expression of splitSchedule(job.schedule)) {
        const task = createTask(expression, (context) => this.track(this.runSlot(job, context.date)), {
          timezone: this.options.timeZone ?? JOBS_TIME_ZONE,
          name: `${job.name} ${expression}`,
        });
        this.tasks.push(task);
        await task.start();
      }
    }
    this.options.logger.info('jobs scheduled', { jobs: this.options.jobs.length, owner: this.options.owner });
  }

  /** Stops scheduling and waits for the runs in progress. */
  async stop(): Promise<void> {
    const tasks = this.tasks;
    this.tasks = [];
    for (const task of tasks) await task.destroy();
    await Promise.allSettled([...this.inFlight]);
  }

  /** Runs `job` for the slot of `scheduledAt` if this instance wins its lease; never rejects for a job failure. */
  async runSlot(job: Job, scheduledAt: Date): Promise<SlotOutcome> {
    const { db, owner, logger } = this.options;
    const slot = slotOf(scheduledAt);
    const leaseMs = this.options.leaseMs ?? DEFAULT_LEASE_MS;
    if (!(await claimRun(db, job.name, slot, owner, this.clock(), leaseMs))) return 'skipped';
    const record = await runAndRecord(db, job, slot, owner, 'scheduled', this.clock);
    if (record.status === 'failed') logger.error('job failed', { job: job.name, error: record.error?.name });
    else logger.info('job ran', { job: job.name, durationMs: record.durationMs, ...record.summary });
    return record.status;
  }

  private track(run: Promise<SlotOutcome>): Promise<SlotOutcome> {
    this.inFlight.add(run);
    const forget = (): void => {
      this.inFlight.delete(run);
    };
    run.then(forget, (error: unknown) => {
      forget();
      this.options.logger.error('job slot could not be claimed or recorded', {
        error: describeError(error).name,
      });
    });
    return run;
  }
}

/**
 * Runs `job` once for `now` and records the outcome in `job_runs`; resolves with the record
 * (a failed run is recorded with its error, not thrown).
 */
export async function runAndRecord(
  db: Db,
  job: Job,
  now: Date,
  owner: string,
  trigger: JobRunRecord['trigger'],
  clock: Clock = systemClock,
): Promise<JobRunRecord> {
  const startedAt = clock();
  let outcome: Pick<JobRunRecord, 'status' | 'summary' | 'error'>;
  try {
    outcome = { status: 'succeeded', summary: await job.run({ now }) };
  } catch (error) {
    outcome = { status: 'failed', error: describeError(error) };
  }
  const finishedAt = clock();
  const record: JobRunRecord = {
    job: job.name,
    slot: now,
    owner,
    trigger,
    startedAt,
    finishedAt,
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    ...outcome,
  };
  await recordRun(db, record);
  return record;
}
