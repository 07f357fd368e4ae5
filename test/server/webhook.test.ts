import assert from 'node:assert/strict';
import { createServer } from '../../bot/server';
import { silentLogger } from '../../services/logger';
import type { RecordedCall } from '../support/fake-graph';
import {
  APP_SECRET,
  PAGE_ID,
  sign,
  startTestApp,
  textMessage,
  VERIFY_TOKEN,
  webhookBody,
  type TestApp,
} from '../support/testApp';

const sentTo = (psid: string) => (call: RecordedCall) =>
  call.path === '/me/messages' &&
  (call.body as { recipient?: { id?: string }; message?: unknown }).recipient?.id === psid &&
  (call.body as { message?: unknown }).message !== undefined;

describe('Messenger webhook over HTTP', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp();
  });
  after(async () => {
    await test.stop();
  });

  describe('verification handshake', () => {
    it('echoes the challenge for the right token', async () => {
      const query = new URLSearchParams({
        'hub.mode': 'subscribe',
        'hub.verify_token': VERIFY_TOKEN,
        'hub.challenge': '42abc',
      });
      const response = await fetch(`${test.baseUrl}/api/messenger?${query.toString()}`);
      assert.equal(response.status, 200);
      assert.equal(await response.text(), '42abc');
    });

    it('answers 403 for a wrong token', async () => {
      const query = new URLSearchParams({
        'hub.mode': 'subscribe',
        'hub.verify_token': 'wrong',
        'hub.challenge': '42',
      });
      const response = await fetch(`${test.baseUrl}/api/messenger?${query.toString()}`);
      assert.equal(response.status, 403);
    });
  });

  describe('signature and body checks', () => {
    it('refuses a wrong or missing signature with 403 and stores nothing', async () => {
      const body = webhookBody(textMessage('psid-forged', 'bonjour', 'mid.forged'));
      assert.equal(
        (await test.postWebhook(body, { signature: sign(JSON.stringify(body), 'not-the-secret') })).status,
        403,
      );
      assert.equal((await test.postWebhook(body, { signature: null })).status, 403);
      assert.equal((await test.postWebhook(body, { signature: 'sha256=zz' })).status, 403);
      assert.equal(await test.database.db.collection('inbox').countDocuments({ psid: 'psid-forged' }), 0);
    });

    it('answers 400 to malformed JSON that is correctly signed', async () => {
      const response = await test.postWebhook(undefined, { raw: '{"object":"page","entry":[' });
      assert.equal(response.status, 400);
    });

    it('answers 400 to JSON that is not a page webhook', async () => {
      assert.equal((await test.postWebhook({ object: 'user', entry: [] })).status, 400);
    });

    it('answers 413 to a body over the limit', async () => {
      const huge = webhookBody(textMessage('psid-huge', 'x'.repeat(300 * 1024), 'mid.huge'));
      assert.equal((await test.postWebhook(huge)).status, 413);
    });
  });

  describe('events', () => {
    it('answers a greeting in French with the main menu, to the right person', async () => {
      const response = await test.postWebhook(
        webhookBody(textMessage('psid-greet', 'Bonjour', 'mid.greet.1')),
      );
      assert.equal(response.status, 200);
      const [call] = await test.graph.waitForCalls(sentTo('psid-greet'), 1, 10_000);
      const message = (
        call.body as { message: { text: string; quick_replies?: Array<{ payload: string; title: string }> } }
      ).message;
      assert.match(message.text, /Bonjour/);
      const payloads = (message.quick_replies ?? []).map((reply) => reply.payload);
      for (const payload of ['MENU_OFFER', 'MENU_NEED', 'MENU_HUMAN'])
        assert.ok(payloads.includes(payload), payload);
      assert.ok((message.quick_replies ?? []).every((reply) => reply.title.length <= 20));
      assert.equal((call.body as { messaging_type: string }).messaging_type, 'RESPONSE');
    });

    it('processes every entry of a batch', async () => {
      const body = {
        object: 'page',
        entry: [
          { id: PAGE_ID, time: Date.now(), messaging: [textMessage('psid-batch-1', 'salut', 'mid.batch.1')] },
          {
            id: PAGE_ID,
            time: Date.now(),
            messaging: [textMessage('psid-batch-2', 'bonjour', 'mid.batch.2')],
          },
        ],
      };
      assert.equal((await test.postWebhook(body)).status, 200);
      await test.graph.waitForCalls(sentTo('psid-batch-1'), 1, 10_000);
      await test.graph.waitForCalls(sentTo('psid-batch-2'), 1, 10_000);
    });

    it('answers a duplicate delivery (same mid) once', async () => {
      const once = webhookBody(textMessage('psid-once', 'bonjour', 'mid.once.1'));
      const twice = webhookBody(textMessage('psid-dup', 'bonjour', 'mid.dup.1'));
      assert.equal((await test.postWebhook(once)).status, 200);
      assert.equal((await test.postWebhook(twice)).status, 200);
      assert.equal((await test.postWebhook(twice)).status, 200);
      await test.graph.waitForCalls(sentTo('psid-once'), 1, 10_000);
      await test.graph.waitForCalls(sentTo('psid-dup'), 1, 10_000);
      // Let a would-be second processing happen before counting.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const single = test.graph.calls.filter(sentTo('psid-once')).length;
      assert.equal(test.graph.calls.filter(sentTo('psid-dup')).length, single);
      assert.equal(await test.database.db.collection('inbox').countDocuments({ psid: 'psid-dup' }), 1);
    });
  });

  describe('health', () => {
    it('says the database is up', async () => {
      const response = await fetch(`${test.baseUrl}/healthz`);
      assert.equal(response.status, 200);
      const body = (await response.json()) as { database: string; channels: { messenger: boolean } };
      assert.equal(body.database, 'up');
      assert.equal(body.channels.messenger, true);
    });
  });
});

describe('Messenger webhook when the database is too slow', () => {
  it('answers 503 before Meta gives up, and the late write does not crash anything', async () => {
    let finishWrite: (ok: boolean) => void = () => undefined;
    const server = createServer({
      logger: silentLogger,
      pingDatabase: () => Promise.resolve(),
      botFramework: { access: 'off', serviceHosts: [], process: () => Promise.resolve() },
      messenger: {
        appSecret: APP_SECRET,
        verifyToken: VERIFY_TOKEN,
        ackDeadlineMs: 200,
        maxEventAgeMs: 3 * 60 * 60 * 1000,
        now: () => new Date(),
        accept: () =>
          new Promise<void>((resolve, reject) => {
            finishWrite = (ok) => (ok ? resolve() : reject(new Error('network error')));
          }),
      },
    });
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve());
    });
    try {
      const { port } = server.address();
      const raw = JSON.stringify(webhookBody(textMessage('psid-slow', 'bonjour', 'mid.slow')));
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${port}/api/messenger`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': sign(raw) },
        body: raw,
      });
      assert.equal(response.status, 503);
      const waited = Date.now() - started;
      assert.ok(waited >= 190 && waited < 2_000, `answered after ${waited} ms`);
      finishWrite(false); // the write fails afterwards: nobody is waiting for it any more
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
    }
  });
});
