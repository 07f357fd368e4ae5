/**
 * The Bot Framework endpoint (CloudAdapter): the Emulator, Web Chat and Azure channels post
 * activities to /api/messages and the bot answers through the activity's serviceUrl.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from '../support/testApp';

interface ConnectorCall {
  path: string;
  body: { text?: string; suggestedActions?: { actions?: Array<{ value?: unknown; title?: string }> } };
}

describe('Bot Framework endpoint', () => {
  let test: TestApp;
  let connector: Server;
  let connectorUrl: string;
  const calls: ConnectorCall[] = [];

  before(async () => {
    test = await startTestApp();
    connector = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      request.on('end', () => {
        calls.push({ path: request.url ?? '', body: JSON.parse(raw || '{}') as ConnectorCall['body'] });
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ id: `reply-${calls.length}` }));
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, '127.0.0.1', resolve));
    connectorUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}`;
  });
  after(async () => {
    await test.stop();
    await new Promise((resolve) => connector.close(resolve));
  });

  it('answers an Emulator greeting through the serviceUrl, in French, with the main menu', async () => {
    const response = await fetch(`${test.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'activity-1',
        text: 'bonjour',
        channelId: 'emulator',
        serviceUrl: connectorUrl,
        from: { id: 'emulator-user', role: 'user' },
        recipient: { id: 'bot', role: 'bot' },
        conversation: { id: 'emulator-conversation' },
        locale: 'fr-FR',
      }),
    });
    assert.ok(response.status === 200 || response.status === 202, `status ${response.status}`);
    const reply = calls.find((call) =>
      call.path.includes('/v3/conversations/emulator-conversation/activities'),
    );
    assert.ok(reply, JSON.stringify(calls.map((call) => call.path)));
    assert.match(reply.body.text ?? '', /Bonjour/);
    const payloads = (reply.body.suggestedActions?.actions ?? []).map((action) => action.value);
    assert.ok(
      payloads.includes('MENU_OFFER') && payloads.includes('MENU_NEED') && payloads.includes('MENU_HUMAN'),
    );
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(`${test.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{not json',
    });
    assert.equal(response.status, 400);
  });
});
