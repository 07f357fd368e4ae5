/**
 * The database-outage fault test run many times in a row (`npm run bench -- --only=outage`):
 * how often the bot's client wedged, how many commands hung, and how often the watchdog had
 * to reconnect (all expected 0; the watchdog stays as a safety net).
 */
import { runDatabaseOutage, type OutageReport } from '../../test/faults/outageRun';

type Row = { benchmark: string; figures: string; baseline: string; ratio: string; goal: string };

/** A run whose client did not come back by itself: events left, /healthz down, or a reconnection. */
function wedged(run: OutageReport): boolean {
  return !run.processedAll || run.healthAfter !== 200 || run.watchdogReconnections > 0;
}

/** Commands that never settled: flushes failed by their timeout, webhook calls never answered. */
function hungCommands(run: OutageReport): number {
  return run.flushTimeouts + run.statuses.filter((status) => status === 0).length;
}

/** Runs the outage `runs` times against `uri` and sums what it saw in one row. */
export async function benchOutages(uri: string, progress: (line: string) => void, runs = 20): Promise<Row[]> {
  const reports: OutageReport[] = [];
  let notStarted = 0;
  for (let index = 1; index <= runs; index += 1) {
    let run: OutageReport;
    try {
      run = await runDatabaseOutage({ uri, startTimeoutMs: 300_000, recoveryTimeoutMs: 120_000 });
    } catch (error) {
      // The bot did not start in time (a very loaded machine): not an outage outcome.
      notStarted += 1;
      progress(
        `outage ${index}/${runs}: not run (${error instanceof Error ? error.message.split('\n')[0] : 'failed'})`,
      );
      continue;
    }
    reports.push(run);
    progress(
      `outage ${index}/${runs}: ${run.processedAll ? `recovered in ${((run.recoveryMs ?? 0) / 1000).toFixed(1)} s` : 'NOT recovered'}, ` +
        `${hungCommands(run)} hung, ${run.watchdogReconnections} watchdog reconnections, ${run.problems.length} exactly-once problems`,
    );
  }
  const recoveries = reports
    .map((run) => run.recoveryMs)
    .filter((ms): ms is number => ms !== undefined)
    .sort((a, b) => a - b);
  const seconds = (ms: number | undefined): string => (ms === undefined ? '–' : (ms / 1000).toFixed(1));
  const sum = (count: (run: OutageReport) => number): number =>
    reports.reduce((total, run) => total + count(run), 0);
  const answered503 = reports.filter((run) => run.statuses.includes(503)).length;
  return [
    {
      benchmark: `database outage (4 s cut under load, real bot process), ${reports.length} runs in a row`,
      figures:
        `${reports.filter(wedged).length} wedges, ${sum(hungCommands)} hung commands, ` +
        `${sum((run) => run.watchdogReconnections)} watchdog reconnections; ` +
        `${sum((run) => run.problems.length)} exactly-once problems; ` +
        `recovery after the cut median ${seconds(recoveries[Math.floor(recoveries.length / 2)])} s, max ${seconds(recoveries.at(-1))} s`,
      baseline: `${answered503}/${reports.length} runs answered 503 during the cut (Meta retries)${notStarted ? `; ${notStarted} runs not run (the bot did not start in time)` : ''}`,
      ratio: '',
      goal: '0 wedges, 0 hung, 0 reconnections',
    },
  ];
}
