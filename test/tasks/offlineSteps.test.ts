/**
 * A notice to a resident without Messenger becomes a task for their referent, in the one
 * delivery path (bot/offlineStepNotifier.ts over `PromiseTracker.offlineStep`), on the database.
 */
import assert from 'node:assert/strict';
import { OfflineStepNotifier } from '../../bot/offlineStepNotifier';
import { manualClock } from '../../services/clock';
import { AttentionFlags } from '../../services/conversations';
import { Entries, EntryRepository, type StoredEntry } from '../../services/entries';
import { Limits } from '../../services/limits';
import { silentLogger } from '../../services/logger';
import { MatchRepository } from '../../services/matching';
import type { Notice } from '../../services/messaging/notifier';
import { ResidentRepository } from '../../services/residents';
import {
  createTasks,
  PromiseTracker,
  TASKS_COLLECTION,
  type Task,
  type TasksModule,
} from '../../services/tasks';
import { newEntry, T0 } from '../services/support';
import { openTestDatabase, type TestDatabase } from '../support/db';

const DAY = 86_400_000;

describe('offline residents’ steps (on the database)', () => {
  let database: TestDatabase;
  let module: TasksModule;
  let entries: Entries;
  let repository: EntryRepository;
  let matches: MatchRepository;
  let notifier: OfflineStepNotifier;
  const clock = manualClock(T0);
  const sent: { psid: string; notice: Notice }[] = [];

  before(async () => {
    database = await openTestDatabase('offline_steps');
  });
  after(async () => database.dispose());
  beforeEach(async () => {
    for (const name of [TASKS_COLLECTION, 'entries', 'residents', 'matches', 'limits']) {
      await database.db.collection(name).deleteMany({});
    }
    sent.length = 0;
    clock.set(T0);
    const residents = new ResidentRepository(database.db, clock.now);
    repository = new EntryRepository(database.db, clock.now);
    matches = new MatchRepository(database.db, clock.now);
    const inner = {
      notify: (psid: string, notice: Notice) => {
        sent.push({ psid, notice });
        return Promise.resolve('sent' as const);
      },
    };
    module = createTasks({
      db: database.db,
      clock: clock.now,
      logger: silentLogger,
      referents: { get: () => Promise.resolve({ quartiers: ['La Maille 2'], active: true }) },
      notices: { notify: (psid, notice) => notifier.notify(psid, notice) },
      notifyAdmins: () => Promise.resolve(),
    });
    await module.ensureIndexes();
    const tracker = new PromiseTracker({
      tasks: module.tasks,
      attention: new AttentionFlags(database.db, clock.now),
      entries: repository,
      matches,
      residents,
      logger: silentLogger,
    });
    notifier = new OfflineStepNotifier(inner, (psid, notice) => tracker.offlineStep(psid, notice));
    entries = new Entries({
      repository,
      residents,
      limits: new Limits({ db: database.db, logger: silentLogger }),
      audit: { record: () => Promise.resolve() },
      notices: notifier,
      clock: clock.now,
      logger: silentLogger,
    });
  });

  /** Mme Martin's need, registered by `mod-sonia` over the phone. */
  async function registerMmeMartin(): Promise<StoredEntry> {
    const { psid: _psid, ...input } = newEntry({
      kind: 'need',
      description: 'courses du samedi, je ne porte plus les sacs',
      neighbourhood: 'Centre-ville',
    });
    void _psid;
    return entries.registerOnBehalf({
      moderatorPsid: 'mod-sonia',
      entry: input,
      via: 'phone',
      phone: '06 11 22 33 44',
      person: { name: 'Jeanne Martin', addressAs: 'Mme Martin' },
    });
  }

  const stepsOf = (psid: string) =>
    database.db.collection<Task>(TASKS_COLLECTION).find({ psid, reason: 'offline_resident_step' }).toArray();

  it('turns a notice to her into one task for her referent (never a message), and sends the others', async () => {
    const need = await registerMmeMartin();
    const offer = await repository.create(newEntry({ psid: 'helper-1' }));
    const match = await matches.suggest(need, offer, 120);
    const notice = {
      type: 'matching.helperSuggested',
      matchId: match._id.toHexString(),
      cause: 'found',
      category: 'groceries',
      distanceMeters: 120,
      description: offer.description,
      availability: offer.availability,
    };
    assert.equal(await notifier.notify(need.psid, notice), 'to_referent');
    assert.equal(await notifier.notify(need.psid, notice), 'to_referent');
    assert.deepEqual(sent, [], 'nothing is written to an offline: id');
    const [step, ...more] = await stepsOf(need.psid);
    assert.equal(more.length, 0, 'the same notice about the same match is one task');
    assert.equal(step.assignedTo, 'mod-sonia');
    assert.equal(step.step?.addressAs, 'Mme Martin');
    assert.equal(step.step?.notice.type, 'matching.helperSuggested');
    assert.equal(step.step?.notice.matchId, match._id.toHexString());
    assert.equal(step.contact?.phone, '06 11 22 33 44');
    assert.equal(step.category, 'groceries');
    assert.equal(step.neighbourhood, 'Centre-ville');
    assert.equal(step.subject, `matching.helperSuggested ${match._id.toHexString()}`);

    assert.equal(await notifier.notify('helper-1', notice), 'sent');
    assert.deepEqual(
      sent.map(({ psid }) => psid),
      ['helper-1'],
    );
  });

  it('asks her referent about the renewal, then tells them her entry was closed at its expiry', async () => {
    const need = await registerMmeMartin();
    const expired = new Date(need.expiresAt.getTime() + 1000);
    const first = await entries.expireOverdue(expired);
    assert.equal(first.asked, 1, 'the renewal question went to her referent');
    const later = await entries.expireOverdue(new Date(expired.getTime() + 4 * DAY));
    assert.deepEqual({ closed: later.closed, closedTold: later.closedTold }, { closed: 1, closedTold: 1 });
    const types = (await stepsOf(need.psid)).map((task) => task.step?.notice.type).sort();
    assert.deepEqual(types, ['entries.closedByExpiry', 'entries.renewalAsked']);
    assert.deepEqual(sent, []);
  });

  it("puts the registering referent's steps first, and ending one tells nobody (she was called)", async () => {
    await module.tasks.create({ psid: 'res-other', reason: 'asked_for_human', neighbourhood: 'La Maille 2' });
    const need = await registerMmeMartin();
    await notifier.notify(need.psid, { type: 'matching.toReferent', cause: 'declined' } as Notice);
    const forSonia = await module.tasks.listFor('mod-sonia');
    assert.deepEqual(
      forSonia.map((task) => task.reason),
      ['offline_resident_step', 'asked_for_human'],
    );
    const forOther = await module.tasks.listFor('mod-other');
    assert.deepEqual(
      forOther.map((task) => task.reason),
      ['asked_for_human', 'offline_resident_step'],
      'another referent sees it too, after their neighbourhood',
    );
    const done = await module.tasks.complete('mod-sonia', forSonia[0]._id.toHexString(), 'reached');
    assert.equal(done?.residentTold, true);
    assert.equal((await stepsOf(need.psid)).length, 1, 'no new task for the outcome');
    assert.deepEqual(sent, []);
  });
});
