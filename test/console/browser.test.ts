/**
 * The console in a real browser (Debian's Chromium, headless, driven by playwright-core):
 * sign in with a one-time link, take a task, publish an entry, read the map and the figures,
 * find a resident who phones, sign out. Screenshots go to
 * `test-artifacts/console/` (gitignored). Skipped only when /usr/bin/chromium is absent (CI
 * installs it: see .ci/run).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { newEntry } from '../services/support';
import { startConsoleApp, type ConsoleApp } from './support';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'console');
const REFERENT = '7400000001';
const RESIDENT = '7400000101';
const HELPER = '7400000102';
const OFFLINE = 'offline:7a7b7c7d7e7f7071';

describe('console in a real browser', function () {
  this.timeout(120_000);
  let app: ConsoleApp;
  let browser: BrowserContext;
  let profile: string;

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      // eslint-disable-next-line no-console
      console.warn(`skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
      this.skip();
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
    app = await startConsoleApp();
    await app.addModerator({ psid: REFERENT, name: 'Nadia', quartiers: ['La Maille 1'] });
    // A fresh profile directory: playwright passes it as --user-data-dir.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      viewport: { width: 390, height: 844 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  after(async function () {
    await browser?.close();
    await app?.stop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('signs in with a link, takes a task, publishes an entry, reads the map and the figures, and signs out', async function () {
    const { container } = app.test.app;
    const { task } = await container.get('tasks').tasks.create({
      psid: RESIDENT,
      reason: 'offline_resident_step',
      neighbourhood: 'La Maille 1',
      words: 'ma voisine voudrait qu on l appelle',
    });
    const entry = await container
      .get('entryRepository')
      .create(
        newEntry({ psid: HELPER, neighbourhood: 'La Maille 1', description: 'Je peux arroser les plantes.' }),
      );
    // Someone without Messenger, whom a referent registered: they phone, the referent finds them.
    const residents = container.get('residents');
    await residents.recordStorageConsent(OFFLINE, {
      given: true,
      at: new Date(),
      version: 'v1',
      via: 'phone',
    });
    await residents.setContact(OFFLINE, { channels: ['phone'], phone: '06 45 67 89 12' });
    await residents.setOfflineProfile(OFFLINE, {
      name: 'Jeanne Martin',
      addressAs: 'Mme Martin',
      registeredBy: REFERENT,
      neighbourhood: 'La Maille 1',
    });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });

    await page.goto(`${app.test.baseUrl}/console/lien/${await app.token(REFERENT)}`);
    await shot(page, '1-link');
    await page.getByRole('button', { name: 'Ouvrir la console' }).click();
    await page.waitForURL(/\/console\/$/);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'À traiter');
    await shot(page, '2-queue');

    await page
      .locator(`#task-${task._id.toHexString()}`)
      .getByRole('button', { name: "Je m'en occupe" })
      .click();
    await page.waitForURL(/fait=taskTaken/);
    assert.match((await page.getByRole('status').textContent()) ?? '', /vous vous occupez/);
    assert.equal((await container.get('tasks').tasks.get(task._id))?.takenBy, REFERENT);
    await shot(page, '3-task-taken');

    await page.locator(`#entry-${entry._id.toHexString()}`).getByRole('button', { name: 'Publier' }).click();
    await page.waitForURL(/fait=entryPublished/);
    assert.equal((await container.get('entryRepository').get(entry._id))?.status, 'published');
    await shot(page, '4-entry-published');

    // The map draws the town, its neighbourhoods and the offer just published (a block's
    // centre, never a home), with the coverage table beside it.
    await page.goto(`${app.test.baseUrl}/console/carte`);
    await page.locator('#figures-map .leaflet-interactive').first().waitFor();
    assert.ok((await page.locator('#figures-map .leaflet-interactive').count()) >= 2);
    const coverage = (await page.locator('table.coverage').textContent()) ?? '';
    assert.match(coverage, /La Maille 1/);
    await shot(page, '5-map');

    await page.goto(`${app.test.baseUrl}/console/tableau`);
    await page.locator('canvas#chart-category').waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).count(), 1);
    await shot(page, '6-dashboard');

    await page.goto(`${app.test.baseUrl}/console/residents`);
    await page.getByLabel('Nom ou numéro de téléphone').fill('+33 6 45 67 89 12');
    await page.getByRole('button', { name: 'Chercher' }).click();
    const found = page.getByRole('link', { name: 'Ouvrir la fiche de Jeanne Martin' });
    await found.waitFor();
    await shot(page, '7-search');
    await found.click();
    await page.waitForURL(/depuis=recherche/);
    assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /Jeanne Martin/);
    await shot(page, '8-resident-found');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByText('Vous êtes déconnecté(e)').waitFor();
    await shot(page, '9-signed-out');
    assert.deepEqual(errors, [], 'no error in the browser console (CSP included)');
    const after = await page.goto(`${app.test.baseUrl}/console/`);
    assert.equal(after?.status(), 401);
    await page.close();
  });
});
