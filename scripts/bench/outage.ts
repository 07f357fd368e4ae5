/**
 * The database-outage fault test run many times in a row (`npm run bench -- --only=outage`):
 * how often the bot's client wedged, how many commands hung, and how often the watchdog had
 * to reconnect (all expected 0; the watchdog stays as a safety net).
 *
 * @remarks
 * Each run's bot stderr (JSON log lines at `info`, no personal data) is kept in a temporary
 * folder printed at the start, and every command that did not settle in time is classified
 * and shown with the log lines around it:
 * - a webhook call with no answer within 10 s that answered later (`late`: a slow machine, not
 *   a hang), one that never answered before the bot was stopped (`never`: a hang), and one
 *   whose connection failed (`failed`: an answer of its own, not a hang);
 * - a flush failed by its timeout (`FlushTimeoutError`), with `settled late` or `never settled`
 *   from the bot's `timed-out flush` log line (services/db/batcher.ts follows each one up).
 * Only `never` answers and flushes that never settled count as hung commands; the late ones
 * are counted apart, with the machine's load and the runner's own event-loop delay.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  classify,
  runDatabaseOutage,
  WEBHOOK_ANSWER_MS,
  type OutageReport,
  type Slow,
} from '../../test/faults/outageRun';

type Row = { benchmark: string; figures: string; baseline: string; ratio: string; goal: string };

/** A run whose client did not come back by itself: events left, /healthz down, or a reconnection. */
function wedged(run: OutageReport): boolean {
  return !run.processedAll || run.healthAfter !== 200 || run.watchdogReconnections > 0;
}

/** Commands that never settled: webhook calls never answered, flushes whose command never came back. */
function hungCommands(slow: Slow): number {
  return slow.neverAnswered + slow.flushesNeverSettled;
}

/** Runs the outage `runs` times against `uri` and sums what it saw in one row. */
export async function benchOutages(
  uri: string,
  progress: (line: string) => void,
  runs = 20,
  starve?: { runningMs: number; pausedMs: number },
): Promise<Row[]> {
  const reports: Array<{ run: OutageReport; slow: Slow }> = [];
  const logs = mkdtempSync(join(tmpdir(), 'outage-bench-'));
  progress(`outage: each run's bot stderr (JSON log lines, no personal data) goes to ${logs}/run-N.log`);
  const loads: number[] = [];
  let notStarted = 0;
  for (let index = 1; index <= runs; index += 1) {
    const loadBefore = loadavg()[0];
    let run: OutageReport;
    try {
      run = await runDatabaseOutage({
        uri,
        startTimeoutMs: 300_000,
        recoveryTimeoutMs: 120_000,
        logLevel: 'info',
        starve,
      });
    } catch (error) {
      // The bot did not start in time (a very loaded machine): not an outage outcome.
      notStarted += 1;
      progress(
        `outage ${index}/${runs}: not run (${error instanceof Error ? error.message.split('\n')[0] : 'failed'})`,
      );
      continue;
    }
    const loadAfter = loadavg()[0];
    loads.push(loadBefore, loadAfter);
    writeFileSync(join(logs, `run-${index}.log`), run.stderr);
    const details: string[] = [];
    const slow = classify(run, (line) => details.push(line));
    reports.push({ run, slow });
    progress(
      `outage ${index}/${runs}: ${run.processedAll ? `recovered in ${((run.recoveryMs ?? 0) / 1000).toFixed(1)} s` : 'NOT recovered'}, ` +
        `${hungCommands(slow)} hung (${slow.neverAnswered} webhook calls never answered, ${slow.flushesNeverSettled} flushes never settled), ` +
        `${slow.lateAnswers} answered late, ${slow.flushesSettledLate} flushes settled late, ${slow.failedConnections} connections failed, ` +
        `${run.watchdogReconnections} watchdog reconnections, ${run.problems.length} exactly-once problems; ` +
        `load ${loadBefore.toFixed(1)}→${loadAfter.toFixed(1)}, runner loop delay max ${run.runnerMaxLoopDelayMs} ms`,
    );
    for (const line of details) progress(line);
  }
  const recoveries = reports
    .map(({ run }) => run.recoveryMs)
    .filter((ms): ms is number => ms !== undefined)
    .sort((a, b) => a - b);
  const seconds = (ms: number | undefined): string => (ms === undefined ? '–' : (ms / 1000).toFixed(1));
  const sum = (count: (report: { run: OutageReport; slow: Slow }) => number): number =>
    reports.reduce((total, report) => total + count(report), 0);
  const answered503 = reports.filter(({ run }) => run.statuses.includes(503)).length;
  const meanLoad = loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : 0;
  return [
    {
      benchmark:
        `database outage (4 s cut under load, real bot process${starve ? `, starved: paused ${starve.pausedMs} ms every ${starve.runningMs} ms` : ''}), ` +
        `${reports.length} runs in a row`,
      figures:
        `${reports.filter(({ run }) => wedged(run)).length} wedges, ${sum(({ slow }) => hungCommands(slow))} hung commands ` +
        `(never settled), ${sum(({ slow }) => slow.lateAnswers + slow.flushesSettledLate)} settled late ` +
        `(webhook > ${WEBHOOK_ANSWER_MS / 1000} s or flush past its timeout), ` +
        `${sum(({ slow }) => slow.failedConnections)} failed connections, ` +
        `${sum(({ run }) => run.watchdogReconnections)} watchdog reconnections; ` +
        `${sum(({ run }) => run.problems.length)} exactly-once problems; ` +
        `recovery after the cut median ${seconds(recoveries[Math.floor(recoveries.length / 2)])} s, max ${seconds(recoveries.at(-1))} s`,
      baseline:
        `${answered503}/${reports.length} runs answered 503 during the cut (Meta retries); ` +
        `load average ${meanLoad.toFixed(1)} (1 min, mean); logs in ${logs}` +
        (notStarted ? `; ${notStarted} runs not run (the bot did not start in time)` : ''),
      ratio: '',
      goal: '0 wedges, 0 hung, 0 reconnections',
    },
  ];
}
