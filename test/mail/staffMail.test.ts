import assert from 'node:assert/strict';
import type { Container } from '../../bot/container';
import { manualClock } from '../../services/clock';
import type { LogFields, Logger } from '../../services/logger';
import { MAIL_OUTBOX_COLLECTION, type MailDocument } from '../../services/mail';
import type { Task } from '../../services/tasks';
import { TASKS_COLLECTION } from '../../services/tasks';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { testContainer } from '../support/modules';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from './smtpServer';

/**
 * Monday 4 March 2030, 10:00 in Paris: referents are at work (default hours). In the future on
 * purpose: the mail outbox's TTL index compares `expiresAt` with the real time, and would drop
 * a record dated in the past while the test reads it.
 */
const MONDAY_MORNING = new Date('2030-03-04T09:00:00.000Z');
/** Sunday 3 March 2030, 23:00 in Paris: nobody is. */
const SUNDAY_NIGHT = new Date('2030-03-03T22:00:00.000Z');
const MINUTE = 60_000;

const NADIA = { psid: '7100000001', name: 'Nadia', quartiers: ['La Maille 1'], email: 'nadia@voisins.test' };
const KARIM = { psid: '7100000002', name: 'Karim', quartiers: ['Mercure'], email: 'karim@voisins.test' };
/** A referent of La Maille 1 without an address: never e-mailed. */
const LUCIE = { psid: '7100000003', name: 'Lucie', quartiers: ['La Maille 1'] };
const AWA = {
  psid: '7100000009',
  name: 'Awa',
  quartiers: ['Centre-ville'],
  role: 'admin' as const,
  email: 'awa@voisins.test',
};

/** What residents wrote: none of it may appear in an e-mail. */
const WORDS = 'ma mere est tombee dans l escalier appelez moi vite au 06 12 34 56 78 au 12 rue des Lilas';
const PRIVATE = ['tombee', 'escalier', '06 12', '0612', 'Lilas', '8000000001', '8000000002'];

function recordingLogger(): Logger & { lines: { level: string; message: string; fields?: LogFields }[] } {
  const lines: { level: string; message: string; fields?: LogFields }[] = [];
  const log =
    (level: string) =>
    (message: string, fields?: LogFields): void => {
      lines.push({ level, message, fields });
    };
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function assertNothingPrivate(mail: ReceivedMail): void {
  for (const secret of PRIVATE) {
    assert.ok(!mail.raw.includes(secret) && !mail.text.includes(secret), `"${secret}" in an e-mail`);
  }
}

describe('e-mail to referents and admins (local SMTP server)', function () {
  this.timeout(30_000);
  let smtp: TestSmtpServer;
  let database: TestDatabase;
  let container: Container;
  const clock = manualClock(MONDAY_MORNING);
  const logger = recordingLogger();

  before(async () => {
    smtp = await startSmtpServer();
    database = await openTestDatabase('mail');
    container = testContainer({
      db: database.db,
      clock: clock.now,
      logger,
      transport: { notify: () => Promise.resolve('sent') },
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Voisins Solidaires Miramas <bot@voisins.test>',
        PUBLIC_URL: 'https://voisins.test',
      },
    });
    await container.ensureIndexes();
    const { moderators } = container.get('moderation');
    for (const moderator of [NADIA, KARIM, LUCIE, AWA]) await moderators.upsert(moderator);
  });
  after(async () => {
    await database.dispose();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
    clock.set(MONDAY_MORNING);
  });

  /** What the SMTP server received once the background attempts started so far have settled. */
  async function mailed(): Promise<typeof smtp.received> {
    await container.get('mailOutbox').idle();
    return smtp.received;
  }

  async function taskOf(psid: string): Promise<Task> {
    const task = await database.db.collection<Task>(TASKS_COLLECTION).findOne({ psid });
    assert.ok(task, `no task for ${psid}`);
    return task;
  }

  it("e-mails an urgent task at once to the neighbourhood's referents on duty, with its console link and nothing private", async () => {
    await container.get('promises').promise('8000000001', 'no_match', {
      words: WORDS,
      category: 'groceries',
      urgency: 'high',
      neighbourhood: 'La Maille 1',
    });

    const task = await taskOf('8000000001');
    assert.deepEqual(
      (await mailed()).map((mail) => mail.to),
      [[NADIA.email]],
    );
    const [mail] = await mailed();
    assert.equal(mail.from, 'bot@voisins.test');
    assert.equal(mail.subject, 'Tâche urgente à La Maille 1 : Aucun voisin trouvé');
    assert.match(mail.text, /^Bonjour Nadia,/);
    assert.match(mail.text, /Catégorie : Courses/);
    assert.match(mail.text, /Quartier : La Maille 1/);
    assert.ok(mail.text.includes(`https://voisins.test/console/taches/${task._id.toHexString()}`), mail.text);
    assertNothingPrivate(mail);
    // Stored under its key and marked sent: created twice, the same promise is not e-mailed again.
    const stored = await database.db
      .collection<MailDocument>(MAIL_OUTBOX_COLLECTION)
      .findOne({ _id: `task:${task._id.toHexString()}:urgent:${NADIA.psid}` });
    assert.equal(stored?.status, 'sent');
    await container.get('promises').promise('8000000001', 'no_match', { urgency: 'high', words: WORDS });
    assert.equal((await mailed()).length, 1);
  });

  it('says an emergency is one, to the referents of its neighbourhood', async () => {
    await container
      .get('promises')
      .flag('8000000002', 'emergency', 'suicide', { words: WORDS, neighbourhood: 'Mercure' });

    assert.deepEqual(
      (await mailed()).map((mail) => [mail.to, mail.subject]),
      [[[KARIM.email], 'Urgence signalée à Mercure']],
    );
    assert.match((await mailed())[0].text, /les numéros d'urgence lui ont été donnés/);
    assertNothingPrivate((await mailed())[0]);
  });

  it('e-mails the admins when no referent of the neighbourhood is at work', async () => {
    clock.set(SUNDAY_NIGHT);
    await container.get('tasks').tasks.create({
      psid: '8000000003',
      reason: 'asked_for_human',
      urgency: 'high',
      category: 'pharmacy',
      neighbourhood: 'La Maille 1',
      words: WORDS,
    });

    assert.deepEqual(
      (await mailed()).map((mail) => mail.to),
      [[AWA.email]],
    );
    assert.match((await mailed())[0].text, /^Bonjour Awa,/);
    assert.match((await mailed())[0].subject, /^Tâche urgente à La Maille 1/);
    assertNothingPrivate((await mailed())[0]);
  });

  it('does not e-mail a task that is not urgent', async () => {
    await container.get('tasks').tasks.create({
      psid: '8000000004',
      reason: 'declined_all',
      category: 'homework',
      neighbourhood: 'La Maille 1',
      words: WORDS,
    });
    assert.equal((await mailed()).length, 0);
    assert.equal((await taskOf('8000000004')).urgency, 'normal');
  });

  it('sends each referent the digest of what waits in their neighbourhoods, once a day', async () => {
    clock.set(new Date(MONDAY_MORNING.getTime() + 2 * 60 * MINUTE));
    const digest = container.get('jobs').find((job) => job.name === 'task-digest');
    assert.ok(digest);

    const summary = await digest.run({ now: clock.now() });

    assert.deepEqual(summary, { staff: 3, mailed: 2, nothingWaits: 1, off: 0 });
    const byRecipient = new Map((await mailed()).map((mail) => [mail.to[0], mail]));
    assert.deepEqual([...byRecipient.keys()].sort(), [KARIM.email, NADIA.email]);
    const nadia = byRecipient.get(NADIA.email)!;
    assert.equal(nadia.subject, '3 tâches en attente dans vos quartiers');
    const lines = nadia.text.split('\n').filter((line) => line.startsWith('• '));
    // Urgent first, then the oldest (Sunday night's before this morning's); waited time and
    // lateness at the time of the digest (2 h: the normal task is due now).
    assert.deepEqual(lines, [
      "• Demande à parler à quelqu'un · Pharmacie · La Maille 1 · attend depuis 13 h — en retard",
      '• Aucun voisin trouvé · Courses · La Maille 1 · attend depuis 2 h — en retard',
      '• Aucun voisin proposé ne convient · Devoirs · La Maille 1 · attend depuis 2 h — en retard',
    ]);
    assert.ok(nadia.text.includes('https://voisins.test/console'));
    assert.match(byRecipient.get(KARIM.email)!.subject, /^1 tâche en attente/);
    for (const mail of await mailed()) assertNothingPrivate(mail);

    smtp.received.length = 0;
    await digest.run({ now: clock.now() });
    assert.equal((await mailed()).length, 0, 'the same day, the digest is not sent twice');
  });

  it('e-mails the weekly report to the admins', async () => {
    const weekly = container.get('jobs').find((job) => job.name === 'weekly-report');
    assert.ok(weekly);
    await weekly.run({ now: clock.now() });

    assert.deepEqual(
      (await mailed()).map((mail) => mail.to),
      [[AWA.email]],
    );
    assert.match((await mailed())[0].subject, /^Le rapport de la semaine du 25 février au 4 mars$/);
    assert.ok((await mailed())[0].text.includes('https://voisins.test/console/tableau'));
  });

  it('retries an e-mail the SMTP server did not take, and keeps the task meanwhile', async () => {
    smtp.refuseNext(1, 451);
    await container.get('tasks').tasks.create({
      psid: '8000000005',
      reason: 'money',
      urgency: 'high',
      neighbourhood: 'Mercure',
    });
    const task = await taskOf('8000000005');
    assert.equal(task.status, 'open');
    assert.equal((await mailed()).length, 0);
    const key = `task:${task._id.toHexString()}:urgent:${KARIM.psid}`;
    const outbox = container.get('mailOutbox');
    const pending = await outbox.get(key);
    assert.equal(pending?.status, 'pending');
    assert.equal(pending?.attempts, 1);
    assert.ok(logger.lines.some((line) => line.message === 'e-mail not sent, will retry'));

    const retry = container.get('jobs').find((job) => job.name === 'mail-retry');
    assert.ok(retry);
    assert.deepEqual(await retry.run({ now: clock.now() }), {
      sent: 0,
      retrying: 0,
      failed: 0,
      duplicate: 0,
    });
    clock.advance(MINUTE);
    assert.deepEqual(await retry.run({ now: clock.now() }), {
      sent: 1,
      retrying: 0,
      failed: 0,
      duplicate: 0,
    });
    assert.deepEqual(
      (await mailed()).map((mail) => mail.to),
      [[KARIM.email]],
    );
    assert.equal((await outbox.get(key))?.status, 'sent');
  });

  it('creates an urgent task without waiting for a stalled SMTP server, and e-mails it once the server answers', async () => {
    smtp.hold();
    try {
      const created = container.get('tasks').tasks.create({
        psid: '8000000009',
        reason: 'asked_for_human',
        urgency: 'high',
        neighbourhood: 'Mercure',
      });
      const settled = await Promise.race([
        created.then(() => 'created'),
        new Promise((resolve) => setTimeout(() => resolve('waited for the SMTP server'), 2_000)),
      ]);
      assert.equal(settled, 'created');
      assert.equal(smtp.received.length, 0, 'the server has not answered yet');
    } finally {
      smtp.release();
    }
    assert.deepEqual(
      (await mailed()).map((mail) => mail.to),
      [[KARIM.email]],
    );
  });

  it('gives up at once on a permanent refusal, the task staying for the referents', async () => {
    smtp.refuseNext(1, 550);
    await container.get('tasks').tasks.create({
      psid: '8000000006',
      reason: 'complaint',
      urgency: 'high',
      neighbourhood: 'Mercure',
    });
    const task = await taskOf('8000000006');
    await mailed();
    const stored = await container
      .get('mailOutbox')
      .get(`task:${task._id.toHexString()}:urgent:${KARIM.psid}`);
    assert.equal(stored?.status, 'failed');
    assert.equal(task.status, 'open');
  });

  it('e-mails the sign-in link at once, without storing it', async () => {
    const url = 'https://voisins.test/console/connexion/abcdef0123456789';
    const result = await container.get('staffMailer').sendLoginLink(NADIA, url);

    assert.equal(result, 'sent');
    assert.deepEqual(
      (await mailed()).map((mail) => [mail.to, mail.subject]),
      [[[NADIA.email], 'Votre lien de connexion à la console']],
    );
    assert.match((await mailed())[0].text, /Votre lien de connexion, valable 15 minutes/);
    assert.ok((await mailed())[0].text.includes(url));
    const stored = await database.db
      .collection<MailDocument>(MAIL_OUTBOX_COLLECTION)
      .countDocuments({ 'message.text': { $regex: 'connexion/abcdef' } });
    assert.equal(stored, 0);
    assert.equal(await container.get('staffMailer').sendLoginLink(LUCIE, url), 'no_address');
  });

  it('never logs an address, a subject or a body', () => {
    const logged = JSON.stringify(logger.lines);
    for (const secret of ['voisins.test', 'Bonjour', 'Tâche', 'La Maille']) {
      assert.ok(!logged.includes(secret), `"${secret}" logged`);
    }
  });
});

describe('e-mail without SMTP_URL', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase('mail_off');
  });
  after(() => database.dispose());

  it('says once that e-mail is off, sends nothing and still records urgent tasks', async () => {
    const logger = recordingLogger();
    const container = testContainer({
      db: database.db,
      clock: () => MONDAY_MORNING,
      logger,
      transport: { notify: () => Promise.resolve('sent') },
    });
    await container.ensureIndexes();
    await container.get('moderation').moderators.upsert(NADIA);

    await container.get('tasks').tasks.create({
      psid: '8000000007',
      reason: 'emergency',
      neighbourhood: 'La Maille 1',
    });

    assert.equal(logger.lines.filter((line) => line.message.startsWith('e-mail is off: SMTP_URL')).length, 1);
    assert.equal(await database.db.collection(MAIL_OUTBOX_COLLECTION).countDocuments(), 0);
    assert.equal(await database.db.collection(TASKS_COLLECTION).countDocuments({ reason: 'emergency' }), 1);
    assert.ok(
      logger.lines.some((line) => line.message === 'urgent task e-mailed' && line.fields?.outcome === 'off'),
    );
    assert.equal(await container.get('staffMailer').sendLoginLink(NADIA, 'https://x.test/l'), 'off');
  });
});
