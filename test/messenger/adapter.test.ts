import assert from 'node:assert/strict';
import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  TurnContext,
  type ConversationReference,
} from 'botbuilder';
import { MessengerAdapter } from '../../bot/messenger/adapter';
import { extractEvents } from '../../bot/messenger/events';
import { ErrorCode } from '../../services/errors';
import { createGraphClients, GraphError } from '../../services/graph';
import { silentLogger } from '../../services/logger';
import { startFakeGraph, type FakeGraph, type RecordedCall } from '../support/fake-graph';

const PAGE = '555000';
const noWait = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: () => Promise.resolve() };
const messageCalls = (call: RecordedCall): boolean =>
  call.path === '/me/messages' && (call.body as { message?: unknown }).message !== undefined;

function webhook(text: string): unknown {
  return {
    object: 'page',
    entry: [
      {
        id: PAGE,
        time: 1700000000000,
        messaging: [
          {
            sender: { id: '2001' },
            recipient: { id: PAGE },
            timestamp: 1700000000000,
            message: { mid: 'm.in', text },
          },
        ],
      },
    ],
  };
}

describe('messenger/adapter: MessengerAdapter against a fake Graph API', () => {
  let fake: FakeGraph;
  let adapter: MessengerAdapter;
  const delays: number[] = [];

  before(async () => {
    fake = await startFakeGraph();
    const graph = createGraphClients({
      graphApiUrl: fake.url,
      graphApiVersion: 'v25.0',
      accessToken: 'tok',
      appSecret: 'sec',
    });
    adapter = new MessengerAdapter({
      send: graph.send,
      logger: silentLogger,
      retry: noWait,
      sleep: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
    });
  });
  afterEach(() => {
    fake.reset();
    delays.length = 0;
  });
  after(() => fake.close());

  function makeAdapter(): MessengerAdapter {
    const graph = createGraphClients({
      graphApiUrl: fake.url,
      graphApiVersion: 'v25.0',
      accessToken: 'tok',
      appSecret: 'sec',
    });
    return new MessengerAdapter({
      send: graph.send,
      logger: silentLogger,
      retry: noWait,
      sleep: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
    });
  }

  it('runs the bot on an incoming message and sends its reply with quick replies to the sender', async () => {
    const [event] = extractEvents(webhook('Bonjour'));
    let seen: string | undefined;
    let reference: Partial<ConversationReference> | undefined;
    await adapter.processEvent(event, async (context) => {
      seen = context.activity.text;
      reference = TurnContext.getConversationReference(context.activity);
      const reply = MessageFactory.suggestedActions(['Proposer', 'Demander'], 'Que souhaitez-vous faire ?');
      const response = await context.sendActivity(reply);
      assert.match(response!.id, /^m_fake_/);
    });
    assert.equal(seen, 'Bonjour');
    assert.equal(reference!.conversation!.id, '2001');
    const [call] = await fake.waitForCalls(messageCalls);
    assert.deepEqual(call.body, {
      recipient: { id: '2001' },
      messaging_type: 'RESPONSE',
      message: {
        text: 'Que souhaitez-vous faire ?',
        quick_replies: [
          { content_type: 'text', title: 'Proposer', payload: 'Proposer' },
          { content_type: 'text', title: 'Demander', payload: 'Demander' },
        ],
      },
    });
  });

  it('sends typing, waits for delay activities and sends a button template, in order', async () => {
    const [event] = extractEvents(webhook('Salut'));
    await adapter.processEvent(event, async (context) => {
      const card = CardFactory.heroCard('Aide aux courses', undefined, [
        { type: 'postBack', title: 'Accepter', value: 'ACCEPT' },
      ]);
      const responses = await context.sendActivities([
        { type: ActivityTypes.Typing },
        { type: 'delay', value: 750 },
        MessageFactory.attachment(card),
      ]);
      assert.equal(responses.length, 3);
    });
    assert.deepEqual(delays, [750]);
    assert.deepEqual(
      fake.calls.map((call) =>
        Object.keys(call.body as object)
          .sort()
          .join(','),
      ),
      ['recipient,sender_action', 'message,messaging_type,recipient'],
    );
    const body = fake.calls[1].body as { message: { attachment: { payload: { template_type: string } } } };
    assert.equal(body.message.attachment.payload.template_type, 'button');
  });

  it('retries a transient failure and reports a permanent one to onTurnError', async () => {
    const [event] = extractEvents(webhook('Bonjour'));
    fake.failNext(1, { status: 500, code: 2 });
    await adapter.processEvent(event, async (context) => {
      await context.sendActivity('Première réponse');
    });
    assert.deepEqual(
      fake.calls.map((call) => call.status),
      [500, 200],
    );

    fake.reset();
    fake.failNext(1, { status: 400, code: 551 });
    let turnError: unknown;
    const failing = makeAdapter();
    failing.onTurnError = (_context, error) => {
      turnError = error;
      return Promise.resolve();
    };
    await failing.processEvent(event, async (context) => {
      await context.sendActivity('Seconde réponse');
    });
    assert.ok(turnError instanceof GraphError);
    assert.equal(turnError.permanentReason, 'user_unavailable');
    assert.equal(fake.calls.length, 1);
  });

  it('ignores read receipts without running the bot', async () => {
    const body = {
      object: 'page',
      entry: [
        {
          id: PAGE,
          messaging: [
            { sender: { id: '2001' }, recipient: { id: PAGE }, timestamp: 5, read: { watermark: 4 } },
          ],
        },
      ],
    };
    let ran = false;
    await adapter.processEvent(extractEvents(body)[0], () => {
      ran = true;
      return Promise.resolve();
    });
    assert.equal(ran, false);
  });

  it('sends proactively with continueConversationAsync (messaging_type UPDATE)', async () => {
    let reference: Partial<ConversationReference> | undefined;
    await adapter.processEvent(extractEvents(webhook('Bonjour'))[0], (context) => {
      reference = TurnContext.getConversationReference(context.activity);
      return Promise.resolve();
    });
    const stored = JSON.parse(JSON.stringify(reference)) as Partial<ConversationReference>;
    await adapter.continueConversationAsync('', stored, async (context) => {
      await context.sendActivity('Bonne nouvelle : un voisin peut vous aider.');
    });
    const [call] = await fake.waitForCalls(messageCalls);
    assert.deepEqual(call.body, {
      recipient: { id: '2001' },
      messaging_type: 'UPDATE',
      message: { text: 'Bonne nouvelle : un voisin peut vous aider.' },
    });
  });

  it('refuses to update or delete a sent message', async () => {
    const isNotSupported = (error: unknown): boolean =>
      (error as { code?: unknown }).code === ErrorCode.NotSupported;
    await adapter.processEvent(extractEvents(webhook('Bonjour'))[0], async (context) => {
      await assert.rejects(context.updateActivity({ id: 'm.1', text: 'x' }), isNotSupported);
      await assert.rejects(context.deleteActivity('m.1'), isNotSupported);
    });
  });
});
