/**
 * The figures of the admins' weekly report, as the report job computes them and the report
 * archive keeps them.
 */
/** Counts per value of a field, for the week and in total. */
export type Breakdown = Record<string, { week: number; total: number }>;

/** The figures of one week. */
export interface WeeklyFigures {
  from: Date;
  to: Date;
  entries: { week: number; total: number; offersWeek: number; needsWeek: number };
  byCategory: Breakdown;
  byNeighbourhood: Breakdown;
  byStatus: Breakdown;
  matches: { week: number; total: number };
  handovers: { week: number; answered: number; medianWaitMs: number | undefined };
}
