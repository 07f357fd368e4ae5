import assert from 'node:assert/strict';
import { validate } from 'node-cron';
import { createJobs, publishSchedule, splitSchedule, type Job, type JobDeps } from '../../services/jobs';
import { silentLogger } from '../../services/logger';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { frenchPosts } from '../../dialogs/testimonials/signature';

describe('createJobs', () => {
  let database: TestDatabase;
  let deps: JobDeps;

  before(async () => {
    database = await openTestDatabase('registry');
    deps = {
      db: database.db,
      logger: silentLogger,
      notifyAdmins: () => Promise.resolve(),
      composer: frenchPosts,
      feed: undefined,
      pageId: undefined,
      entries: { expireOverdue: () => Promise.resolve({ asked: 0, closed: 0, closedTold: 0, waiting: 0 }) },
      matching: {
        sendFollowUps: () => Promise.resolve({ matches: 0, sent: 0, notReachable: 0, failed: 0 }),
      },
    };
  });
  after(async () => database.dispose());

  it('builds the jobs with valid Paris schedules, and appends other areas’ jobs', () => {
    const extra: Job = {
      name: 'handoff-reminders',
      description: 'x',
      schedule: '*/5 * * * *',
      run: () => Promise.resolve({}),
    };
    const jobs = createJobs(deps, { extraJobs: [extra] });
    assert.deepEqual(
      jobs.map((job) => [job.name, job.schedule]),
      [
        ['publish-testimonials', '0 18 * * *'],
        ['follow-up', '*/15 * * * *'],
        ['expire-entries', '0 10 * * *'],
        ['retention', '30 3 * * *'],
        ['weekly-report', '0 8 * * 1'],
        ['handoff-reminders', '*/5 * * * *'],
      ],
    );
    assert.ok(jobs.every((job) => splitSchedule(job.schedule).every((expression) => validate(expression))));
    assert.throws(
      () => createJobs(deps, { extraJobs: [extra, extra] }),
      /two jobs are named handoff-reminders/,
    );
  });

  it('turns publication times into cron expressions', () => {
    assert.equal(publishSchedule(['18:00', '9:00', '12:30']), '0 9,18 * * *; 30 12 * * *');
    assert.throws(() => publishSchedule(['25:00']), /not HH:MM/);
    assert.throws(() => publishSchedule([]), /no publication time/);
  });

  it('publish-testimonials waits (and says so) when the Page is not configured', async () => {
    const job = createJobs(deps).find((item) => item.name === 'publish-testimonials')!;
    assert.deepEqual(await job.run({ now: new Date() }), { notConfigured: 1 });
  });
});
