import assert from 'node:assert/strict';
import { manualClock } from '../../services/clock';
import { AttentionFlags } from '../../services/conversations';
import { silentLogger } from '../../services/logger';
import type { Notice } from '../../services/messaging/notifier';
import {
  createTasks,
  createTaskEscalationJob,
  eraseTasks,
  exportTasks,
  PromiseTracker,
  TASKS_COLLECTION,
  type Task,
  type TaskNotice,
  type TasksModule,
} from '../../services/tasks';
import { markerPattern } from '../../services/personalData';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { newEntry, T0 } from '../services/support';
import { EntryRepository } from '../../services/entries';
import { MatchRepository } from '../../services/matching';
import { ResidentRepository } from '../../services/residents';

const MINUTE = 60_000;

describe('tasks (on the database)', () => {
  let database: TestDatabase;
  let module: TasksModule;
  const clock = manualClock(T0);
  const told: { psid: string; notice: Notice }[] = [];
  const admins: TaskNotice[] = [];
  let windowOpen = true;
  const referents = new Map<string, { quartiers: string[]; active: boolean }>([
    ['ref-maille', { quartiers: ['La Maille 2'], active: true }],
    ['ref-all', { quartiers: [], active: true }],
  ]);

  before(async () => {
    database = await openTestDatabase('tasks');
    module = createTasks({
      db: database.db,
      clock: clock.now,
      logger: silentLogger,
      referents: { get: (psid) => Promise.resolve(referents.get(psid) ?? null) },
      notices: {
        notify: (psid, notice) => {
          if (!windowOpen) return Promise.resolve('outside_window');
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
    await module.ensureIndexes();
  });
  after(async () => database.dispose());
  beforeEach(async () => {
    await database.db.collection(TASKS_COLLECTION).deleteMany({});
    told.length = 0;
    admins.length = 0;
    windowOpen = true;
    clock.set(T0);
  });

  it('stores one task per promise, screened, and a repeated promise does not duplicate it', async () => {
    const first = await module.tasks.create({
      psid: 'res-1',
      reason: 'no_match',
      subject: '65f000000000000000000001',
      words: 'courses pour ma mere, appelez moi au 06 12 34 56 78',
      category: 'groceries',
      neighbourhood: 'La Maille 2',
    });
    assert.equal(first.created, true);
    assert.equal(first.task.status, 'open');
    assert.doesNotMatch(first.task.words ?? '', /06 12 34 56 78/);
    assert.match(first.task.words ?? '', /courses pour ma mere/);
    assert.equal(first.task.dueAt.getTime() - T0.getTime(), 120 * MINUTE);

    const again = await module.tasks.create({
      psid: 'res-1',
      reason: 'no_match',
      subject: '65f000000000000000000001',
    });
    assert.equal(again.created, false);
    assert.equal(again.task._id.toHexString(), first.task._id.toHexString());
    assert.equal(await database.db.collection(TASKS_COLLECTION).countDocuments(), 1);

    const other = await module.tasks.create({
      psid: 'res-1',
      reason: 'declined_all',
      subject: '65f000000000000000000001',
    });
    assert.equal(other.created, true);
    assert.equal(await database.db.collection(TASKS_COLLECTION).countDocuments(), 2);
  });

  it("lists a referent's neighbourhood first, then the urgent, then the oldest", async () => {
    await module.tasks.create({ psid: 'a', reason: 'asked_for_human', neighbourhood: 'Centre' });
    clock.advance(MINUTE);
    await module.tasks.create({ psid: 'b', reason: 'no_match', neighbourhood: 'Centre', urgency: 'high' });
    clock.advance(MINUTE);
    await module.tasks.create({ psid: 'c', reason: 'asked_for_human', neighbourhood: 'la maille 2' });
    clock.advance(MINUTE);
    await module.tasks.create({ psid: 'd', reason: 'emergency' });

    const forMaille = await module.tasks.listFor('ref-maille');
    assert.deepEqual(
      forMaille.map((task) => task.psid),
      ['c', 'b', 'd', 'a'],
    );
    const forAll = await module.tasks.listFor('ref-all');
    assert.deepEqual(
      forAll.map((task) => task.psid),
      ['b', 'd', 'a', 'c'],
    );
    assert.equal(await module.tasks.count('ref-all'), 4);
  });

  it('is taken once, done once, and the resident is told the outcome; a new promise opens a new task', async () => {
    const { task } = await module.tasks.create({ psid: 'res-2', reason: 'follow_up_no', subject: 'm1' });
    const id = task._id.toHexString();
    const taken = await module.tasks.take('ref-all', id);
    assert.equal(taken?.status, 'taken');
    assert.equal(taken?.takenBy, 'ref-all');
    assert.equal(await module.tasks.take('ref-maille', id), null);

    const done = await module.tasks.complete('ref-all', id, 'reached', 'rappelée, tout va bien');
    assert.equal(done?.task.status, 'done');
    assert.equal(done?.task.outcome, 'reached');
    assert.equal(done?.residentTold, true);
    assert.deepEqual(told, [
      { psid: 'res-2', notice: { type: 'tasks.outcome', reason: 'follow_up_no', outcome: 'reached' } },
    ]);
    assert.equal(await module.tasks.complete('ref-all', id, 'closed'), null);
    assert.equal(await module.tasks.count('ref-all'), 0);

    const next = await module.tasks.create({ psid: 'res-2', reason: 'follow_up_no', subject: 'm1' });
    assert.equal(next.created, true);
  });

  it('says when the resident could not be told, and refuses an unknown outcome', async () => {
    const { task } = await module.tasks.create({ psid: 'res-3', reason: 'asked_for_human' });
    windowOpen = false;
    await assert.rejects(
      module.tasks.complete('ref-all', task._id.toHexString(), 'lost' as never),
      /unknown task outcome/,
    );
    const done = await module.tasks.complete('ref-all', task._id.toHexString(), 'not_reachable');
    assert.equal(done?.residentTold, false);
  });

  it('escalates an untaken task to the admins once, after its due time, and never a taken one', async () => {
    await module.tasks.create({
      psid: 'res-4',
      reason: 'no_match',
      category: 'pharmacy',
      neighbourhood: 'Centre',
    });
    const { task: taken } = await module.tasks.create({ psid: 'res-5', reason: 'asked_for_human' });
    await module.tasks.take('ref-all', taken._id.toHexString());
    const job = createTaskEscalationJob(module.tasks);
    assert.equal(job.name, 'task-escalation');

    assert.deepEqual(await job.run({ now: new Date(T0.getTime() + 60 * MINUTE) }), { escalated: 0 });
    assert.deepEqual(await job.run({ now: new Date(T0.getTime() + 121 * MINUTE) }), { escalated: 1 });
    assert.deepEqual(admins, [
      {
        type: 'tasks.escalated',
        minutes: 121,
        reason: 'no_match',
        urgency: 'normal',
        category: 'pharmacy',
        neighbourhood: 'Centre',
      },
    ]);
    assert.deepEqual(await job.run({ now: new Date(T0.getTime() + 200 * MINUTE) }), { escalated: 0 });
    const stored = await database.db.collection(TASKS_COLLECTION).findOne({ psid: 'res-4' });
    assert.ok(stored?.escalatedAt instanceof Date);
  });

  it('turns a flag into a task filled from the need it names and the contact the resident shares', async () => {
    const attention = new AttentionFlags(database.db, clock.now);
    const entries = new EntryRepository(database.db, clock.now);
    const matches = new MatchRepository(database.db, clock.now);
    const residents = new ResidentRepository(database.db, clock.now);
    const need = await entries.create(
      newEntry({
        psid: 'res-6',
        kind: 'need',
        category: 'pharmacy',
        description: 'il me faut mes medicaments a la pharmacie',
        neighbourhood: 'Centre',
        urgency: 'high',
      }),
    );
    const offer = await entries.create(newEntry({ psid: 'helper-6', category: 'pharmacy' }));
    const match = await matches.propose(need, offer, 300);
    await residents.recordStorageConsent('res-6', {
      given: true,
      at: T0,
      version: 'storage-v1',
      via: 'messenger',
    });
    await residents.setContact('res-6', { channels: ['phone'], phone: '0612345678', email: 'x@example.org' });
    const tracker = new PromiseTracker({
      tasks: module.tasks,
      attention,
      entries,
      matches,
      residents,
      logger: silentLogger,
    });
    const needId = need._id.toHexString();
    const matchId = match._id.toHexString();
    await tracker.flag('res-6', 'asked_for_human', `no_helper_left ${needId}`);
    await tracker.flag('res-6', 'match_outside_window', matchId);
    await tracker.flag('res-6', 'match_outside_window', matchId);
    await tracker.flag('helper-6', 'complaint', `follow-up: help did not happen (match ${matchId})`);

    const tasks = await database.db.collection<Task>(TASKS_COLLECTION).find({}).sort({ reason: 1 }).toArray();
    const words = 'il me faut mes medicaments a la pharmacie';
    assert.deepEqual(
      tasks.map((task) => [
        task.psid,
        task.reason,
        task.subject,
        task.category,
        task.words,
        task.urgency,
        task.contact,
      ]),
      [
        ['helper-6', 'follow_up_no', matchId, 'pharmacy', undefined, 'normal', undefined],
        ['res-6', 'helper_outside_window', matchId, 'pharmacy', words, 'high', { phone: '0612345678' }],
        ['res-6', 'no_match', needId, 'pharmacy', words, 'high', { phone: '0612345678' }],
      ],
    );
    assert.equal((await attention.get('res-6'))?.needsModerator, true);
  });

  it("shows a referent's undelivered notice to them only, and never escalates it", async () => {
    await module.tasks.create({
      psid: 'ref-maille',
      reason: 'undelivered_notice',
      subject: 'moderation.handoverOpened',
      words: 'Nouvelle conversation',
    });
    await module.tasks.create({ psid: 'res-8', reason: 'asked_for_human' });
    assert.deepEqual(
      (await module.tasks.listFor('ref-maille')).map((task) => task.reason),
      ['undelivered_notice', 'asked_for_human'],
    );
    assert.deepEqual(
      (await module.tasks.listFor('ref-all')).map((task) => task.reason),
      ['asked_for_human'],
    );
    assert.equal(await module.tasks.count('ref-maille'), 2);
    assert.equal(await module.tasks.count('ref-all'), 1);
    assert.deepEqual(await module.tasks.escalateUntaken(new Date(T0.getTime() + 600 * MINUTE)), {
      escalated: 1,
    });
    assert.equal(admins.length, 1);
  });

  it("erases the tasks about a person and exports them without the referents' ids", async () => {
    const { task } = await module.tasks.create({
      psid: 'res-7',
      reason: 'asked_for_human',
      words: 'aidez moi',
    });
    await module.tasks.take('ref-all', task._id.toHexString());
    const exported = await exportTasks(database.db, 'res-7');
    assert.equal(exported.length, 1);
    assert.equal(exported[0]?.words, 'aidez moi');
    assert.equal(exported[0]?.takenBy, undefined);

    const scope = { db: database.db, pattern: 'x', now: clock.now() };
    assert.equal(await eraseTasks({ ...scope, person: 'ref-all', pseudonym: 'erased:r' }), 1);
    assert.equal(await eraseTasks({ ...scope, person: 'res-7', pseudonym: 'erased:x' }), 1);
    assert.equal(await database.db.collection(TASKS_COLLECTION).countDocuments({ psid: 'res-7' }), 0);
  });

  it("drops an erased helper's contact from the call script of an offline resident's task", async () => {
    const phone = '06 55 44 33 22';
    await module.tasks.create({
      psid: 'offline:0a1b',
      reason: 'offline_resident_step',
      subject: 'matching.requestAccepted m1',
      step: {
        addressAs: 'Mme Martin',
        notice: { type: 'matching.requestAccepted', category: 'groceries', helperContact: { phone } },
      },
    });
    const scope = { db: database.db, now: clock.now(), pseudonym: 'erased:h' };
    assert.equal(await eraseTasks({ ...scope, person: 'helper-9', pattern: markerPattern([phone]) }), 1);
    const kept = await database.db.collection<Task>(TASKS_COLLECTION).findOne({ psid: 'offline:0a1b' });
    assert.ok(kept, 'the offline resident keeps their task');
    assert.equal(kept.step?.addressAs, 'Mme Martin');
    assert.equal((kept.step?.notice as { helperContact?: unknown }).helperContact, null);
    assert.ok(!JSON.stringify(kept).includes('55 44 33'), 'no trace of the phone');
  });
});
