/**
 * The turn-error policy: a Messenger turn rethrows a transient failure (the inbox runs it
 * again); a permanent refusal by Meta is logged without an apology; anything else is logged
 * and apologised for in French, and never reaches the adapter.
 */
import assert from 'node:assert/strict';
import { DialogContextError, DialogContext, DialogSet } from 'botbuilder-dialogs';
import { turnErrorPolicy } from '../../bot/pipeline/turnErrors';
import { GraphError } from '../../services/graph';
import { t } from '../../services/i18n';
import { recordingLogger, testTurn } from './support';

const transient = (): GraphError =>
  new GraphError({ endpoint: 'POST /me/messages', status: 500, graphCode: 2 });
const blocked = (): GraphError =>
  new GraphError({ endpoint: 'POST /me/messages', status: 400, graphCode: 551 });

describe('pipeline/turnErrors: turnErrorPolicy', () => {
  it('a retried turn rethrows a transient failure, even wrapped by a dialog, and says nothing', async () => {
    const logger = recordingLogger();
    const { adapter, context } = testTurn('facebook');
    const policy = turnErrorPolicy({ retried: true, logger });
    const error = transient();
    await assert.rejects(policy(context, error), (thrown) => thrown === error);
    const wrapped = new DialogContextError(
      transient(),
      new DialogContext(new DialogSet(), context, { dialogStack: [] }),
    );
    await assert.rejects(policy(context, wrapped), (thrown) => thrown === wrapped);
    assert.equal(adapter.activeQueue.length, 0);
    assert.deepEqual(logger.lines, []);
  });

  it('a turn that is not retried never rethrows: a Graph failure is logged, a bug apologised for', async () => {
    const logger = recordingLogger();
    const { adapter, context } = testTurn('emulator');
    await turnErrorPolicy({ retried: false, logger })(context, transient());
    // A GraphError, even transient, is Meta's: no apology on the channel.
    assert.equal(adapter.activeQueue.length, 0);
    assert.equal(logger.lines[0]?.[1], 'reply refused by Messenger');

    const bug = new TypeError('boom');
    await turnErrorPolicy({ retried: false, logger })(context, bug);
    assert.deepEqual(
      adapter.activeQueue.map((activity) => activity.text),
      [t('fallback.error')],
    );
    assert.deepEqual(logger.lines[1], ['error', 'turn failed', { error: 'TypeError', channel: 'emulator' }]);
  });

  it('logs a permanent refusal by Meta without an apology', async () => {
    const logger = recordingLogger();
    const { adapter, context } = testTurn('facebook');
    await turnErrorPolicy({ retried: true, logger })(context, blocked());
    assert.equal(adapter.activeQueue.length, 0);
    assert.deepEqual(logger.lines, [
      ['warn', 'reply refused by Messenger', { reason: 'user_unavailable', code: 551 }],
    ]);
  });

  it('apologises for a bug on a retried turn too, and logs an apology that could not be sent', async () => {
    const logger = recordingLogger();
    const { adapter, context } = testTurn('facebook');
    await turnErrorPolicy({ retried: true, logger })(context, new RangeError('bug'));
    assert.deepEqual(
      adapter.activeQueue.map((activity) => activity.text),
      [t('fallback.error')],
    );

    const failing = testTurn('facebook');
    failing.context.onSendActivities(() => Promise.reject(new Error('Graph is down')));
    await turnErrorPolicy({ retried: true, logger })(failing.context, new RangeError('bug'));
    assert.deepEqual(logger.lines.at(-1), [
      'warn',
      'apology not delivered',
      { error: 'Error', channel: 'facebook' },
    ]);
  });
});
