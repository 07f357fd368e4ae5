import assert from 'node:assert/strict';
import { GraphError } from '../../services/graph/graph-error';
import { withRetry } from '../../services/graph/retry';

const transient = (): GraphError =>
  new GraphError({ endpoint: 'POST /me/messages', status: 500, graphCode: 1 });
const permanent = (): GraphError =>
  new GraphError({ endpoint: 'POST /me/messages', status: 400, graphCode: 551 });

describe('graph/retry: withRetry', () => {
  it('retries transient errors with exponential backoff and full jitter, then succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      () => {
        calls += 1;
        return calls < 4 ? Promise.reject(transient()) : Promise.resolve('ok');
      },
      {
        attempts: 5,
        baseDelayMs: 100,
        maxDelayMs: 300,
        random: () => 0.5,
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    );
    assert.equal(result, 'ok');
    assert.equal(calls, 4);
    // ceilings 100, 200, 300 (capped), times 0.5
    assert.deepEqual(waits, [50, 100, 150]);
  });

  it('does not retry a permanent error', async () => {
    let calls = 0;
    const error = permanent();
    await assert.rejects(
      withRetry(
        () => {
          calls += 1;
          return Promise.reject(error);
        },
        { attempts: 5, baseDelayMs: 1, maxDelayMs: 1, sleep: () => Promise.resolve() },
      ),
      (caught) => caught === error,
    );
    assert.equal(calls, 1);
  });

  it('does not retry errors that are not GraphErrors', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(
        () => {
          calls += 1;
          return Promise.reject(new TypeError('bug'));
        },
        { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: () => Promise.resolve() },
      ),
      TypeError,
    );
    assert.equal(calls, 1);
  });

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(
        () => {
          calls += 1;
          return Promise.reject(transient());
        },
        { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: () => Promise.resolve() },
      ),
      (caught) => caught instanceof GraphError && caught.transient,
    );
    assert.equal(calls, 3);
  });
});
