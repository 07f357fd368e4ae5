/**
 * The console's map, coverage table and dashboard: read models on the real database
 * (coarsened points, scoping, counts) and the routes over real HTTP (a referent sees only
 * their neighbourhoods, the CSV holds no personal data).
 */
import assert from 'node:assert/strict';
import type { Db } from 'mongodb';
import { EntryFigures, EntryRepository, type NewEntry } from '../../services/entries';
import { blockCentre } from '../../services/places';
import { startConsoleApp, type ConsoleApp } from './support';

const REFERENT = '7200000001';
const ADMIN = '7200000002';
// In the future (2082 has 2026's weekdays): sessions and sign-in links carry a TTL index, and
// the engine deletes documents whose expiry is already past in real time, at any moment.
const NOW = new Date('2082-03-09T09:00:00Z');
const HOUR = 3_600_000;
/** A home in La Maille 1, off its block's centre. */
const HOME = { type: 'Point' as const, coordinates: [4.99912, 43.58957] as [number, number] };
const PHONE = '0612345678';

describe('console figures', function () {
  let app: ConsoleApp;
  let db: Db;

  before(async function () {
    app = await startConsoleApp({ clock: () => NOW });
    db = app.test.app.container.get('db');
    await app.addModerator({ psid: REFERENT, name: 'Nadia', quartiers: ['La Maille 1'] });
    await app.addModerator({ psid: ADMIN, name: 'Gérard', quartiers: [], role: 'admin' });
    const entries = new EntryRepository(db, () => new Date(NOW.getTime() - 48 * HOUR));
    const add = async (input: Partial<NewEntry>, publish = true) => {
      const entry = await entries.create({
        psid: '7299999001',
        kind: 'offer',
        category: 'groceries',
        description: `Je peux aider, appelez le ${PHONE}`,
        availability: 'le samedi',
        location: HOME,
        locationSource: 'address',
        addressText: '12 rue des Lilas',
        neighbourhood: 'La Maille 1',
        ...input,
      });
      if (publish) await entries.publish(entry._id);
      return entry;
    };
    // La Maille 1: groceries 1 offer / 2 needs (missing); pets 3 offers, 0 needs (repeated).
    await add({});
    const need = await add({ kind: 'need', psid: '7299999002' });
    await add({ kind: 'need', psid: '7299999003' });
    for (const psid of ['7299999004', '7299999005', '7299999006']) await add({ category: 'pets', psid });
    // Not shown: pending review, paused.
    await add({ kind: 'need', category: 'pharmacy' }, false);
    const paused = await add({ kind: 'need', category: 'pharmacy', psid: '7299999007' });
    await entries.pause(paused._id, '7299999007');
    // Another neighbourhood, and none at all.
    await add({
      neighbourhood: 'Centre-ville',
      category: 'homework',
      location: { type: 'Point', coordinates: [5.0017, 43.5833] },
    });
    await add({ neighbourhood: undefined, category: 'printing', kind: 'need' });
    // A match accepted 6 h after the need was created, in La Maille 1.
    await db.collection('matches').insertOne({
      needId: need._id,
      offerId: need._id,
      needPsid: '7299999002',
      offerPsid: '7299999001',
      category: 'groceries',
      distanceMeters: 0,
      status: 'accepted',
      createdAt: new Date(NOW.getTime() - 43 * HOUR),
      updatedAt: NOW,
      acceptedAt: new Date(NOW.getTime() - 42 * HOUR),
    });
    await db.collection('handoffs').insertMany([
      {
        psid: '7299999002',
        reason: 'asked_for_human',
        status: 'closed',
        summary: 'secret',
        transcript: [],
        neighbourhood: 'La Maille 1',
        createdAt: new Date(NOW.getTime() - 5 * HOUR),
        lastActivityAt: NOW,
        firstReplyAt: new Date(NOW.getTime() - 5 * HOUR + 20 * 60_000),
      },
      {
        psid: '7299999008',
        reason: 'asked_for_human',
        status: 'open',
        summary: 'secret',
        transcript: [],
        neighbourhood: 'Centre-ville',
        createdAt: new Date(NOW.getTime() - 2 * HOUR),
        lastActivityAt: NOW,
      },
    ]);
    await db
      .collection('tasks')
      .insertMany([
        task('no_match', 'La Maille 1', 'open'),
        task('asked_for_human', 'La Maille 1', 'done'),
        task('no_match', 'Centre-ville', 'open'),
      ]);
  });
  after(async function () {
    await app.stop();
  });

  function task(reason: string, neighbourhood: string, status: string) {
    return {
      psid: '7299999002',
      reason,
      category: 'groceries',
      neighbourhood,
      urgency: 'normal',
      status,
      words: 'aidez moi',
      contact: { phone: PHONE },
      createdAt: new Date(NOW.getTime() - HOUR),
      dueAt: NOW,
    };
  }

  describe('read models', function () {
    it('draws block centres, never a home, and only published entries not paused', async function () {
      const figures = app.test.app.container.get('figures');
      const data = await figures.map.map({ psid: ADMIN, name: 'G', role: 'admin', quartierKeys: [] });
      const [lon, lat] = blockCentre(HOME).coordinates;
      const maille = data.points.filter((point) => point.neighbourhood === 'la-maille-1');
      assert.ok(maille.length > 0);
      for (const point of maille) assert.deepEqual([point.lon, point.lat], [lon, lat]);
      assert.notDeepEqual([lon, lat], HOME.coordinates);
      assert.equal(data.points.filter((point) => point.category === 'pharmacy').length, 0);
      const count = (kind: string, category: string) =>
        maille.filter((p) => p.kind === kind && p.category === category).reduce((n, p) => n + p.count, 0);
      assert.equal(count('offer', 'groceries'), 1);
      assert.equal(count('need', 'groceries'), 2);
      assert.equal(count('offer', 'pets'), 3);
      assert.ok(
        data.points.some((point) => point.neighbourhood === ''),
        'admins see entries without a neighbourhood',
      );
    });

    it('rounds to its block a point stored before blocks', async function () {
      const legacy = { type: 'Point' as const, coordinates: [4.99123, 43.58432] as [number, number] };
      const { insertedId } = await db.collection('entries').insertOne({
        psid: '7299999099',
        kind: 'need',
        category: 'transport',
        description: 'Ancienne annonce',
        neighbourhood: 'Ancien quartier',
        location: legacy,
        status: 'published',
        flags: [],
        createdAt: NOW,
        updatedAt: NOW,
      });
      try {
        const cells = (await new EntryFigures(db).openCells()).filter(
          (cell) => cell.neighbourhood === 'Ancien quartier',
        );
        const [lon, lat] = blockCentre(legacy).coordinates;
        assert.deepEqual(cells, [
          { kind: 'need', category: 'transport', neighbourhood: 'Ancien quartier', lat, lon, count: 1 },
        ]);
      } finally {
        await db.collection('entries').deleteOne({ _id: insertedId });
      }
    });

    it('keeps a referent to their neighbourhoods and marks what is missing or repeated', async function () {
      const figures = app.test.app.container.get('figures');
      const staff = { psid: REFERENT, name: 'N', role: 'moderator' as const, quartierKeys: ['la-maille-1'] };
      const data = await figures.map.map(staff);
      assert.deepEqual([...new Set(data.points.map((point) => point.neighbourhood))], ['la-maille-1']);
      const coverage = await figures.map.coverage(staff);
      assert.deepEqual(
        coverage.rows.map((row) => row.key),
        ['la-maille-1'],
      );
      const row = coverage.rows[0];
      assert.deepEqual(row.cells.groceries, { offers: 1, needs: 2, state: 'missing' });
      assert.deepEqual(row.cells.pets, { offers: 3, needs: 0, state: 'repeated' });
      assert.equal(row.cells.homework.state, 'empty');
    });

    it("counts the week's figures with medians, scoped", async function () {
      const figures = app.test.app.container.get('figures');
      const admin = await figures.week.week({ psid: ADMIN, name: 'G', role: 'admin', quartierKeys: [] }, NOW);
      assert.equal(admin.total.needs, 5);
      assert.equal(admin.total.offers, 5);
      assert.equal(admin.total.matches, 1);
      assert.equal(admin.total.medianMatchMs, 6 * HOUR);
      assert.equal(admin.total.handovers, 2);
      assert.equal(admin.total.handoversAnswered, 1);
      assert.equal(admin.total.medianFirstAnswerMs, 20 * 60_000);
      assert.equal(admin.total.tasks, 3);
      assert.equal(admin.total.tasksOpen, 2);
      const referent = await figures.week.week(
        { psid: REFERENT, name: 'N', role: 'moderator', quartierKeys: ['la-maille-1'] },
        NOW,
      );
      assert.deepEqual(
        referent.byNeighbourhood.map((row) => row.key),
        ['la-maille-1'],
      );
      assert.equal(referent.total.handovers, 1);
      assert.equal(referent.total.tasks, 2);
      assert.equal(referent.total.offers, 4);
    });
  });

  describe('over HTTP', function () {
    it("serves a referent's map data for their neighbourhood only, without personal data", async function () {
      const browser = await app.signedIn(REFERENT);
      const response = await browser.get('/console/carte/donnees');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      const text = await response.text();
      const data = JSON.parse(text) as { points: { neighbourhood: string }[] };
      assert.ok(data.points.length > 0);
      assert.ok(data.points.every((point) => point.neighbourhood === 'la-maille-1'));
      for (const secret of ['7299999', PHONE, 'Lilas', 'samedi', String(HOME.coordinates[0])]) {
        assert.ok(!text.includes(secret), `map data must not hold ${secret}`);
      }
      const filtered = JSON.parse(
        await (await browser.get('/console/carte/donnees?categorie=pets')).text(),
      ) as {
        points: { category: string }[];
      };
      assert.ok(filtered.points.length > 0 && filtered.points.every((point) => point.category === 'pets'));
    });

    it('renders the map page with its coverage table and its scripts from the bot', async function () {
      const browser = await app.signedIn(REFERENT);
      const response = await browser.get('/console/carte');
      assert.equal(response.status, 200);
      const html = await response.text();
      assert.match(html, /Carte des offres et des demandes/);
      assert.match(html, /src="\/console\/static\/leaflet\.js"/);
      assert.match(html, /data-state="missing"[^>]*>1 \/ 2/);
      assert.doesNotMatch(html, /Centre-ville<\/th>/, 'another neighbourhood has no row');
      assert.doesNotMatch(html, /<script>/, 'no inline script');
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      const leaflet = await browser.get('/console/static/leaflet.js');
      assert.equal(leaflet.status, 200);
      assert.match(leaflet.headers.get('content-type') ?? '', /javascript/);
      const script = await browser.get('/console/static/figures-map.js');
      assert.equal(script.status, 200);
    });

    it('renders the dashboard and exports its figures as CSV without personal data', async function () {
      const browser = await app.signedIn(ADMIN);
      const page = await browser.get('/console/tableau');
      assert.equal(page.status, 200);
      const html = await page.text();
      assert.match(html, /Tableau de bord/);
      assert.match(html, /data-figure="medianMatch">6 h 00/);
      assert.match(html, /id="table-neighbourhood"/);
      const csv = await browser.get('/console/tableau/export.csv');
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      assert.match(
        csv.headers.get('content-disposition') ?? '',
        /^attachment; filename="chiffres-semaine-2082-03-09\.csv"$/,
      );
      const body = await csv.text();
      const lines = body.trim().split('\r\n');
      assert.match(lines[0], /^axe,clé,libellé,du,au,demandes,offres/);
      assert.match(body, /^total,all,total,2082-03-02,2082-03-09,5,5,1,360,2,1,20,3,2$/m);
      assert.match(body, /^quartier,la-maille-1,La Maille 1,/m);
      for (const secret of ['7299999', '7200000', PHONE, 'Lilas', 'samedi', 'secret', 'aidez']) {
        assert.ok(!body.includes(secret), `CSV must not hold ${secret}`);
      }
    });

    it("keeps a referent's CSV to their neighbourhoods and shows no weekly report", async function () {
      const browser = await app.signedIn(REFERENT);
      const body = await (await browser.get('/console/tableau/export.csv')).text();
      assert.doesNotMatch(body, /Centre-ville/);
      assert.match(body, /^total,all,total,2082-03-02,2082-03-09,4,4,1,360,1,1,20,2,1$/m);
      const html = await (await browser.get('/console/tableau')).text();
      assert.doesNotMatch(html, /Bilans hebdomadaires/);
    });
  });
});
