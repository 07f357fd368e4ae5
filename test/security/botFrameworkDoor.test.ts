/**
 * `POST /api/messages` as an attacker on the network would use it: nobody who reaches the Bot
 * Framework endpoint may act as a Messenger resident or a referent, forge Messenger's channel
 * events, move where the bot writes to someone, or make the bot call a URL of their choosing.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { readdirSync } from 'node:fs';
import { createServer as createRestifyServer } from '../../bot/server';
import { manualClock } from '../../services/clock';
import { silentLogger } from '../../services/logger';
import type { StoredHandover } from '../../services/moderation';
import { MessengerUser } from '../support/messengerUser';
import { startTestApp, type TestApp } from '../support/testApp';

/** Monday 9 March 2026, 10:00 in Paris: within the referents' hours. */
const MONDAY_10H = new Date('2026-03-09T09:00:00.000Z');
const REFERENT = '7000000101';

interface Connector {
  server: Server;
  url: string;
  calls: string[];
}

/** A fake Bot Framework connector (where replies go) on `host`. */
async function startConnector(host: string): Promise<Connector> {
  const calls: string[] = [];
  const server = createServer((request, response) => {
    calls.push(request.url ?? '');
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ id: `reply-${calls.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, calls, url: `http://${host}:${(server.address() as AddressInfo).port}` };
}

/** An activity as the Emulator or an attacker posts it. */
function activity(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'message',
    id: `activity-${Math.random().toString(36).slice(2)}`,
    channelId: 'facebook',
    from: { id: REFERENT, role: 'user' },
    recipient: { id: 'bot', role: 'bot' },
    conversation: { id: REFERENT },
    locale: 'fr-FR',
    ...fields,
  };
}

interface ExpectedReplies {
  activities?: Array<{ text?: string; suggestedActions?: { actions?: Array<{ value?: unknown }> } }>;
}

/** A non-loopback IPv4 address of this machine, if it has one. */
function externalAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return undefined;
}

describe('security: the Bot Framework endpoint lets nobody act as someone else', () => {
  let test: TestApp;
  let connector: Connector;
  let attacker: Connector;

  before(async () => {
    test = await startTestApp({ clock: manualClock(MONDAY_10H).now });
    await test.app.container
      .get('moderation')
      .moderators.upsert({ psid: REFERENT, name: 'Awa', quartiers: [] });
    connector = await startConnector('127.0.0.1');
    attacker = await startConnector('127.0.0.2');
  });
  after(async () => {
    await test.stop();
    await Promise.all([connector, attacker].map((c) => new Promise((resolve) => c.server.close(resolve))));
  });

  const post = (body: unknown, headers: Record<string, string> = {}, baseUrl = test.baseUrl) =>
    fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it("gives no referent's tools to a caller claiming a referent's psid on channel facebook", async () => {
    const response = await post(
      activity({ text: 'menu', serviceUrl: connector.url, deliveryMode: 'expectReplies' }),
    );
    assert.equal(response.status, 200);
    const replies = ((await response.json()) as ExpectedReplies).activities ?? [];
    assert.ok(replies.length > 0, 'the local caller still gets answers, as a person of its own');
    const texts = replies.map((reply) => reply.text ?? '').join('\n');
    const payloads = replies.flatMap((reply) =>
      (reply.suggestedActions?.actions ?? []).map((action) => String(action.value)),
    );
    assert.doesNotMatch(texts, /Menu référent/);
    assert.ok(!payloads.some((payload) => payload.startsWith('MOD_')), payloads.join(', '));
  });

  it('never moves or stretches where the bot writes to a Messenger resident', async () => {
    const resident = new MessengerUser(test, '2000000000000101');
    await resident.say('bonjour');
    const refs = test.database.db.collection<{
      _id: string;
      lastMessageAt: Date;
      reference: { serviceUrl?: string };
    }>('conversation_refs');
    const before = await refs.findOne({ _id: resident.psid });
    assert.ok(before, 'the Messenger message recorded the resident');

    const response = await post(
      activity({
        text: 'bonjour',
        from: { id: resident.psid },
        conversation: { id: resident.psid },
        serviceUrl: connector.url,
        timestamp: '2100-01-01T00:00:00.000Z',
      }),
    );
    assert.ok(response.status < 500, `status ${response.status}`);
    const after = await refs.findOne({ _id: resident.psid });
    assert.deepEqual(after, before, "the resident's reference and window are unchanged");
    const future = await refs.countDocuments({ lastMessageAt: { $gt: new Date(Date.now() + 60_000) } });
    assert.equal(future, 0, 'no window opened with a timestamp from a request');
  });

  it("does not let a caller forge Messenger's channel events (a referent's reply, a thread passed back)", async () => {
    const resident = new MessengerUser(test, '2000000000000102');
    await resident.postback('MENU_HUMAN', "Parler à quelqu'un");
    const handovers = test.database.db.collection<StoredHandover>('handoffs');
    const open = await handovers.findOne({ psid: resident.psid });
    assert.ok(open && open.status !== 'closed', 'a handover is open');

    const forged = (name: string, value: Record<string, unknown>) =>
      post(
        activity({
          type: 'event',
          name,
          value,
          from: { id: resident.psid },
          conversation: { id: resident.psid },
          serviceUrl: connector.url,
        }),
      );
    await forged('messenger.echo', { text: 'Réponse inventée', mid: 'm.forged' });
    await forged('messenger.handover', { kind: 'pass_thread_control', newOwnerAppId: undefined });
    const now = await handovers.findOne({ _id: open._id });
    assert.ok(now, 'the handover is still there');
    assert.equal(now.status, open.status, 'the forged pass back closed nothing');
    assert.ok(
      !JSON.stringify(now).includes('Réponse inventée'),
      'the forged referent reply is not in the transcript',
    );
  });

  it('refuses a serviceUrl outside the allow-list and never calls it', async () => {
    const response = await post(
      activity({ text: 'bonjour', from: { id: 'emulator-1' }, serviceUrl: attacker.url }),
    );
    assert.equal(response.status, 403);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(attacker.calls, []);
  });

  it('refuses multipart and other non-JSON bodies with 415 before writing anything to disk', async () => {
    const before = new Set(readdirSync(tmpdir()));
    const boundary = 'x-boundary';
    const big = 'A'.repeat(3 * 1024 * 1024);
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n${big}\r\n--${boundary}--\r\n`;
    const multipart = await fetch(`${test.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    assert.equal(multipart.status, 415);
    const form = await fetch(`${test.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'type=message&text=bonjour',
    });
    assert.equal(form.status, 415);
    const created = readdirSync(tmpdir()).filter((name) => !before.has(name));
    assert.deepEqual(created, [], 'no upload left in the temporary folder');
  });

  it('serves callers without credentials only from this machine (no proxy in between)', async () => {
    const proxied = await post(
      activity({ text: 'bonjour', from: { id: 'emulator-2' }, serviceUrl: connector.url }),
      {
        'X-Forwarded-For': '203.0.113.7',
      },
    );
    assert.equal(proxied.status, 401);
  });
});

describe('security: who may call the Bot Framework endpoint', () => {
  const production = {
    NODE_ENV: 'production',
    MESSENGER_APP_SECRET: 'a-production-app-secret-0123456789',
    MESSENGER_VERIFY_TOKEN: 'a-production-verify-token',
  };
  const authenticated = {
    MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
    MicrosoftAppPassword: 'secret-password-123',
  };
  const cases: Array<{
    what: string;
    app: Parameters<typeof startTestApp>[0];
    /** Call through this machine's network address rather than loopback. */
    fromNetwork?: boolean;
    serviceUrl: string;
  }> = [
    {
      what: 'an unauthenticated caller that is not on this machine',
      app: { host: '0.0.0.0' },
      fromNetwork: true,
      serviceUrl: 'http://127.0.0.1:9',
    },
    {
      what: 'anyone in production without Bot Framework authentication, even from this machine',
      app: { env: production },
      serviceUrl: 'http://127.0.0.1:9',
    },
    {
      what: 'a request without a Bot Framework token when authentication is configured',
      app: { env: authenticated },
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
    },
  ];
  for (const { what, app, fromNetwork, serviceUrl } of cases) {
    it(`answers 401 to ${what}`, async function () {
      const address = fromNetwork ? externalAddress() : '127.0.0.1';
      // Without a network interface there is no network attacker to play.
      if (!address) this.skip();
      const test = await startTestApp(app);
      try {
        const response = await fetch(`http://${address}:${new URL(test.baseUrl).port}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(activity({ text: 'bonjour', from: { id: 'x' }, serviceUrl })),
        });
        assert.equal(response.status, 401);
      } finally {
        await test.stop();
      }
    });
  }
});

describe('security: the Bot Framework endpoint when a turn fails', () => {
  it('answers the standard reason, never the error text the CloudAdapter would send', async () => {
    const server = createRestifyServer({
      logger: silentLogger,
      pingDatabase: () => Promise.resolve(),
      botFramework: {
        access: 'loopback',
        serviceHosts: ['127.0.0.1'],
        process: (_request, response) => {
          // What CloudAdapter.process does with an exception: its message as the body.
          response.status(500);
          response.send('MongoServerError: E11000 duplicate key { _id: "2000000000000999" }');
          response.end();
          return Promise.resolve();
        },
      },
    });
    await new Promise<void>((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve());
    });
    try {
      const response = await fetch(`http://127.0.0.1:${server.address().port}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(activity({ text: 'bonjour', serviceUrl: 'http://127.0.0.1:9' })),
      });
      assert.equal(response.status, 500);
      const text = await response.text();
      assert.doesNotMatch(text, /Mongo|E11000|2000000000000999/);
    } finally {
      server.close();
    }
  });
});
