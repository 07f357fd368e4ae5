import assert from 'node:assert/strict';
import { ObjectId } from 'mongodb';
import { manualClock } from '../../services/clock';
import { silentLogger } from '../../services/logger';
import {
  createTasks,
  HandoverTimeouts,
  TASKS_COLLECTION,
  type TakenBackHandover,
  type Task,
  type TaskNotice,
  type TasksModule,
} from '../../services/tasks';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { T0 } from '../services/support';

describe('tasks: hand-overs taken back by the timeout (on the database)', () => {
  let database: TestDatabase;
  let module: TasksModule;
  const clock = manualClock(T0);
  const told: { psid: string; notice: TaskNotice }[] = [];
  const admins: TaskNotice[] = [];

  before(async () => {
    database = await openTestDatabase('handover_timeouts');
    module = createTasks({
      db: database.db,
      clock: clock.now,
      logger: silentLogger,
      referents: { get: () => Promise.resolve(null) },
      notices: {
        notify: (psid, notice) => {
          told.push({ psid, notice });
          return Promise.resolve('sent');
        },
      },
      notifyAdmins: (notice) => {
        admins.push(notice);
        return Promise.resolve();
      },
    });
    await module.ensureIndexes();
  });
  after(async () => database.dispose());

  it('turns an unanswered hand-over into a task the admins hear of, and tells the resident the truth', async () => {
    const unanswered: TakenBackHandover = {
      _id: new ObjectId(),
      psid: 'res-silent',
      summary: '« personne ne repond ? »',
      neighbourhood: 'Centre',
      transcript: [{ from: 'resident' }],
    };
    const answered: TakenBackHandover = {
      _id: new ObjectId(),
      psid: 'res-answered',
      summary: '« merci »',
      transcript: [{ from: 'resident' }, { from: 'moderator' }],
    };
    const timeouts = new HandoverTimeouts({
      handover: { takeBackExpiredHandovers: () => Promise.resolve([unanswered, answered]) },
      tasks: module.tasks,
      notices: {
        notify: (psid, notice) => {
          told.push({ psid, notice });
          return Promise.resolve('sent');
        },
      },
    });

    assert.deepEqual(await timeouts.takeBackExpired(clock.now()), ['res-answered']);
    assert.deepEqual(told, [{ psid: 'res-silent', notice: { type: 'tasks.handoverUnanswered' } }]);
    const tasks = await database.db.collection<Task>(TASKS_COLLECTION).find({}).toArray();
    assert.deepEqual(
      tasks.map((task) => [task.psid, task.reason, task.subject, task.words, task.neighbourhood]),
      [
        [
          'res-silent',
          'handover_timeout',
          unanswered._id.toHexString(),
          '« personne ne repond ? »',
          'Centre',
        ],
      ],
    );

    assert.deepEqual(await module.tasks.escalateUntaken(clock.now()), { escalated: 1 });
    assert.equal(admins[0]?.type, 'tasks.escalated');
    assert.equal(admins[0]?.type === 'tasks.escalated' && admins[0].reason, 'handover_timeout');
  });
});
