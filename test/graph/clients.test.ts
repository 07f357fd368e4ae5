import assert from 'node:assert/strict';
import { ErrorCode } from '../../services/errors';
import { createGraphClients, GraphError, withRetry, type GraphClients } from '../../services/graph';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';

const noWait = { attempts: 4, baseDelayMs: 10, maxDelayMs: 50, sleep: () => Promise.resolve() };

describe('graph clients against a fake Graph API', () => {
  let fake: FakeGraph;
  let graph: GraphClients;

  before(async () => {
    fake = await startFakeGraph();
    graph = createGraphClients({
      graphApiUrl: fake.url,
      graphApiVersion: 'v25.0',
      accessToken: 'page-token',
      appSecret: 'app-secret',
    });
  });
  afterEach(() => fake.reset());
  after(() => fake.close());

  describe('SendApi', () => {
    it('sends a RESPONSE message and returns its mid', async () => {
      const result = await graph.send.sendMessage('1001', { text: 'Bonjour' });
      assert.match(result.messageId, /^m_fake_/);
      assert.deepEqual(fake.calls[0].body, {
        recipient: { id: '1001' },
        messaging_type: 'RESPONSE',
        message: { text: 'Bonjour' },
      });
    });

    it('passes a persona and a messaging type', async () => {
      await graph.send.sendMessage(
        '1001',
        { text: 'Mise à jour' },
        { messagingType: 'UPDATE', personaId: 'p1' },
      );
      const body = fake.calls[0].body as Record<string, unknown>;
      assert.equal(body.messaging_type, 'UPDATE');
      assert.equal(body.persona_id, 'p1');
    });

    it('refuses HUMAN_AGENT unless written by a person', async () => {
      await assert.rejects(
        graph.send.sendMessage('1001', { text: 'auto' }, { tag: 'HUMAN_AGENT' }),
        (error: { code?: unknown }) => error.code === ErrorCode.MessageInvalid,
      );
      assert.equal(fake.calls.length, 0);
      await graph.send.sendMessage(
        '1001',
        { text: 'écrit par Nadia' },
        { tag: 'HUMAN_AGENT', writtenByHuman: true },
      );
      const body = fake.calls[0].body as Record<string, unknown>;
      assert.equal(body.messaging_type, 'MESSAGE_TAG');
      assert.equal(body.tag, 'HUMAN_AGENT');
    });

    it('sends sender actions', async () => {
      await graph.send.senderAction('1001', 'typing_on');
      assert.deepEqual(fake.calls[0].body, { recipient: { id: '1001' }, sender_action: 'typing_on' });
    });

    it('succeeds after retrying 500 then 613', async () => {
      fake.failNext(1, { status: 500, code: 1 });
      let attempts = 0;
      const result = await withRetry(async () => {
        attempts += 1;
        if (attempts === 2) fake.failNext(1, { status: 400, code: 613 });
        return graph.send.sendMessage('1001', { text: 'Bonjour' });
      }, noWait);
      assert.match(result.messageId, /^m_fake_/);
      assert.equal(attempts, 3);
      assert.deepEqual(
        fake.calls.map((call) => call.status),
        [500, 400, 200],
      );
    });

    it('does not retry 551 (person unavailable)', async () => {
      fake.failNext(3, { status: 400, code: 551 });
      await assert.rejects(
        withRetry(() => graph.send.sendMessage('1001', { text: 'Bonjour' }), noWait),
        (error) => error instanceof GraphError && error.permanentReason === 'user_unavailable',
      );
      assert.equal(fake.calls.length, 1);
    });

    it('retries every failure of failEvery and then gets through', async () => {
      fake.failEvery(2, { status: 503, code: 2 });
      for (let index = 0; index < 3; index += 1) {
        await withRetry(() => graph.send.sendMessage('1001', { text: `n${index}` }), noWait);
      }
      const delivered = fake.calls.filter((call) => call.status === 200);
      assert.equal(delivered.length, 3);
      assert.equal(fake.calls.length, 5);
    });
  });

  describe('HandoverApi', () => {
    it('passes and takes thread control, and reads the owner', async () => {
      await graph.handover.passThreadControl('1001', '263902037430900', 'human_requested');
      await graph.handover.takeThreadControl('1001', 'back');
      const owner = await graph.handover.threadOwner('1001');
      assert.deepEqual(
        fake.calls.map((call) => [call.method, call.path]),
        [
          ['POST', '/me/pass_thread_control'],
          ['POST', '/me/take_thread_control'],
          ['GET', '/me/thread_owner'],
        ],
      );
      assert.deepEqual(fake.calls[0].body, {
        recipient: { id: '1001' },
        target_app_id: '263902037430900',
        metadata: 'human_requested',
      });
      assert.equal(fake.calls[2].query.recipient, '1001');
      assert.equal(owner, '1111');
    });
  });

  describe('ProfileApi', () => {
    it('sets the Messenger profile', async () => {
      await graph.profile.setMessengerProfile({ get_started: { payload: 'GET_STARTED' } });
      assert.equal(fake.calls[0].path, '/me/messenger_profile');
      assert.deepEqual(fake.calls[0].body, { get_started: { payload: 'GET_STARTED' } });
    });

    it('reads a first name', async () => {
      assert.deepEqual(await graph.profile.userProfile('1001'), { firstName: 'Camille' });
      assert.equal(fake.calls[0].query.fields, 'first_name');
    });

    it('returns {} when Meta refuses', async () => {
      fake.failNext(1, { status: 400, code: 200, message: 'Permissions error' });
      assert.deepEqual(await graph.profile.userProfile('1001'), {});
    });
  });

  describe('FeedApi', () => {
    it('publishes and deletes a post', async () => {
      const postId = await graph.feed.publish('555', 'Atelier couture samedi');
      assert.match(postId, /^555_\d+$/);
      await graph.feed.deletePost(postId);
      assert.deepEqual(
        fake.calls.map((call) => [call.method, call.path]),
        [
          ['POST', '/555/feed'],
          ['DELETE', `/${postId}`],
        ],
      );
    });
  });
});
