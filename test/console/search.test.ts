/**
 * "Trouver un voisin" over real HTTP: a referent finds a resident who phones by the name a
 * referent registered them with or by their number however it is written, only in their own
 * neighbourhoods (admins: all), never sees the phone in the results, and each page opened
 * from a result is audited.
 */
import assert from 'node:assert/strict';
import { nationalDigits, readResidentQuery } from '../../services/residents';
import { newEntry } from '../services/support';
import { startConsoleApp, type ConsoleApp } from './support';

const REFERENT = '7200000001';
const OTHER_REFERENT = '7200000003';
const ADMIN = '7200000002';
const JEANNE = 'offline:0a1b2c3d4e5f6a7b';
const HELENE = 'offline:1a2b3c4d5e6f7a8b';
const MESSENGER = '7200000201';
// In the future (2082 has 2026's weekdays): sessions and sign-in links carry a TTL index, and
// the engine deletes documents whose expiry is already past in real time, at any moment.
const NOW = new Date('2082-03-02T09:00:00Z');

describe('console resident search', function () {
  let app: ConsoleApp;

  before(async function () {
    app = await startConsoleApp({ clock: () => NOW });
    await app.addModerator({ psid: REFERENT, name: 'Nadia', quartiers: ['La Maille 1'] });
    await app.addModerator({ psid: OTHER_REFERENT, name: 'Karim', quartiers: ['Centre-ville'] });
    await app.addModerator({ psid: ADMIN, name: 'Gérard', quartiers: [], role: 'admin' });
    const residents = app.test.app.container.get('residents');
    const consent = { given: true, at: NOW, version: 'storage-v1', via: 'phone' as const };
    const register = async (
      psid: string,
      name: string,
      addressAs: string,
      neighbourhood: string,
      phone: string,
    ) => {
      await residents.recordStorageConsent(psid, consent);
      await residents.setContact(psid, { channels: ['phone'], phone });
      await residents.setOfflineProfile(psid, { name, addressAs, registeredBy: REFERENT, neighbourhood });
    };
    await register(JEANNE, 'Jeanne Martin', 'Mme Martin', 'La Maille 1', '06 45 67 89 12');
    await register(HELENE, 'Hélène Dupré', 'Mme Dupré', 'Centre-ville', '+33 6 98 76 54 32');
    // On Messenger, known in La Maille 1 by their offer.
    await residents.recordStorageConsent(MESSENGER, { ...consent, via: 'messenger' });
    await residents.setContact(MESSENGER, { channels: ['page', 'phone'], phone: '0611223344' });
    await app.test.app.container
      .get('entryRepository')
      .create(newEntry({ psid: MESSENGER, neighbourhood: 'La Maille 1' }));
  });
  after(async function () {
    await app.stop();
  });

  const search = async (psid: string, typed: string): Promise<string> => {
    const client = await app.signedIn(psid);
    const response = await client.get(`/console/residents?q=${encodeURIComponent(typed)}`);
    assert.equal(response.status, 200);
    return client.read(response);
  };

  it('reads French phone numbers in their usual forms as one number', function () {
    for (const typed of [
      '06 12 34 56 78',
      '0612345678',
      '+33612345678',
      '+33 6 12 34 56 78',
      '0033 6 12 34 56 78',
    ]) {
      assert.equal(nationalDigits(typed), '612345678', typed);
      assert.deepEqual(readResidentQuery(typed), { kind: 'phone', digits: '612345678' }, typed);
    }
    assert.deepEqual(readResidentQuery('+33 (0)6 12 34 56 78'), { kind: 'phone', digits: '612345678' });
    assert.deepEqual(readResidentQuery(' jeanne  martin '), { kind: 'name', text: 'jeanne martin' });
    assert.equal(readResidentQuery('06 1'), null);
    assert.equal(readResidentQuery('j'), null);
  });

  it("finds a referent's resident by name, accents and capitals aside, and not another neighbourhood's", async function () {
    const html = await search(REFERENT, 'jeanne');
    assert.match(html, /Jeanne Martin/);
    assert.match(html, /Mme Martin/);
    assert.ok(html.includes(`/console/residents/${encodeURIComponent(JEANNE)}?depuis=recherche`));
    assert.ok(!html.includes('06 45 67 89 12'), 'the phone is never listed');
    const elsewhere = await search(REFERENT, 'helene');
    assert.ok(!elsewhere.includes('Dupré'), "another neighbourhood's resident is not listed");
    assert.match(elsewhere, /Aucun voisin trouvé dans vos quartiers/);
    assert.match(await search(OTHER_REFERENT, 'DUPRE'), /Hélène Dupré/);
    assert.match(await search(ADMIN, 'hélène'), /Hélène Dupré/);
  });

  it('finds a resident by their number written any way, within scope', async function () {
    for (const typed of ['+33645678912', '06.45.67.89.12', '0033 6 45 67 89 12', '06 45 67']) {
      assert.match(await search(REFERENT, typed), /Jeanne Martin/, typed);
    }
    assert.ok((await search(REFERENT, '06 11 22 33 44')).includes(`/console/residents/${MESSENGER}?`));
    const far = await search(REFERENT, '06 98 76 54 32');
    assert.ok(!far.includes('Dupré'));
    assert.ok(!far.includes(encodeURIComponent(HELENE)));
    assert.match(await search(ADMIN, '0698765432'), /Hélène Dupré/);
    assert.match(await search(REFERENT, '06 1'), /Tapez au moins 2 lettres ou 6 chiffres/);
  });

  it('audits each page opened from a result; another neighbourhood stays closed', async function () {
    const referent = await app.signedIn(REFERENT);
    const page = await referent.get(`/console/residents/${encodeURIComponent(JEANNE)}?depuis=recherche`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Jeanne Martin/);
    const audit = app.test.database.db.collection('audit');
    assert.equal(
      await audit.countDocuments({
        actor: REFERENT,
        action: 'resident.view',
        'target.id': JEANNE,
        detail: 'search',
      }),
      1,
    );
    const closed = await referent.get(`/console/residents/${encodeURIComponent(HELENE)}`);
    assert.equal(closed.status, 403);
    assert.equal(await audit.countDocuments({ actor: REFERENT, 'target.id': HELENE }), 0);
  });
});
