import assert from 'node:assert/strict';
import { parseConfig } from '../../bot/config';
import { Container } from '../../bot/container';
import { manualClock } from '../../services/clock';
import { silentLogger } from '../../services/logger';
import type { TaskNotice } from '../../services/tasks';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { T0 } from '../services/support';

const MINUTE = 60_000;

describe('tasks: due times and escalation delay from the configuration', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase('task_settings');
  });
  after(() => database.dispose());

  it('gives tasks the configured due times and escalates only after the configured delay', async () => {
    const clock = manualClock(T0);
    const admins: TaskNotice[] = [];
    const container = new Container({
      config: parseConfig({
        TASK_DUE_MINUTES: '45',
        TASK_URGENT_DUE_MINUTES: '10',
        TASK_ESCALATION_DELAY_MINUTES: '15',
      }),
      db: database.db,
      logger: silentLogger,
      clock: clock.now,
      overrides: {
        notifyAdmins: () => (notice) => {
          admins.push(notice as TaskNotice);
          return Promise.resolve();
        },
      },
    });
    const { tasks } = container.get('tasks');
    await container.get('tasks').ensureIndexes();
    const normal = await tasks.create({ psid: '4100000001', reason: 'no_match' });
    const urgent = await tasks.create({ psid: '4100000002', reason: 'emergency' });
    assert.equal(normal.task.dueAt.getTime() - T0.getTime(), 45 * MINUTE);
    assert.equal(urgent.task.dueAt.getTime() - T0.getTime(), 10 * MINUTE);

    const job = container.get('jobs').find((candidate) => candidate.name === 'task-escalation');
    assert.ok(job);
    // The urgent task is due at 10 min: told at 25 min (10 + 15), not before.
    assert.deepEqual(await job.run({ now: new Date(T0.getTime() + 24 * MINUTE) }), { escalated: 0 });
    assert.deepEqual(await job.run({ now: new Date(T0.getTime() + 25 * MINUTE) }), { escalated: 1 });
    assert.deepEqual(await job.run({ now: new Date(T0.getTime() + 59 * MINUTE) }), { escalated: 0 });
    assert.deepEqual(await job.run({ now: new Date(T0.getTime() + 60 * MINUTE) }), { escalated: 1 });
    assert.deepEqual(
      admins.map((notice) => notice.type === 'tasks.escalated' && [notice.reason, notice.minutes]),
      [
        ['emergency', 25],
        ['no_match', 60],
      ],
    );
  });
});
