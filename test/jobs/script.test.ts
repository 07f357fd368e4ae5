import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import type { JobRunRecord } from '../../services/jobs';
import { openTestDatabase, type TestDatabase } from '../support/db';

const ROOT = resolve(__dirname, '../..');

function npmRunJobs(
  database: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return npmRunJobsWith({ MONGODB_DB: database }, ...args);
}

function npmRunJobsWith(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      'npm',
      ['run', '--silent', 'jobs', '--', ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...env,
          MESSENGER_APP_SECRET: '',
          MESSENGER_VERIFY_TOKEN: '',
          MESSENGER_PAGE_ACCESS_TOKEN: '',
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

describe('npm run jobs', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase('jobs_script');
  });
  after(async () => database.dispose());

  it('lists every job with its schedule and description', async function () {
    this.timeout(60_000);
    const { code, stdout } = await npmRunJobs(database.name, 'list');
    assert.equal(code, 0);
    const lines = stdout.trim().split('\n');
    assert.deepEqual(
      lines.map((line) => line.split(/\s{2,}/)[0]),
      [
        'publish-testimonials',
        'follow-up',
        'expire-entries',
        'retention',
        'weekly-report',
        'handoff-reminders',
        'handoff-take-back',
        'match-timeouts',
        'task-escalation',
        'reexamine-needs',
        'task-digest',
        'mail-retry',
      ],
    );
    assert.match(stdout, /publish-testimonials\s+0 18 \* \* \*\s+Publishes/);
    assert.match(stdout, /weekly-report\s+0 8 \* \* 1\s+Sends/);
  });

  it('lists the jobs without a database: none reachable, none started', async function () {
    this.timeout(60_000);
    // Nothing listens on port 1: a job list that built a module or connected would fail or hang.
    const { code, stdout, stderr } = await npmRunJobsWith(
      { MONGODB_URI: 'mongodb://127.0.0.1:1/', MONGODB_DB: 'none' },
      'list',
    );
    assert.equal(code, 0, stderr);
    assert.equal(stdout.trim().split('\n').length, 12);
    assert.doesNotMatch(`${stdout}${stderr}`, /Connecting|local engine|database/i);
  });

  it('refuses an unknown job with exit code 2 and the list', async function () {
    this.timeout(60_000);
    const { code, stderr } = await npmRunJobs(database.name, 'run', 'no-such-job');
    assert.equal(code, 2);
    assert.match(stderr, /Unknown job "no-such-job"/);
    assert.match(stderr, /retention\s+30 3 \* \* \*/);
  });

  it('runs one job once against the database and prints its summary', async function () {
    this.timeout(60_000);
    const { code, stdout, stderr } = await npmRunJobs(database.name, 'run', 'weekly-report');
    assert.equal(code, 0, `${stdout}\n${stderr}`);
    assert.match(stdout, /Running weekly-report for /);
    assert.match(stdout, /\[message to the admins\]\nBilan de la semaine/);
    assert.match(stdout, /weekly-report done in \d+ ms:\n {2}entriesWeek: 0/);
    const runs = await database.db.collection<JobRunRecord>('job_runs').find().toArray();
    assert.deepEqual(
      runs.map((run) => [run.job, run.trigger, run.status]),
      [['weekly-report', 'manual', 'succeeded']],
    );
  });
});
