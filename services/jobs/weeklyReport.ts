/**
 * The `weekly-report` job: on Monday morning, the admins get the figures of the past week
 * (the kind the town publishes), counts only, as a {@link ReportNotice} (French in
 * dialogs/notices/reports.ts).
 *
 * @remarks
 * Handovers are read from `handoffs` (moderation service): `createdAt` is when the
 * resident was handed to the moderators, `firstReplyAt` (when present) the first reply a
 * moderator wrote. The waiting time is the median of `firstReplyAt - createdAt` over the
 * week's handovers that have a reply; those without one are counted apart.
 */
import type { Db, Document, Filter } from 'mongodb';
import { ENTRIES_COLLECTION } from '../entries';
import { MATCHES_COLLECTION } from '../matching';
import { HANDOVERS_COLLECTION } from '../moderation';
import type { Notice, NotifyAdmins } from '../messaging/notifier';
import { WeeklyReports } from './reportArchive';
import type { Breakdown, WeeklyFigures } from './weeklyFigures';

export type { Breakdown, WeeklyFigures } from './weeklyFigures';
import type { JobSummary } from './types';

const WEEK_MS = 7 * 86_400_000;

/** The admins' weekly report. */
export interface ReportNotice extends Notice {
  type: 'reports.weekly';
  figures: WeeklyFigures;
}

/** Computes the figures of the seven days before `now`. */
export async function computeWeeklyFigures(db: Db, now: Date): Promise<WeeklyFigures> {
  const from = new Date(now.getTime() - WEEK_MS);
  const week = { $gte: from, $lt: now };
  const entries = db.collection(ENTRIES_COLLECTION);
  const breakdown = async (field: string): Promise<Breakdown> => {
    const [inWeek, total] = await Promise.all([
      countBy(db, ENTRIES_COLLECTION, { createdAt: week }, field),
      countBy(db, ENTRIES_COLLECTION, {}, field),
    ]);
    const result: Breakdown = {};
    for (const [key, count] of Object.entries(total)) result[key] = { week: inWeek[key] ?? 0, total: count };
    return result;
  };
  const [byCategory, byNeighbourhood, byStatus, kinds, entriesTotal] = await Promise.all([
    breakdown('category'),
    breakdown('neighbourhood'),
    breakdown('status'),
    countBy(db, ENTRIES_COLLECTION, { createdAt: week }, 'kind'),
    entries.countDocuments({}),
  ]);
  const matches = db.collection(MATCHES_COLLECTION);
  const [matchesWeek, matchesTotal, handovers] = await Promise.all([
    matches.countDocuments({ acceptedAt: week }),
    matches.countDocuments({ acceptedAt: { $exists: true } }),
    db
      .collection<{ createdAt: Date; firstReplyAt?: Date }>(HANDOVERS_COLLECTION)
      .find({ createdAt: week })
      .project<{ createdAt: Date; firstReplyAt?: Date }>({ createdAt: 1, firstReplyAt: 1 })
      .toArray(),
  ]);
  const waits = handovers
    .filter((handover) => handover.firstReplyAt instanceof Date)
    .map((handover) => handover.firstReplyAt!.getTime() - handover.createdAt.getTime());
  return {
    from,
    to: now,
    entries: {
      week: (kinds.offer ?? 0) + (kinds.need ?? 0),
      total: entriesTotal,
      offersWeek: kinds.offer ?? 0,
      needsWeek: kinds.need ?? 0,
    },
    byCategory,
    byNeighbourhood,
    byStatus,
    matches: { week: matchesWeek, total: matchesTotal },
    handovers: { week: handovers.length, answered: waits.length, medianWaitMs: median(waits) },
  };
}

/** What the job needs. */
export interface WeeklyReportDeps {
  db: Db;
  notifyAdmins: NotifyAdmins<ReportNotice>;
  /** E-mails the report to the admins (key: the occasion, so a rerun is not e-mailed twice). */
  mailAdmins?: (notice: ReportNotice, key: string) => Promise<unknown>;
}

/** Computes the figures, keeps them for the console's dashboard and sends the report to the admins. */
export async function sendWeeklyReport(deps: WeeklyReportDeps, now: Date): Promise<JobSummary> {
  const figures = await computeWeeklyFigures(deps.db, now);
  const notice: ReportNotice = { type: 'reports.weekly', figures };
  await new WeeklyReports(deps.db).keep(figures, now);
  await deps.notifyAdmins(notice);
  await deps.mailAdmins?.(notice, `weekly:${now.toISOString().slice(0, 10)}`);
  return {
    entriesWeek: figures.entries.week,
    entriesTotal: figures.entries.total,
    matchesWeek: figures.matches.week,
    // Stored key (job runs record this summary): kept as it was.
    handoffsWeek: figures.handovers.week,
  };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function countBy(
  db: Db,
  collection: string,
  filter: Filter<Document>,
  field: string,
): Promise<Record<string, number>> {
  const groups = await db
    .collection(collection)
    .aggregate<{ _id: unknown; n: number }>([
      { $match: filter },
      { $group: { _id: `$${field}`, n: { $sum: 1 } } },
    ])
    .toArray();
  const counts: Record<string, number> = {};
  for (const group of groups) {
    const key = typeof group._id === 'string' ? group._id : '';
    counts[key] = (counts[key] ?? 0) + group.n;
  }
  return counts;
}
