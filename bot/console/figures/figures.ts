/**
 * The console's figures over one database: the map, the coverage table, the week's figures
 * and the weekly reports kept, each read through its module's read model.
 */
import type { Db } from 'mongodb';
import type { Clock } from '../../../services/clock';
import { EntryFigures } from '../../../services/entries';
import { WeeklyReports } from '../../../services/jobs';
import { MatchFigures } from '../../../services/matching';
import { HandoverFigures } from '../../../services/moderation';
import { BLOCK_METERS } from '../../../services/places';
import { TaskFigures } from '../../../services/tasks';
import { MapFigures } from './mapData';
import { neighbourhoodIndex } from './scope';
import { WeekFiguresReader } from './weekData';

/** What the map and dashboard pages read. */
export interface ConsoleFigures {
  map: MapFigures;
  week: WeekFiguresReader;
  reports: Pick<WeeklyReports, 'latest'>;
  clock: Clock;
}

/** Builds the console's figures over `db`. */
export function createConsoleFigures(db: Db, clock: Clock): ConsoleFigures {
  const places = neighbourhoodIndex();
  const entries = new EntryFigures(db);
  return {
    map: new MapFigures(entries, places, BLOCK_METERS),
    week: new WeekFiguresReader(
      {
        entries,
        matches: new MatchFigures(db),
        handovers: new HandoverFigures(db),
        tasks: new TaskFigures(db),
      },
      places,
    ),
    reports: new WeeklyReports(db),
    clock,
  };
}
