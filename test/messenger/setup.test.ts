/**
 * `npm run messenger:setup` against the fake Graph API: the profile is set, the Page is
 * subscribed to every field the bot handles (comments included), the checklist is printed.
 */
import assert from 'node:assert/strict';
import { PAGE_WEBHOOK_FIELDS, setUpMessenger } from '../../bot/messenger/setup';
import { createGraphClients } from '../../services/graph';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';

describe('messenger setup', () => {
  let graph: FakeGraph;
  before(async () => {
    graph = await startFakeGraph();
  });
  after(() => graph.close());

  const clients = () =>
    createGraphClients({
      graphApiUrl: graph.url,
      graphApiVersion: 'v25.0',
      accessToken: 'token',
      appSecret: 'secret',
    });

  it('sets the profile, subscribes the page to its fields and prints the checklist', async () => {
    graph.respond(/^\/\d+\/subscribed_apps$/, () => ({ body: { success: true } }));
    const lines: string[] = [];
    await setUpMessenger({
      profile: clients().profile,
      pageId: '1000000001',
      webhookUrl: 'https://bot.example.org/api/messenger',
      pageInboxAppId: '263902037430900',
      print: (line) => lines.push(line),
    });
    const subscription = graph.calls.find((call) => call.path === '/1000000001/subscribed_apps');
    assert.ok(subscription, graph.calls.map((call) => call.path).join(', '));
    assert.equal(subscription.method, 'POST');
    assert.deepEqual(subscription.query.subscribed_fields?.split(','), [...PAGE_WEBHOOK_FIELDS]);
    assert.ok(PAGE_WEBHOOK_FIELDS.includes('feed') && PAGE_WEBHOOK_FIELDS.includes('messaging_referrals'));
    assert.ok(graph.calls.some((call) => call.path === '/me/messenger_profile'));
    const printed = lines.join('\n');
    assert.match(printed, /https:\/\/bot\.example\.org\/api\/messenger/);
    assert.match(printed, /pages_manage_engagement/);
    assert.match(printed, /263902037430900/);
  });

  it('says what to do by hand when the page id is not configured', async () => {
    graph.reset();
    const lines: string[] = [];
    await setUpMessenger({
      profile: clients().profile,
      pageId: undefined,
      webhookUrl: undefined,
      pageInboxAppId: '263902037430900',
      print: (line) => lines.push(line),
    });
    assert.equal(graph.calls.filter((call) => call.path.endsWith('/subscribed_apps')).length, 0);
    assert.match(lines.join('\n'), /MESSENGER_PAGE_ID is not set/);
  });
});
