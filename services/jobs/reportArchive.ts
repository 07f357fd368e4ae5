/**
 * The weekly reports as they were sent (collection `weekly_reports`), kept for the console's
 * dashboard: counts only, like the report itself.
 *
 * @remarks
 * One document per week, keyed by the day the week ends (`YYYY-MM-DD`, UTC), so a run of the
 * job repeated for the same week replaces its report instead of adding a second one.
 */
import type { Collection, Db } from 'mongodb';
import type { WeeklyFigures } from './weeklyReport';

/** Name of the collection of kept weekly reports. */
export const WEEKLY_REPORTS_COLLECTION = 'weekly_reports';

/** A weekly report as kept. */
export interface KeptReport {
  /** The day the week ends, `YYYY-MM-DD` (UTC). */
  _id: string;
  figures: WeeklyFigures;
  keptAt: Date;
}

/** Keeps and reads the weekly reports. */
export class WeeklyReports {
  private readonly collection: Collection<KeptReport>;

  constructor(db: Db) {
    this.collection = db.collection<KeptReport>(WEEKLY_REPORTS_COLLECTION);
  }

  /** Keeps the report of the week `figures` covers (replacing one kept for the same week). */
  async keep(figures: WeeklyFigures, at: Date): Promise<void> {
    const _id = figures.to.toISOString().slice(0, 10);
    await this.collection.replaceOne({ _id }, { figures, keptAt: at }, { upsert: true });
  }

  /** The `limit` most recent reports, newest first. */
  async latest(limit: number): Promise<KeptReport[]> {
    return this.collection.find({}).sort({ _id: -1 }).limit(limit).toArray();
  }
}
