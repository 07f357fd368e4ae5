/**
 * The weekly reports as they were sent (collection `weekly_reports`), kept for the console's
 * dashboard: counts only, like the report itself.
 *
 * @remarks
 * One document per week, keyed by the day the week ends (`YYYY-MM-DD`, UTC), so a run of the
 * job repeated for the same week replaces its report instead of adding a second one. The
 * breakdowns are stored as lists (a neighbourhood's name, or '' for none, is never a field name).
 */
import type { Collection, Db } from 'mongodb';
import type { Breakdown, WeeklyFigures } from './weeklyFigures';

/** Name of the collection of kept weekly reports. */
export const WEEKLY_REPORTS_COLLECTION = 'weekly_reports';

/** A weekly report as kept. */
export interface KeptReport {
  /** The day the week ends, `YYYY-MM-DD` (UTC). */
  _id: string;
  figures: WeeklyFigures;
  keptAt: Date;
}

type StoredBreakdown = { key: string; week: number; total: number }[];
const BREAKDOWNS = ['byCategory', 'byNeighbourhood', 'byStatus'] as const;

/** A report as stored. */
interface StoredReport {
  _id: string;
  figures: Omit<WeeklyFigures, (typeof BREAKDOWNS)[number]> &
    Record<(typeof BREAKDOWNS)[number], StoredBreakdown>;
  keptAt: Date;
}

/** Keeps and reads the weekly reports. */
export class WeeklyReports {
  private readonly collection: Collection<StoredReport>;

  constructor(db: Db) {
    this.collection = db.collection<StoredReport>(WEEKLY_REPORTS_COLLECTION);
  }

  /** Keeps the report of the week `figures` covers (replacing one kept for the same week). */
  async keep(figures: WeeklyFigures, at: Date): Promise<void> {
    const _id = figures.to.toISOString().slice(0, 10);
    const stored = { ...figures } as unknown as StoredReport['figures'];
    for (const name of BREAKDOWNS) {
      stored[name] = Object.entries(figures[name]).map(([key, count]) => ({ key, ...count }));
    }
    await this.collection.replaceOne({ _id }, { figures: stored, keptAt: at }, { upsert: true });
  }

  /** The `limit` most recent reports, newest first. */
  async latest(limit: number): Promise<KeptReport[]> {
    const reports = await this.collection.find({}).sort({ _id: -1 }).limit(limit).toArray();
    return reports.map(({ _id, figures, keptAt }) => {
      const restored = { ...figures } as unknown as WeeklyFigures;
      for (const name of BREAKDOWNS) {
        const breakdown: Breakdown = {};
        for (const { key, week, total } of figures[name] ?? []) breakdown[key] = { week, total };
        restored[name] = breakdown;
      }
      return { _id, figures: restored, keptAt };
    });
  }
}
