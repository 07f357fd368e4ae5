/**
 * Who runs a scheduled slot when several bot instances share one database: the first to
 * claim the lease `<job>@<slot>` in `job_leases`; and the record of each run in `job_runs`.
 */
import type { Db } from 'mongodb';
import type { JobSummary } from './types';

/** Collection of leases, one per job and slot. */
export const JOB_LEASES_COLLECTION = 'job_leases';
/** Collection of run records. */
export const JOB_RUNS_COLLECTION = 'job_runs';
/** Default life of a lease: longer than any run, far shorter than the gap between two slots of a job. */
export const DEFAULT_LEASE_MS = 60 * 60 * 1000;
const DAY_SECONDS = 86_400;

/** A lease document. */
export interface JobLease {
  /** `<job name>@<slot ISO date>`. */
  _id: string;
  job: string;
  slot: Date;
  owner: string;
  claimedAt: Date;
  expiresAt: Date;
}

/** How a run ended, as recorded in `job_runs`. */
export interface JobRunRecord {
  job: string;
  slot: Date;
  owner: string;
  trigger: 'scheduled' | 'manual';
  status: 'succeeded' | 'failed';
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  summary?: JobSummary;
  /** Error name, code and message (messages of the application's errors carry no personal data). */
  error?: { name: string; code?: string; message: string };
}

/**
 * Claims the run of `jobName` for `slot` on behalf of `owner`.
 *
 * @remarks
 * One atomic `findOneAndUpdate` with upsert on `_id = <job>@<slot>`, matching only a lease
 * that expired: the first caller inserts it; any other caller before `expiresAt` collides
 * on the `_id` (duplicate key) and gets false. Leases are removed by a TTL index a week
 * after they expire.
 *
 * @returns true when `owner` holds the lease and must run the slot.
 */
export async function claimRun(
  db: Db,
  jobName: string,
  slot: Date,
  owner: string,
  now: Date,
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<boolean> {
  const _id = `${jobName}@${slot.toISOString()}`;
  try {
    const lease = await db
      .collection<JobLease>(JOB_LEASES_COLLECTION)
      .findOneAndUpdate(
        { _id, expiresAt: { $lte: now } },
        { $set: { job: jobName, slot, owner, claimedAt: now, expiresAt: new Date(now.getTime() + leaseMs) } },
        { upsert: true, returnDocument: 'after' },
      );
    return lease?.owner === owner;
  } catch (error) {
    if ((error as { code?: unknown }).code === 11000) return false;
    throw error;
  }
}

/** Stores the outcome of a run. */
export async function recordRun(db: Db, record: JobRunRecord): Promise<void> {
  await db.collection<JobRunRecord>(JOB_RUNS_COLLECTION).insertOne(record);
}

/** Describes `error` for {@link JobRunRecord.error}. */
export function describeError(error: unknown): NonNullable<JobRunRecord['error']> {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
}

/** Creates the TTL and lookup indexes of leases and runs (idempotent); runs are kept 180 days. */
export async function ensureJobIndexes(db: Db): Promise<void> {
  await db
    .collection(JOB_LEASES_COLLECTION)
    .createIndex({ expiresAt: 1 }, { name: 'forget_expired', expireAfterSeconds: 7 * DAY_SECONDS });
  await db.collection(JOB_RUNS_COLLECTION).createIndexes([
    { key: { job: 1, startedAt: -1 }, name: 'job_startedAt' },
    { key: { finishedAt: 1 }, name: 'forget_old', expireAfterSeconds: 180 * DAY_SECONDS },
  ]);
}
