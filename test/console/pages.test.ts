/**
 * The resident's page and the admins' referents page over real HTTP: who may open them,
 * what they show (never an address or a phone), and the audit of every view.
 */
import assert from 'node:assert/strict';
import { newEntry } from '../services/support';
import { startConsoleApp, type ConsoleApp } from './support';

const REFERENT = '7300000001';
const OTHER_REFERENT = '7300000003';
const ADMIN = '7300000002';
const MAILLE = '7300000101';
const CENTRE = '7300000102';

describe('console pages', function () {
  let app: ConsoleApp;

  before(async function () {
    app = await startConsoleApp();
    await app.addModerator({ psid: REFERENT, name: 'Nadia', quartiers: ['La Maille 1'] });
    await app.addModerator({ psid: OTHER_REFERENT, name: 'Karim', quartiers: ['Centre-ville'] });
    await app.addModerator({ psid: ADMIN, name: 'Gérard', quartiers: [], role: 'admin' });
    const entries = app.test.app.container.get('entryRepository');
    await entries.create(
      newEntry({
        psid: MAILLE,
        kind: 'need',
        neighbourhood: 'La Maille 1',
        description: 'besoin d aide pour porter les courses',
        addressText: '12 rue des Lilas',
      }),
    );
    await entries.create(newEntry({ psid: CENTRE, neighbourhood: 'Centre-ville' }));
    const residents = app.test.app.container.get('residents');
    await residents.recordStorageConsent(MAILLE, {
      given: true,
      at: new Date(),
      version: 'storage-v1',
      via: 'messenger',
    });
    await residents.setContact(MAILLE, { channels: ['phone'], phone: '0611223344' });
  });
  after(async function () {
    await app.stop();
  });

  it("opens a resident of the referent's neighbourhood, audited, without address or phone", async function () {
    const referent = await app.signedIn(REFERENT);
    const response = await referent.get(`/console/residents/${MAILLE}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /besoin d aide pour porter les courses/);
    assert.doesNotMatch(html, /Lilas/);
    assert.doesNotMatch(html, /0611223344/);
    const audit = app.test.database.db.collection('audit');
    assert.equal(
      await audit.countDocuments({ actor: REFERENT, action: 'resident.view', 'target.id': MAILLE }),
      1,
    );
  });

  it('answers 403 for a resident of another neighbourhood, and nothing is audited', async function () {
    const referent = await app.signedIn(REFERENT);
    const response = await referent.get(`/console/residents/${CENTRE}`);
    assert.equal(response.status, 403);
    assert.match(await response.text(), /Accès refusé/);
    const audit = app.test.database.db.collection('audit');
    assert.equal(await audit.countDocuments({ action: 'resident.view', 'target.id': CENTRE }), 0);
    const admin = await app.signedIn(ADMIN);
    assert.equal((await admin.get(`/console/residents/${CENTRE}`)).status, 200);
  });

  it('answers 404 for an unknown resident and the sign-in page without a session', async function () {
    const referent = await app.signedIn(REFERENT);
    assert.equal((await referent.get('/console/residents/7399999999')).status, 404);
    assert.equal((await referent.get('/console/residents/abc')).status, 404);
    assert.equal((await app.client().get(`/console/residents/${MAILLE}`)).status, 401);
  });

  it('keeps the referents page and deactivation to admins', async function () {
    const referent = await app.signedIn(REFERENT);
    assert.equal((await referent.get('/console/referents')).status, 403);
    assert.equal((await referent.post(`/console/referents/${OTHER_REFERENT}/desactiver`, {})).status, 403);
    const admin = await app.signedIn(ADMIN);
    const page = await admin.read(await admin.get('/console/referents'));
    assert.match(page, /Karim/);
    assert.equal(
      (await admin.post(`/console/referents/${OTHER_REFERENT}/desactiver`, {}, { csrf: null })).status,
      403,
    );
    const other = await app.signedIn(OTHER_REFERENT);
    assert.equal((await admin.post(`/console/referents/${OTHER_REFERENT}/desactiver`, {})).status, 303);
    const moderators = app.test.app.container.get('moderation').moderators;
    assert.equal((await moderators.get(OTHER_REFERENT))?.active, false);
    assert.equal((await other.get('/console/')).status, 401, 'a deactivated referent is out at once');
    await assert.rejects(() => app.token(OTHER_REFERENT));
  });
});
