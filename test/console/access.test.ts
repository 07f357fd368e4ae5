/**
 * The console's access rules over real HTTP: sign-in links (once, 15 minutes, moderators
 * only), sessions, CSRF, the admins' pages, the security headers.
 */
import assert from 'node:assert/strict';
import { ErrorCode } from '../../services/errors';
import { ModerationError } from '../../services/moderation';
import { startConsoleApp, type ConsoleApp } from './support';

const REFERENT = '7100000001';
const ADMIN = '7100000002';
const RESIDENT = '7100000009';

describe('console access', function () {
  let app: ConsoleApp;
  // In the future (2082 has 2026's weekdays): sessions and sign-in links carry a TTL index, and
  // the engine deletes documents whose expiry is already past in real time, at any moment.
  let now = new Date('2082-03-02T09:00:00Z');

  before(async function () {
    app = await startConsoleApp({ clock: () => now });
    await app.addModerator({ psid: REFERENT, name: 'Nadia', quartiers: ['La Maille 1'] });
    await app.addModerator({ psid: ADMIN, name: 'Gérard', quartiers: [], role: 'admin' });
  });
  after(async function () {
    await app.stop();
  });

  it('answers the sign-in page, in French, without a session', async function () {
    const response = await app.client().get('/console/');
    assert.equal(response.status, 401);
    const html = await response.text();
    assert.match(html, /Connexion à la console/);
    assert.match(html, /Ouvrir la console/);
  });

  it('signs a referent in with a link, once, with a strict cookie', async function () {
    const token = await app.token(REFERENT);
    const browser = app.client();
    const opened = await browser.get(`/console/lien/${token}`);
    assert.equal(opened.status, 200, 'opening the link does not use it');
    const response = await browser.post('/console/lien', { token }, { csrf: null });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/console/');
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.doesNotMatch(cookie, /Secure/, 'http public URL: no Secure flag');
    const page = await browser.get('/console/');
    assert.equal(page.status, 200);
    assert.match(await browser.read(page), /À traiter/);

    const again = await app.client().post('/console/lien', { token }, { csrf: null });
    assert.equal(again.status, 410);
    assert.match(await again.text(), /déjà servi/);
  });

  it('refuses an expired link and an unknown one', async function () {
    const token = await app.token(REFERENT);
    now = new Date(now.getTime() + 16 * 60_000);
    const expired = await app.client().post('/console/lien', { token }, { csrf: null });
    assert.equal(expired.status, 410);
    assert.match(await expired.text(), /expiré/);
    const unknown = await app.client().post('/console/lien', { token: 'x'.repeat(43) }, { csrf: null });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /pas valable/);
  });

  it("gives no link for a resident's psid", async function () {
    await assert.rejects(
      () => app.token(RESIDENT),
      (error: unknown) => error instanceof ModerationError && error.code === ErrorCode.NotModerator,
    );
  });

  it('sends the security headers on every console page', async function () {
    const response = await app.client().get('/console/connexion');
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const css = await app.client().get('/console/static/console.css');
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
  });

  it('signs out: the session no longer opens a page, the form needs its CSRF token', async function () {
    const browser = await app.signedIn(REFERENT);
    const forged = await browser.post('/console/deconnexion', {}, { csrf: 'forged' });
    assert.equal(forged.status, 403);
    assert.equal((await browser.get('/console/')).status, 200, 'a forged sign-out does nothing');
    const session = browser.cookie;
    const out = await browser.post('/console/deconnexion', {});
    assert.equal(out.status, 200);
    assert.match(await out.text(), /déconnecté/);
    browser.cookie = session;
    assert.equal((await browser.get('/console/')).status, 401);
  });
});
