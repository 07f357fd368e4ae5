/**
 * The turn guard over the real state storage: a turn whose conversation state was saved
 * with its event key is not run again on a replay; with the outbox, a turn that died
 * before its state was saved runs again without repeating what it already sent.
 */
import assert from 'node:assert/strict';
import { ConversationState, UserState, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { VoisinsBot } from '../../bot/bot';
import type { ConversationAccessors, TurnOutcome } from '../../dialogs/mainDialog';
import { MessengerAdapter } from '../../bot/messenger/adapter';
import { extractEvents, type MessengerEvent } from '../../bot/messenger/events';
import { MESSENGER_TURN, messengerTurnOf, setMessengerTurn } from '../../bot/messenger/turn';
import { TurnGuard } from '../../bot/pipeline/turnGuard';
import { manualClock } from '../../services/clock';
import { MongoStorage, type StorageDocument } from '../../services/db/mongoStorage';
import { createGraphClients } from '../../services/graph';
import { silentLogger } from '../../services/logger';
import { ConversationDirectory } from '../../services/messaging/conversationDirectory';
import { Outbox, OutboxStore } from '../../services/outbox';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { startFakeGraph, type FakeGraph, type RecordedCall } from '../support/fake-graph';

const PAGE = '555000';
const noWait = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: () => Promise.resolve() };
const sentTexts = (calls: RecordedCall[]): (string | undefined)[] =>
  calls
    .filter((call) => call.path === '/me/messages')
    .map((call) => (call.body as { message?: { text?: string } }).message?.text)
    .filter((text) => text !== undefined);

function messageEvent(psid: string, mid: string, text: string, timestamp = 1700000000000): MessengerEvent {
  const [event] = extractEvents({
    object: 'page',
    entry: [
      {
        id: PAGE,
        time: timestamp,
        messaging: [{ sender: { id: psid }, recipient: { id: PAGE }, timestamp, message: { mid, text } }],
      },
    ],
  });
  if (!event) throw new Error('no event');
  return event;
}

describe('outbox/turnGuard: a saved turn is not run twice', () => {
  let database: TestDatabase;
  let fake: FakeGraph;
  let adapter: MessengerAdapter;
  let conversationState: ConversationState;
  let userState: UserState;
  const clock = manualClock(new Date()); // today: the engine's TTL monitor runs on the real time

  before(async () => {
    database = await openTestDatabase('turnguard');
    fake = await startFakeGraph();
    const graph = createGraphClients({
      graphApiUrl: fake.url,
      graphApiVersion: 'v25.0',
      accessToken: 'tok',
      appSecret: 'sec',
    });
    const outbox = new Outbox({
      store: new OutboxStore(database.db),
      clock: clock.now,
      logger: silentLogger,
      secret: 'turn-guard-test-secret',
      retry: noWait,
    });
    adapter = new MessengerAdapter({ send: graph.send, logger: silentLogger, calls: outbox });
    const storage = new MongoStorage(database.db.collection<StorageDocument>('bot_state'), clock.now);
    conversationState = new ConversationState(storage);
    userState = new UserState(storage);
  });
  beforeEach(() => fake.reset());
  after(async () => {
    await fake.close();
    await database.dispose();
  });

  describe('TurnGuard', () => {
    /** A fresh turn on `event` (as after a restart: nothing cached), guarded; saves when asked. */
    async function guardedTurn(
      event: MessengerEvent,
      save: boolean,
      key: string | null = event.key,
    ): Promise<boolean> {
      let applied: boolean | undefined;
      const guard = new TurnGuard(conversationState);
      await adapter.processEvent(event, async (context) => {
        const turn = messengerTurnOf(context);
        if (!turn) throw new Error('the adapter put no Messenger turn in the context');
        if (key === null) context.turnState.delete(MESSENGER_TURN);
        else setMessengerTurn(context, { ...turn, eventKey: key });
        applied = await guard.alreadyApplied(context);
        if (save) await conversationState.saveChanges(context, false);
      });
      if (applied === undefined) throw new Error('the turn did not run');
      return applied;
    }

    it('skips a replay of a turn whose state was saved with its key; another key runs', async () => {
      const first = messageEvent('8001', 'm.g1', 'Bonjour');
      assert.equal(await guardedTurn(first, true), false);
      const stored = await database.db
        .collection<StorageDocument>('bot_state')
        .findOne({ _id: `facebook/conversations/8001/` });
      assert.deepEqual(
        (JSON.parse(stored?.state ?? '{}') as { ProcessedEventKeys?: string[] }).ProcessedEventKeys,
        [first.key],
      );

      assert.equal(await guardedTurn(first, false), true, 'the replay is recognised');
      const second = messageEvent('8001', 'm.g2', 'Encore', 1700000001000);
      assert.equal(await guardedTurn(second, true), false, 'a new event runs');
      assert.equal(await guardedTurn(second, false), true);
      assert.equal(await guardedTurn(first, false), true, 'the older key is still remembered');
    });

    it('runs a replay again when the turn died before its state was saved', async () => {
      const event = messageEvent('8002', 'm.g3', 'Bonjour');
      assert.equal(await guardedTurn(event, false), false);
      assert.equal(await guardedTurn(event, false), false);
    });

    it('does not guard turns without an event key', async () => {
      const event = messageEvent('8003', 'm.g4', 'Bonjour');
      assert.equal(await guardedTurn(event, true, null), false);
      assert.equal(await guardedTurn(event, true, null), false);
    });
  });

  describe('VoisinsBot with the outbox', () => {
    /** Each message advances a step counter kept in the dialog state and answers it. */
    function countingBot(options: { failAfterReply?: () => boolean } = {}): {
      bot: VoisinsBot;
      runs: () => number;
    } {
      let runs = 0;
      const dialog = {
        async run(context: TurnContext, accessors: ConversationAccessors): Promise<TurnOutcome> {
          runs += 1;
          const state = (await accessors.dialogState.get(context, { dialogStack: [] })) as DialogState & {
            step?: number;
          };
          state.step = (state.step ?? 0) + 1;
          await context.sendActivity(`Étape ${state.step}`);
          if (options.failAfterReply?.()) throw new Error('process died before saving the state');
          return { stateDeleted: false };
        },
      };
      const bot = new VoisinsBot({
        conversationState,
        userState,
        dialog,
        directory: new ConversationDirectory(database.db),
        clock: clock.now,
      });
      return { bot, runs: () => runs };
    }

    it('does not run the dialog again on a replay of a saved turn; the next event advances the state', async () => {
      const { bot, runs } = countingBot();
      const first = messageEvent('8101', 'm.b1', 'Bonjour');
      await adapter.processEvent(first, (context) => bot.run(context));
      await adapter.processEvent(first, (context) => bot.run(context));
      assert.equal(runs(), 1);
      await adapter.processEvent(messageEvent('8101', 'm.b2', 'Et ensuite ?', 1700000001000), (context) =>
        bot.run(context),
      );
      assert.equal(runs(), 2);
      assert.deepEqual(sentTexts(fake.calls), ['Étape 1', 'Étape 2']);
    });

    it('a turn that died after replying runs again on the unsaved state without replying twice', async () => {
      let die = true;
      const { bot, runs } = countingBot({ failAfterReply: () => die });
      const event = messageEvent('8102', 'm.b3', 'Bonjour');
      await assert.rejects(
        adapter.processEvent(event, (context) => bot.run(context)),
        /process died/,
      );
      die = false;
      await adapter.processEvent(event, (context) => bot.run(context));
      await adapter.processEvent(event, (context) => bot.run(context));
      assert.equal(runs(), 2, 'run again once (state not saved), then skipped');
      assert.deepEqual(sentTexts(fake.calls), ['Étape 1'], 'the reply reached Meta once');
    });
  });
});
