import assert from 'node:assert/strict';
import { MongoErrorLabel, MongoNetworkError, MongoServerError, MongoTopologyClosedError } from 'mongodb';
import { BodyTooLargeError } from '../../bot/routes/rawBody';
import { FlushTimeoutError } from '../../services/db/batcher';
import { StorageConflictError } from '../../services/db/mongoStorage';
import { CodedError, ErrorCode, isTransient } from '../../services/errors';
import { GraphError } from '../../services/graph';
import { UsageError } from '../../services/moderation';
import { ModerationError } from '../../services/moderation';

describe('services/errors: one family, one verdict on retrying', () => {
  it('makes each of our errors a CodedError whose transient flag is the verdict', () => {
    const cases: Array<[CodedError, ErrorCode, boolean]> = [
      [new FlushTimeoutError(10_000), ErrorCode.DatabaseUnavailable, true],
      [
        new CodedError(ErrorCode.DatabaseUnavailable, 'consent was not stored'),
        ErrorCode.DatabaseUnavailable,
        true,
      ],
      [new GraphError({ endpoint: 'POST /me/messages', status: 503 }), ErrorCode.GraphRequestFailed, true],
      [
        new GraphError({ endpoint: 'POST /me/messages', status: 400, graphCode: 551 }),
        ErrorCode.GraphRequestFailed,
        false,
      ],
      [new StorageConflictError('k'), ErrorCode.StorageConflict, false],
      [
        new ModerationError(ErrorCode.InvalidState, 'entry is not pending review'),
        ErrorCode.InvalidState,
        false,
      ],
      [new UsageError('--psid is required'), ErrorCode.UsageInvalid, false],
      [new BodyTooLargeError(10), ErrorCode.BodyTooLarge, false],
    ];
    for (const [error, code, transient] of cases) {
      assert.ok(error instanceof CodedError, error.name);
      assert.equal(error.code, code, error.name);
      assert.equal(error.transient, transient, error.name);
      assert.equal(isTransient(error), transient, error.name);
    }
  });

  it('keeps the moderation codes the menu branches on', () => {
    const refused = new ModerationError(ErrorCode.NotModerator, 'caller is not an active moderator');
    assert.equal(refused.code, 'not_moderator');
    assert.equal(refused.name, 'ModerationError');
  });

  it('lets the thrower override the default of its code', () => {
    assert.equal(
      isTransient(new CodedError(ErrorCode.DatabaseUnavailable, 'x', { transient: false })),
      false,
    );
    assert.equal(isTransient(new CodedError(ErrorCode.NotSupported, 'x', { transient: true })), true);
  });

  it("judges the driver's errors by the driver's classification", () => {
    const labelled = new MongoServerError({ message: 'not primary', code: 10107 });
    labelled.addErrorLabel(MongoErrorLabel.RetryableWriteError);
    assert.equal(isTransient(new MongoNetworkError('connection reset')), true);
    assert.equal(isTransient(new MongoTopologyClosedError()), true);
    assert.equal(isTransient(labelled), true);
    assert.equal(isTransient(new MongoServerError({ message: 'bad value', code: 2 })), false);
    assert.equal(isTransient(new TypeError('x')), false);
  });
});
