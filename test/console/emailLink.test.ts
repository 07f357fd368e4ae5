/**
 * Signing in to the console with a link received by e-mail: the sign-in page's form, a
 * local SMTP server, and the link followed over real HTTP. The page answers the same for
 * any address, so it never tells who is a referent.
 */
import assert from 'node:assert/strict';
import { startSmtpServer, type TestSmtpServer } from '../mail/smtpServer';
import { startConsoleApp, type ConsoleApp } from './support';

const REFERENT = '3100000000000001';

describe('console: a sign-in link by e-mail', function () {
  this.timeout(60_000);
  let smtp: TestSmtpServer;
  let consoleApp: ConsoleApp;
  before(async () => {
    smtp = await startSmtpServer();
    consoleApp = await startConsoleApp({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Voisins Solidaires <bot@voisins.test>',
        PUBLIC_URL: 'http://127.0.0.1:9',
      },
    });
    await consoleApp.addModerator({
      psid: REFERENT,
      name: 'Nadia',
      quartiers: ['La Maille 1'],
      email: 'nadia@example.org',
    });
  });
  after(async () => {
    await consoleApp.stop();
    await smtp.close();
  });

  it('offers the form, e-mails a link to the referent with that address, and the link signs her in', async () => {
    const browser = consoleApp.client();
    const signIn = await browser.read(await browser.get('/console/connexion'));
    assert.match(signIn, /action="\/console\/lien-par-email"/);
    assert.match(signIn, /<label for="email">/);

    const answer = await browser.post(
      '/console/lien-par-email',
      { email: ' Nadia@Example.org ' },
      { csrf: null },
    );
    assert.equal(answer.status, 200);
    assert.match(await answer.text(), /Si cette adresse est celle d'un référent/);
    assert.equal(smtp.received.length, 1);
    const mail = smtp.received[0];
    assert.deepEqual(mail.to, ['nadia@example.org']);
    const link = /http:\/\/127\.0\.0\.1:9\/console\/lien\/([A-Za-z0-9_-]+)/.exec(mail.text);
    assert.ok(link, mail.text);

    const confirm = await browser.read(await browser.get(`/console/lien/${link[1]}`));
    assert.match(confirm, /name="token"/);
    const signedIn = await browser.post('/console/lien', { token: link[1] }, { csrf: null });
    assert.equal(signedIn.status, 303);
    assert.ok(browser.cookie);
    assert.equal((await browser.get('/console/')).status, 200);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = smtp.received.length;
    const answer = await consoleApp
      .client()
      .post('/console/lien-par-email', { email: 'someone@example.org' }, { csrf: null });
    assert.equal(answer.status, 200);
    assert.match(await answer.text(), /Si cette adresse est celle d'un référent/);
    assert.equal(smtp.received.length, before);
  });

  it('says so in French when the address is not one', async () => {
    const answer = await consoleApp
      .client()
      .post('/console/lien-par-email', { email: 'nadia at home' }, { csrf: null });
    assert.equal(answer.status, 400);
    assert.match(await answer.text(), /n'est pas valide/);
  });

  it('sends a referent at most three links an hour', async () => {
    const before = smtp.received.length;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const answer = await consoleApp
        .client()
        .post('/console/lien-par-email', { email: 'nadia@example.org' }, { csrf: null });
      assert.equal(answer.status, 200);
    }
    // One link was already sent in the first test: two more, then nothing.
    assert.equal(smtp.received.length - before, 2);
  });
});

describe('console: without e-mail', function () {
  this.timeout(60_000);
  let consoleApp: ConsoleApp;
  before(async () => {
    consoleApp = await startConsoleApp();
  });
  after(() => consoleApp.stop());

  it('neither offers nor serves the e-mail form', async () => {
    const browser = consoleApp.client();
    const page = await browser.read(await browser.get('/console/connexion'));
    assert.doesNotMatch(page, /lien-par-email/);
    assert.equal(
      (await browser.post('/console/lien-par-email', { email: 'a@b.fr' }, { csrf: null })).status,
      404,
    );
  });
});
