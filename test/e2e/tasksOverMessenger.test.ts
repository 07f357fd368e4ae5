/**
 * End to end through the signed Messenger webhook and the fake Graph API: a resident is
 * promised a referent; the promise is a task that a referent who had not written to the Page
 * (so could not be told) finds in their Messenger menu when they come, with the notice it
 * missed; left untaken past its
 * due time, the escalation job tells an admin in Messenger.
 */
import assert from 'node:assert/strict';
import type { Job } from '../../services/jobs';
import { TASKS_COLLECTION, type Task } from '../../services/tasks';
import { MessengerUser, payloadsOf, textOf } from '../support/messengerUser';
import { startTestApp, type TestApp } from '../support/testApp';

const REFERENT = '7000000011';
const ADMIN = '7000000012';
const HOUR = 3_600_000;

describe('a promise of a referent over Messenger, end to end', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
    const { moderators } = test.app.container.get('moderation');
    await moderators.upsert({ psid: REFERENT, name: 'Awa', quartiers: [] });
    await moderators.upsert({ psid: ADMIN, name: 'Paul', quartiers: [], role: 'admin' });
  });
  after(async () => {
    await test.stop();
  });

  const tasksOf = (psid: string) =>
    test.database.db.collection<Task>(TASKS_COLLECTION).find({ psid }).toArray();

  it('leaves a task the referent sees in their menu, and an untaken task reaches an admin', async () => {
    const admin = new MessengerUser(test, ADMIN);
    await admin.say('bonjour');

    // The resident writes in their own words, then asks for a person: a referent is promised.
    const resident = new MessengerUser(test, '2000000000000031');
    await resident.say('bjr ma voisine est malade et personne pour ses courses');
    const promised = await resident.postback('MENU_HUMAN', "Parler à quelqu'un");
    assert.match(textOf(promised), /référent/);
    const [task] = await tasksOf(resident.psid);
    assert.ok(task, 'the promise left a task');
    assert.equal(task.reason, 'asked_for_human');
    assert.equal(task.status, 'open');
    assert.match(task.words ?? '', /ma voisine est malade/);

    // The referent had not written to the Page: the notice could not reach them, so it waits
    // in their menu as a task of its own, next to the resident's.
    const referent = new MessengerUser(test, REFERENT);
    const menu = await referent.say('menu');
    assert.match(textOf(menu), /2 tâche\(s\) en attente/);
    assert.ok(payloadsOf(menu).includes('MOD_TASKS'));
    const list = await referent.tap('MOD_TASKS', 'Tâches (2)');
    assert.match(textOf(list), /Demande à parler à quelqu'un/);
    assert.match(textOf(list), /Message non transmis à un référent/);
    assert.match(textOf(list), /ma voisine est malade/);
    assert.ok(payloadsOf(list).includes(`MOD_TASK_${task._id.toHexString()}`));

    // Nobody takes it: past its due time the job tells the admin, once.
    const jobs: Job[] = test.app.container.get('jobs');
    const escalation = jobs.find((job) => job.name === 'task-escalation');
    assert.ok(escalation);
    const before = test.graph.calls.length;
    assert.deepEqual(await escalation.run({ now: new Date(Date.now() + 3 * HOUR) }), { escalated: 1 });
    const toAdmin = test.graph.calls.slice(before).filter((call) => {
      const body = call.body as { recipient?: { id?: string } } | undefined;
      return body?.recipient?.id === ADMIN;
    });
    assert.equal(toAdmin.length, 1, 'the admin was told once');
    assert.match(JSON.stringify(toAdmin[0]?.body), /Tâche sans référent/);
    assert.deepEqual(await escalation.run({ now: new Date(Date.now() + 4 * HOUR) }), { escalated: 0 });
    const [escalated] = await tasksOf(resident.psid);
    assert.ok(escalated?.escalatedAt instanceof Date);
  });
});
