/**
 * The week's figures of the dashboard, by category and by neighbourhood, as a member of staff
 * may see them: counts and medians only.
 */
import { CATEGORIES, type Category } from '../../../services/domain/types';
import type { EntryFigures } from '../../../services/entries';
import type { MatchFigures } from '../../../services/matching';
import type { HandoverFigures } from '../../../services/moderation';
import type { TaskFigures } from '../../../services/tasks';
import type { Staff } from '../contract';
import { sees, type NeighbourhoodIndex } from './scope';

const WEEK_MS = 7 * 86_400_000;

/** The figures of one category, one neighbourhood or the whole (a row of the dashboard). */
export interface FigureRow {
  /** The category or neighbourhood key ('' for an unknown neighbourhood; 'all' for the whole). */
  key: string;
  needs: number;
  offers: number;
  /** Matches accepted by the helper in the week. */
  matches: number;
  /** Median time from a need's creation to the acceptance of its match, in ms. */
  medianMatchMs: number | null;
  /** Hand-overs begun in the week (by neighbourhood only: they have no category). */
  handovers: number | null;
  handoversAnswered: number | null;
  /** Median time from a hand-over to a referent's first answer, in ms. */
  medianFirstAnswerMs: number | null;
  /** Tasks created in the week, and how many of them are not done yet. */
  tasks: number;
  tasksOpen: number;
}

/** The dashboard's figures for `[from, to)`. */
export interface WeekFigures {
  from: Date;
  to: Date;
  total: FigureRow;
  byCategory: FigureRow[];
  byNeighbourhood: (FigureRow & { name: string })[];
}

/** The module read models the week's figures are made of. */
export interface WeekSources {
  entries: Pick<EntryFigures, 'createdBetween' | 'needBriefs'>;
  matches: Pick<MatchFigures, 'acceptedBetween'>;
  handovers: Pick<HandoverFigures, 'begunBetween'>;
  tasks: Pick<TaskFigures, 'createdBetween'>;
}

/** A row being counted, with the durations its medians are taken from. */
interface Tally {
  needs: number;
  offers: number;
  matches: number;
  matchWaits: number[];
  handoverWaits: number[];
  handovers: number;
  tasks: number;
  tasksOpen: number;
}

/** Computes the dashboard's figures. */
export class WeekFiguresReader {
  constructor(
    private readonly sources: WeekSources,
    private readonly places: NeighbourhoodIndex,
  ) {}

  /** The figures of the seven days before `to`, restricted to the neighbourhoods `staff` sees. */
  async week(staff: Staff, to: Date): Promise<WeekFigures> {
    const from = new Date(to.getTime() - WEEK_MS);
    const [created, accepted, handovers, tasks] = await Promise.all([
      this.sources.entries.createdBetween(from, to),
      this.sources.matches.acceptedBetween(from, to),
      this.sources.handovers.begunBetween(from, to),
      this.sources.tasks.createdBetween(from, to),
    ]);
    const needs = new Map(
      (await this.sources.entries.needBriefs(accepted.map((match) => match.needId))).map((need) => [
        need.id.toHexString(),
        need,
      ]),
    );
    const total = tally();
    const byCategory = new Map<Category, Tally>(CATEGORIES.map((category) => [category, tally()]));
    const byNeighbourhood = new Map<string, Tally>();
    const visible = (stored: string): Tally | null => {
      const key = this.places.keyOf(stored);
      if (!sees(staff, key)) return null;
      let row = byNeighbourhood.get(key);
      if (!row) byNeighbourhood.set(key, (row = tally()));
      return row;
    };
    for (const entry of created) {
      const place = visible(entry.neighbourhood);
      if (!place) continue;
      const field = entry.kind === 'offer' ? 'offers' : 'needs';
      for (const row of [total, place, byCategory.get(entry.category)]) if (row) row[field] += entry.count;
    }
    for (const match of accepted) {
      const need = needs.get(match.needId.toHexString());
      const place = visible(need?.neighbourhood ?? '');
      if (!place) continue;
      const wait = need ? match.acceptedAt.getTime() - need.createdAt.getTime() : undefined;
      for (const row of [total, place, byCategory.get(match.category)]) {
        if (!row) continue;
        row.matches += 1;
        if (wait !== undefined && wait >= 0) row.matchWaits.push(wait);
      }
    }
    for (const handover of handovers) {
      const place = visible(handover.neighbourhood);
      if (!place) continue;
      for (const row of [total, place]) {
        row.handovers += 1;
        if (handover.firstReplyAt)
          row.handoverWaits.push(handover.firstReplyAt.getTime() - handover.createdAt.getTime());
      }
    }
    for (const task of tasks) {
      const place = visible(task.neighbourhood);
      if (!place) continue;
      const rows = [total, place, task.category === '' ? undefined : byCategory.get(task.category)];
      for (const row of rows) {
        if (!row) continue;
        row.tasks += task.count;
        if (task.status !== 'done') row.tasksOpen += task.count;
      }
    }
    const neighbourhoodRows = [...byNeighbourhood.entries()]
      .map(([key, row]) => ({ ...toRow(key, row, true), name: this.places.nameOf(key) }))
      .sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.name.localeCompare(b.name, 'fr')));
    return {
      from,
      to,
      total: toRow('all', total, true),
      byCategory: CATEGORIES.map((category) => toRow(category, byCategory.get(category) ?? tally(), false)),
      byNeighbourhood: neighbourhoodRows,
    };
  }
}

function tally(): Tally {
  return {
    needs: 0,
    offers: 0,
    matches: 0,
    matchWaits: [],
    handoverWaits: [],
    handovers: 0,
    tasks: 0,
    tasksOpen: 0,
  };
}

function toRow(key: string, row: Tally, withHandovers: boolean): FigureRow {
  return {
    key,
    needs: row.needs,
    offers: row.offers,
    matches: row.matches,
    medianMatchMs: median(row.matchWaits),
    handovers: withHandovers ? row.handovers : null,
    handoversAnswered: withHandovers ? row.handoverWaits.length : null,
    medianFirstAnswerMs: withHandovers ? median(row.handoverWaits) : null,
    tasks: row.tasks,
    tasksOpen: row.tasksOpen,
  };
}

/** The median of `values`, or null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
