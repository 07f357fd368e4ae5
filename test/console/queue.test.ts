/**
 * "À traiter" over real HTTP: what a referent and an admin see (their neighbourhoods, most
 * urgent first, then oldest), and the actions changing the stored state through the same use
 * cases as the Messenger tools, each needing the session's CSRF token.
 */
import assert from 'node:assert/strict';
import { newEntry } from '../services/support';
import { startConsoleApp, type ConsoleApp } from './support';

const REFERENT = '7200000001';
const OTHER_REFERENT = '7200000003';
const ADMIN = '7200000002';
const MAILLE = '7200000101';
const CENTRE = '7200000102';
const HELPER = '7200000103';

describe('console queue', function () {
  let app: ConsoleApp;
  // In the future (2082 has 2026's weekdays): sessions and sign-in links carry a TTL index, and
  // the engine deletes documents whose expiry is already past in real time, at any moment.
  let now = new Date('2082-03-02T09:00:00Z');
  const minutes = (count: number) => {
    now = new Date(now.getTime() + count * 60_000);
  };

  before(async function () {
    app = await startConsoleApp({ clock: () => now });
    await app.addModerator({ psid: REFERENT, name: 'Nadia', quartiers: ['La Maille 1'] });
    await app.addModerator({ psid: OTHER_REFERENT, name: 'Karim', quartiers: ['Centre-ville'] });
    await app.addModerator({ psid: ADMIN, name: 'Gérard', quartiers: [], role: 'admin' });
  });
  after(async function () {
    await app.stop();
  });

  const tasks = () => app.test.app.container.get('tasks').tasks;

  it("lists the referent's neighbourhood, urgent first then oldest, with how long each waited", async function () {
    const old = await tasks().create({
      psid: MAILLE,
      reason: 'no_match',
      neighbourhood: 'La Maille 1',
      words: 'courses',
    });
    minutes(30);
    const elsewhere = await tasks().create({
      psid: CENTRE,
      reason: 'asked_for_human',
      neighbourhood: 'Centre-ville',
    });
    minutes(60);
    const urgent = await tasks().create({ psid: MAILLE, reason: 'emergency', neighbourhood: 'la-maille-1' });
    minutes(5);
    const entry = await app.test.app.container
      .get('entryRepository')
      .create(newEntry({ psid: HELPER, neighbourhood: 'La Maille 1', description: 'Je bricole le samedi.' }));
    minutes(120);

    const referent = await app.signedIn(REFERENT);
    const html = await referent.read(await referent.get('/console/'));
    const order = [
      ...html.matchAll(/id="(task|entry|handover|testimonial|undelivered)-([0-9a-f]{24})"/g),
    ].map((match) => match[2]);
    assert.deepEqual(order, [
      urgent.task._id.toHexString(),
      old.task._id.toHexString(),
      entry._id.toHexString(),
    ]);
    assert.ok(!html.includes(elsewhere.task._id.toHexString()), "another neighbourhood's task is not listed");
    assert.match(html, /attend depuis 3 h/);
    assert.match(html, /attend depuis 2 h/);

    const admin = await app.signedIn(ADMIN);
    const all = await admin.read(await admin.get('/console/'));
    assert.ok(all.includes(elsewhere.task._id.toHexString()), 'the admin sees every neighbourhood');
  });

  it('takes a task and ends it with an outcome; a task of another neighbourhood is 404', async function () {
    const { task } = await tasks().create({
      psid: MAILLE,
      reason: 'offline_resident_step',
      neighbourhood: 'La Maille 1',
      contact: { phone: '06 12 34 56 78' },
    });
    const id = task._id.toHexString();
    const referent = await app.signedIn(REFERENT);
    const noCsrf = await referent.post(`/console/taches/${id}/prendre`, {}, { csrf: null });
    assert.equal(noCsrf.status, 403);
    assert.equal((await tasks().get(id))?.status, 'open', 'nothing happens without the CSRF token');

    const taken = await referent.post(`/console/taches/${id}/prendre`, {});
    assert.equal(taken.status, 303);
    assert.equal(taken.headers.get('location'), '/console/?fait=taskTaken');
    assert.equal((await tasks().get(id))?.takenBy, REFERENT);

    const call = await referent.post(`/console/taches/${id}/appeler`, {});
    assert.equal(call.status, 200);
    assert.match(await call.text(), /06 12 34 56 78/);
    const audit = app.test.database.db.collection('audit');
    assert.equal(
      await audit.countDocuments({ actor: REFERENT, action: 'contact.reveal', 'target.id': id }),
      1,
    );

    const admin = await app.signedIn(ADMIN);
    assert.equal(
      (await admin.post(`/console/taches/${id}/appeler`, {})).status,
      409,
      'only the one who took it',
    );

    const finished = await referent.post(`/console/taches/${id}/terminer`, {
      outcome: 'reached',
      note: 'rappelé',
    });
    assert.equal(finished.status, 303);
    const stored = await tasks().get(id);
    assert.equal(stored?.status, 'done');
    assert.equal(stored?.outcome, 'reached');

    const { task: far } = await tasks().create({
      psid: CENTRE,
      reason: 'no_match',
      neighbourhood: 'Centre-ville',
    });
    const refused = await referent.post(`/console/taches/${far._id.toHexString()}/prendre`, {});
    assert.equal(refused.status, 404);
    assert.equal((await tasks().get(far._id))?.status, 'open');
  });

  it('publishes an entry and refuses another with a reason, both audited', async function () {
    const repository = app.test.app.container.get('entryRepository');
    const published = await repository.create(newEntry({ psid: HELPER, neighbourhood: 'La Maille 1' }));
    const refused = await repository.create(newEntry({ psid: HELPER, neighbourhood: 'La Maille 1' }));
    const referent = await app.signedIn(REFERENT);
    assert.equal(
      (await referent.post(`/console/annonces/${published._id.toHexString()}/publier`, {})).status,
      303,
    );
    assert.equal((await repository.get(published._id))?.status, 'published');
    const bad = await referent.post(`/console/annonces/${refused._id.toHexString()}/refuser`, {
      reason: 'nope',
    });
    assert.equal(bad.status, 400);
    const ok = await referent.post(`/console/annonces/${refused._id.toHexString()}/refuser`, {
      reason: 'payant',
    });
    assert.equal(ok.status, 303);
    assert.equal((await repository.get(refused._id))?.status, 'closed');
    const audit = app.test.database.db.collection('audit');
    assert.equal(
      await audit.countDocuments({ actor: REFERENT, action: { $in: ['entry.approve', 'entry.reject'] } }),
      2,
    );
    const again = await referent.post(`/console/annonces/${published._id.toHexString()}/publier`, {});
    assert.equal(again.status, 404, 'no longer in the list');
  });

  it('shows a hand-over with its transcript and the inbox link; takes and closes it', async function () {
    const moderation = app.test.app.container.get('moderation');
    const { handover } = await moderation.handovers.openOrReuse(
      {
        psid: MAILLE,
        reason: 'asked_for_human',
        summary: 'veut parler a quelqu un',
        neighbourhood: 'La Maille 1',
      },
      now,
    );
    await moderation.handovers.append(MAILLE, {
      from: 'resident',
      at: now,
      text: 'bonjour je voudrais un humain',
    });
    const id = handover._id.toHexString();
    const referent = await app.signedIn(REFERENT);
    const html = await referent.read(await referent.get('/console/'));
    assert.match(html, /bonjour je voudrais un humain/);
    assert.match(html, /href="https:\/\/business\.facebook\.com\/latest\/inbox"/);
    assert.equal((await referent.post(`/console/relais/${id}/prendre`, {})).status, 303);
    assert.equal((await moderation.handovers.get(id))?.status, 'taken');
    assert.equal((await referent.post(`/console/relais/${id}/clore`, {})).status, 303);
    assert.equal((await moderation.handovers.get(id))?.status, 'closed');
  });

  it("answers 404 to actions on another neighbourhood's entry, hand-over or undelivered notice", async function () {
    const { container } = app.test.app;
    const moderation = container.get('moderation');
    const repository = container.get('entryRepository');
    const entry = await repository.create(newEntry({ psid: HELPER, neighbourhood: 'Centre-ville' }));
    const { handover } = await moderation.handovers.openOrReuse(
      { psid: CENTRE, reason: 'asked_for_human', summary: 'au centre', neighbourhood: 'Centre-ville' },
      now,
    );
    const { task: notice } = await tasks().create({
      psid: OTHER_REFERENT,
      reason: 'undelivered_notice',
      neighbourhood: 'La Maille 1',
    });
    const referent = await app.signedIn(REFERENT);
    for (const path of [
      `/console/annonces/${entry._id.toHexString()}/publier`,
      `/console/annonces/${entry._id.toHexString()}/refuser`,
      `/console/relais/${handover._id.toHexString()}/prendre`,
      `/console/relais/${handover._id.toHexString()}/clore`,
      `/console/taches/${notice._id.toHexString()}/prendre`,
      '/console/taches/not-an-id/prendre',
    ]) {
      assert.equal((await referent.post(path, { reason: 'payant' })).status, 404, path);
    }
    assert.equal((await repository.get(entry._id))?.status, 'pending_review');
    assert.equal((await moderation.handovers.get(handover._id))?.status, 'open');
    assert.equal((await tasks().get(notice._id))?.status, 'open');

    const other = await app.signedIn(OTHER_REFERENT);
    assert.equal((await other.post(`/console/relais/${handover._id.toHexString()}/prendre`, {})).status, 303);
    assert.equal((await moderation.handovers.get(handover._id))?.status, 'taken');
  });

  it('reads an undelivered notice acted on by its id: out of scope 404, handled once, then 404', async function () {
    const { container } = app.test.app;
    const undelivered = container.get('moderation').undelivered;
    const entry = await container
      .get('entryRepository')
      .create(newEntry({ psid: HELPER, neighbourhood: 'Centre-ville' }));
    // Older notices first in the list: this one would be past a list's first page.
    for (let i = 0; i < 3; i += 1) await undelivered.queueForModerators(`72000009${i}`, 'other', 'refused');
    await undelivered.queueForModerators(HELPER, 'other', 'refused', { ref: entry._id.toHexString() });

    const ref = entry._id.toHexString();
    const [waiting] = (await undelivered.pending(500)).filter((message) => message.ref === ref);
    const id = waiting._id?.toHexString() ?? '';
    const referent = await app.signedIn(REFERENT);
    assert.equal(
      (await referent.post(`/console/non-remis/${id}/transmis`, {})).status,
      404,
      'another neighbourhood',
    );
    assert.equal((await referent.post('/console/non-remis/not-an-id/transmis', {})).status, 404);
    const admin = await app.signedIn(ADMIN);
    assert.equal((await admin.post(`/console/non-remis/${id}/transmis`, {})).status, 303);
    assert.equal(await undelivered.pendingById(id), null, 'handled');
    assert.equal((await admin.post(`/console/non-remis/${id}/transmis`, {})).status, 404, 'handled already');
  });

  it('keeps testimonials to the admins', async function () {
    const testimonials = app.test.app.container.get('testimonials');
    const testimonial = await testimonials.create({
      psid: MAILLE,
      text: 'Merci a ma voisine pour les courses',
      signature: { kind: 'anonymous' },
      consentVersion: 'testimonial-v1',
    });
    const id = testimonial._id.toHexString();
    const referent = await app.signedIn(REFERENT);
    assert.ok(!(await referent.read(await referent.get('/console/'))).includes(id));
    assert.equal((await referent.post(`/console/temoignages/${id}/approuver`, {})).status, 403);
    const admin = await app.signedIn(ADMIN);
    assert.ok((await admin.read(await admin.get('/console/'))).includes(id));
    assert.equal((await admin.post(`/console/temoignages/${id}/approuver`, {})).status, 303);
    assert.equal((await testimonials.get(id))?.status, 'approved');
  });
});
