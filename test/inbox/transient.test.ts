import assert from 'node:assert/strict';
import { TurnContext } from 'botbuilder';
import { DialogContext, DialogContextError, DialogSet } from 'botbuilder-dialogs';
import { MongoNetworkError, MongoServerError } from 'mongodb';
import { isTransientFailure, rootCause } from '../../bot/transient';
import { GraphError } from '../../services/graph';
import { FlushTimeoutError } from '../../services/db/batcher';

/** What a dialog step's failure looks like once botbuilder-dialogs has wrapped it. */
function wrapped(error: Error): DialogContextError {
  const context = new TurnContext({} as never, { type: 'message' });
  const dialogContext = new DialogContext(new DialogSet(), context, { dialogStack: [] });
  return new DialogContextError(error, dialogContext);
}

describe('bot/transient: which turn failures the inbox retries', () => {
  it('retries transient Graph errors and database outages, even wrapped by a dialog', () => {
    const throttled = new GraphError({ endpoint: 'POST /me/messages', status: 400, graphCode: 613 });
    const down = new MongoNetworkError('connection reset');
    const hung = new FlushTimeoutError(10_000);
    for (const error of [throttled, down, hung]) {
      assert.equal(isTransientFailure(error), true);
      assert.equal(isTransientFailure(wrapped(error)), true);
      assert.equal(rootCause(wrapped(error)), error);
    }
  });

  it('does not retry a refusal for good nor a bug', () => {
    const blocked = new GraphError({ endpoint: 'POST /me/messages', status: 400, graphCode: 551 });
    const bug = new MongoServerError({ message: 'bad value', code: 2 });
    for (const error of [blocked, bug, new TypeError('x')])
      assert.equal(isTransientFailure(wrapped(error)), false);
  });
});
