/**
 * The turn pipeline's steps, each alone and in the bot's order: the turn guard skips a
 * replay of a saved turn, the state commit saves (or deletes) the state after the turn with
 * the conversation state written last, the directory touch records Bot Framework people only.
 */
import assert from 'node:assert/strict';
import {
  ConversationState,
  MemoryStorage,
  UserState,
  type ConversationReference,
  type StoreItems,
  type TurnContext,
} from 'botbuilder';
import { VoisinsBot } from '../../bot/bot';
import { setMessengerTurn } from '../../bot/messenger/turn';
import { DirectoryTouch } from '../../bot/pipeline/directoryTouch';
import { StateCommit } from '../../bot/pipeline/stateCommit';
import { TurnGuard } from '../../bot/pipeline/turnGuard';
import { DirectCalls } from '../../services/outbox';
import { testTurn } from './support';

const AT = new Date('2026-03-09T09:00:00Z');

/** Storage that records the keys of each write, in order. */
class RecordingStorage extends MemoryStorage {
  readonly writes: string[][] = [];
  readonly deletes: string[][] = [];
  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(Object.keys(changes));
    await super.write(changes);
  }
  override async delete(keys: string[]): Promise<void> {
    this.deletes.push(keys);
    await super.delete(keys);
  }
}

/** A Messenger-like turn processing the inbox event `eventKey`. */
function messengerTurn(eventKey: string): TurnContext {
  const { context } = testTurn('facebook');
  const direct = new DirectCalls();
  setMessengerTurn(context, {
    eventKey,
    calls: { eventKey, perform: (call, run) => direct.perform(call, run) },
  });
  return context;
}

describe('pipeline: the steps of a turn', () => {
  describe('TurnGuard', () => {
    it('runs the rest of a new event once its state is saved, then skips its replay', async () => {
      const storage = new MemoryStorage();
      const conversationState = new ConversationState(storage);
      const guard = new TurnGuard(conversationState);
      let runs = 0;
      const run = async (): Promise<void> => {
        const context = messengerTurn('mid:m_1');
        await guard.onTurn(context, () => {
          runs += 1;
          return Promise.resolve();
        });
        await conversationState.saveChanges(context, false);
      };
      await run();
      await run();
      assert.equal(runs, 1);
    });

    it('runs every turn without an event key', async () => {
      const guard = new TurnGuard(new ConversationState(new MemoryStorage()));
      let runs = 0;
      for (let index = 0; index < 2; index += 1)
        await guard.onTurn(testTurn().context, () => {
          runs += 1;
          return Promise.resolve();
        });
      assert.equal(runs, 2);
    });
  });

  describe('StateCommit', () => {
    it('saves user state then conversation state after the turn; nothing when the turn throws', async () => {
      const storage = new RecordingStorage();
      const conversationState = new ConversationState(storage);
      const userState = new UserState(storage);
      const commit = new StateCommit(conversationState, userState, () => false);
      const { context } = testTurn();
      await commit.onTurn(context, async () => {
        await conversationState.createProperty<number>('step').set(context, 1);
        await userState.createProperty<string>('name').set(context, 'Camille');
        assert.equal(storage.writes.length, 0, 'nothing saved during the turn');
      });
      assert.deepEqual(storage.writes, [
        ['emulator/users/user-1/'],
        ['emulator/conversations/conversation-1/'],
      ]);

      const failing = testTurn();
      await assert.rejects(
        commit.onTurn(failing.context, async () => {
          await conversationState.createProperty<number>('step').set(failing.context, 2);
          throw new Error('the turn failed');
        }),
      );
      assert.equal(storage.writes.length, 2);
    });

    it('deletes both states, and saves nothing, when the resident had their data deleted', async () => {
      const storage = new RecordingStorage();
      const erased = new WeakSet<object>();
      const commit = new StateCommit(new ConversationState(storage), new UserState(storage), (turn) =>
        erased.has(turn),
      );
      const { context } = testTurn();
      await commit.onTurn(context, () => {
        erased.add(context);
        return Promise.resolve();
      });
      assert.equal(storage.writes.length, 0);
      assert.deepEqual(storage.deletes.flat().sort(), [
        'emulator/conversations/conversation-1/',
        'emulator/users/user-1/',
      ]);
    });
  });

  describe('DirectoryTouch', () => {
    it('records a Bot Framework person who writes, at the server time, before the rest of the turn', async () => {
      const touched: Array<[string, Date, string | undefined]> = [];
      const touch = new DirectoryTouch(
        {
          touch: (psid, at, reference) => {
            touched.push([psid, at, (reference as Partial<ConversationReference>).conversation?.id]);
            return Promise.resolve();
          },
        },
        () => AT,
      );
      let seenBeforeNext = -1;
      await touch.onTurn(testTurn('emulator').context, () => {
        seenBeforeNext = touched.length;
        return Promise.resolve();
      });
      assert.equal(seenBeforeNext, 1);
      assert.deepEqual(touched, [['user-1', AT, 'conversation-1']]);

      // Messenger records its own people; events and messages without a sender are left alone.
      await touch.onTurn(testTurn('facebook').context, () => Promise.resolve());
      await touch.onTurn(testTurn('emulator', { type: 'event', name: 'x' }).context, () => Promise.resolve());
      await touch.onTurn(testTurn('emulator', { from: undefined }).context, () => Promise.resolve());
      assert.equal(touched.length, 1);
    });
  });

  describe('VoisinsBot: guard, commit, touch, then the dialog', () => {
    it('touches then runs the dialog, saves after it, and runs nothing on a replay of a saved turn', async () => {
      const storage = new RecordingStorage();
      const steps: string[] = [];
      const bot = new VoisinsBot({
        conversationState: new ConversationState(storage),
        userState: new UserState(storage),
        dialog: {
          run: () => {
            steps.push(`dialog after ${storage.writes.length} writes`);
            return Promise.resolve({ stateDeleted: false });
          },
        },
        directory: {
          touch: () => {
            steps.push('touch');
            return Promise.resolve();
          },
        },
        clock: () => AT,
      });
      await bot.run(testTurn('emulator').context);
      assert.deepEqual(steps, ['touch', 'dialog after 0 writes']);

      steps.length = 0;
      await bot.run(messengerTurn('mid:m_bot'));
      assert.deepEqual(storage.writes.at(-1), ['facebook/conversations/conversation-1/'], 'the commit point');
      await bot.run(messengerTurn('mid:m_bot'));
      assert.deepEqual(steps, ['dialog after 0 writes'], 'the replay ran nothing');
    });
  });
});
