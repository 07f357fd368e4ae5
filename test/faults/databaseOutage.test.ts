/**
 * The database stops answering for a few seconds under load: the webhook answers 503 (Meta
 * retries) and /healthz says so; nothing acknowledged is lost, and the same bot process
 * resumes on its own when the database is back, without the watchdog having to reconnect it.
 */
import assert from 'node:assert/strict';
import { classify, runDatabaseOutage } from './outageRun';

describe('faults: the database stops for a few seconds under load', function () {
  this.timeout(240_000);

  it('answers 503 meanwhile, loses nothing acknowledged, and recovers without a restart', async () => {
    const uri = process.env.MONGODB_URI;
    if (!uri) throw new Error('MONGODB_URI is not set: the root hooks (test/hooks.ts) did not run');
    const run = await runDatabaseOutage({ uri });

    assert.ok(
      run.statuses.includes(503),
      `the webhook answered 503 during the outage (${[...new Set(run.statuses)].join(',')})`,
    );
    const slow: string[] = [];
    const { neverAnswered, failedConnections, flushesNeverSettled } = classify(run, (line) =>
      slow.push(line),
    );
    // A call answered after 10 s or a flush that settled past its timeout is a slow machine,
    // not a hang (see scripts/bench/outage.ts); a command that never settles is one.
    assert.equal(neverAnswered + failedConnections, 0, `the webhook always answered\n${slow.join('\n')}`);
    assert.equal(flushesNeverSettled, 0, `no database command hung for good\n${slow.join('\n')}`);
    assert.ok(run.healthDuringOutage.includes(503), '/healthz said the database was down');
    assert.ok(run.processedAll, `every event processed after the outage\n${run.stderr}`);
    assert.deepEqual(run.problems, [], run.stderr);
    assert.equal(run.healthAfter, 200);
    assert.doesNotMatch(run.stderr, /unhandled|uncaught|Start-up failed/i);
  });
});
