import assert from 'node:assert/strict';
import { claimRun, JOB_RUNS_COLLECTION, Scheduler, type Job, type JobRunRecord } from '../../services/jobs';
import { silentLogger } from '../../services/logger';
import { openTestDatabase, type TestDatabase } from '../support/db';

const SLOT = new Date('2026-05-04T16:00:00Z');

describe('job leases and scheduler', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase('scheduler');
  });
  after(async () => database.dispose());
  beforeEach(async () => {
    await database.db.collection('job_leases').deleteMany({});
    await database.db.collection(JOB_RUNS_COLLECTION).deleteMany({});
  });

  describe('claimRun', () => {
    it('gives a slot to exactly one of several owners claiming at once', async () => {
      const owners = ['a', 'b', 'c', 'd', 'e'];
      const claims = await Promise.all(
        owners.map((owner) => claimRun(database.db, 'retention', SLOT, owner, SLOT)),
      );
      assert.equal(claims.filter(Boolean).length, 1);
      assert.equal(
        await claimRun(database.db, 'retention', SLOT, 'a', SLOT),
        false,
        'not twice, even to the winner',
      );
    });

    it('keeps slots and jobs apart', async () => {
      assert.equal(await claimRun(database.db, 'retention', SLOT, 'a', SLOT), true);
      const next = new Date(SLOT.getTime() + 60_000);
      assert.equal(await claimRun(database.db, 'retention', next, 'b', next), true);
      assert.equal(await claimRun(database.db, 'weekly-report', SLOT, 'b', SLOT), true);
    });

    it('lets an expired lease be claimed again', async () => {
      assert.equal(await claimRun(database.db, 'retention', SLOT, 'a', SLOT, 1000), true);
      assert.equal(
        await claimRun(database.db, 'retention', SLOT, 'b', new Date(SLOT.getTime() + 999), 1000),
        false,
      );
      assert.equal(
        await claimRun(database.db, 'retention', SLOT, 'b', new Date(SLOT.getTime() + 1000), 1000),
        true,
      );
    });
  });

  describe('Scheduler', () => {
    const counting = (slots: string[], schedule = '* * * * * *'): Job => ({
      name: 'count',
      description: 'counts',
      schedule,
      run: ({ now }) => {
        slots.push(now.toISOString());
        return Promise.resolve({ seen: slots.length });
      },
    });

    it('runs each slot once when two instances on one database are started together', async function () {
      this.timeout(15_000);
      const slots: string[] = [];
      const job = counting(slots);
      const a = new Scheduler({ db: database.db, jobs: [job], owner: 'instance-a', logger: silentLogger });
      const b = new Scheduler({ db: database.db, jobs: [job], owner: 'instance-b', logger: silentLogger });
      await Promise.all([a.start(), b.start()]);
      await new Promise((resolve) => setTimeout(resolve, 3500));
      await Promise.all([a.stop(), b.stop()]);
      assert.ok(slots.length >= 2, `expected several slots, got ${slots.length}`);
      assert.equal(new Set(slots).size, slots.length, `a slot ran twice: ${slots.join(', ')}`);
      const runs = await database.db
        .collection<JobRunRecord>(JOB_RUNS_COLLECTION)
        .find({ job: 'count' })
        .toArray();
      assert.equal(runs.length, slots.length);
      assert.ok(runs.every((run) => run.status === 'succeeded' && run.trigger === 'scheduled'));
      const leases = await database.db.collection('job_leases').countDocuments({ job: 'count' });
      assert.equal(leases, slots.length);
    });

    it('runSlot: the second instance skips a slot the first took; outcomes are recorded', async () => {
      const slots: string[] = [];
      const a = new Scheduler({ db: database.db, jobs: [], owner: 'a', logger: silentLogger });
      const b = new Scheduler({ db: database.db, jobs: [], owner: 'b', logger: silentLogger });
      const job = counting(slots, '0 18 * * *');
      const outcomes = await Promise.all([
        a.runSlot(job, new Date(SLOT.getTime() + 123)),
        b.runSlot(job, SLOT),
      ]);
      assert.deepEqual([...outcomes].sort(), ['skipped', 'succeeded']);
      assert.deepEqual(slots, [SLOT.toISOString()], 'the job runs for the slot, milliseconds dropped');

      const failing: Job = { ...job, name: 'broken', run: () => Promise.reject(new TypeError('boom')) };
      assert.equal(await a.runSlot(failing, SLOT), 'failed');
      const record = await database.db
        .collection<JobRunRecord>(JOB_RUNS_COLLECTION)
        .findOne({ job: 'broken' });
      assert.equal(record?.owner, 'a');
      assert.deepEqual(record?.error, { name: 'TypeError', message: 'boom' });
      assert.equal(typeof record?.durationMs, 'number');
      const ok = await database.db.collection<JobRunRecord>(JOB_RUNS_COLLECTION).findOne({ job: 'count' });
      assert.deepEqual(ok?.summary, { seen: 1 });
    });

    it('refuses an invalid schedule at construction', () => {
      assert.throws(
        () =>
          new Scheduler({
            db: database.db,
            jobs: [counting([], 'every day')],
            owner: 'a',
            logger: silentLogger,
          }),
        /invalid schedule/,
      );
    });
  });
});
