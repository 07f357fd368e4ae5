import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { AxiosInstance } from 'axios';
import { ErrorCode } from '../../services/errors';
import { createGraphHttp, GraphError } from '../../services/graph/http';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph';

const TOKEN = 'EAAB-page-token-for-tests';
const SECRET = 'app-secret-for-tests';

/** Runs `promise`, expecting it to reject with a GraphError, and returns that error. */
async function graphFailure(promise: Promise<unknown>): Promise<GraphError> {
  const error = await promise.then(
    () => assert.fail('expected the call to fail'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof GraphError, `expected a GraphError, got ${String(error)}`);
  return error;
}

describe('graph/http: createGraphHttp', () => {
  let fake: FakeGraph;
  let http: AxiosInstance;

  before(async () => {
    fake = await startFakeGraph();
    http = createGraphHttp({
      graphApiUrl: fake.url,
      graphApiVersion: 'v25.0',
      accessToken: TOKEN,
      appSecret: SECRET,
    });
  });
  afterEach(() => fake.reset());
  after(() => fake.close());

  it('calls the versioned base URL with the token and a correct appsecret_proof', async () => {
    await http.post('/me/messages', { recipient: { id: '42' }, sender_action: 'typing_on' });
    const [call] = fake.calls;
    assert.equal(call.path, '/me/messages');
    assert.equal(call.query.access_token, TOKEN);
    const expected = createHmac('sha256', SECRET).update(TOKEN).digest('hex');
    assert.equal(call.query.appsecret_proof, expected);
    assert.match(call.query.appsecret_proof, /^[0-9a-f]{64}$/);
  });

  it('keeps the caller query parameters', async () => {
    await http.get('/me/thread_owner', { params: { recipient: '42' } });
    assert.equal(fake.calls[0].query.recipient, '42');
    assert.equal(fake.calls[0].query.access_token, TOKEN);
  });

  it('turns a Graph error body into a typed, permanent GraphError without the token', async () => {
    fake.failNext(1, { status: 400, code: 551, subcode: 1545041, message: 'This person is not available' });
    const error = await graphFailure(http.post('/me/messages', { recipient: { id: '42' } }));
    assert.equal(error.code, ErrorCode.GraphRequestFailed);
    assert.equal(error.status, 400);
    assert.equal(error.graphCode, 551);
    assert.equal(error.subcode, 1545041);
    assert.equal(error.fbtraceId, 'FakeTrace123');
    assert.equal(error.transient, false);
    assert.equal(error.permanentReason, 'user_unavailable');
    assert.equal(error.endpoint, 'POST /me/messages');
    assert.ok(!error.message.includes(TOKEN));
    assert.ok(!JSON.stringify(error).includes(TOKEN));
    assert.equal(error.cause, undefined);
  });

  it('classifies the main permanent cases', async () => {
    const cases = [
      { code: 200, subcode: 1545041, reason: 'user_unavailable' },
      { code: 10, subcode: 2018278, reason: 'outside_window' },
      { code: 100, subcode: 2018001, reason: 'invalid_recipient' },
      { code: 190, subcode: undefined, reason: undefined },
    ];
    for (const { code, subcode, reason } of cases) {
      fake.failNext(1, { status: 400, code, subcode });
      const error = await graphFailure(http.post('/me/messages', {}));
      assert.equal(error.permanentReason, reason, `code ${code}`);
      assert.equal(error.transient, false, `code ${code}`);
    }
  });

  it('marks 5xx and throttling codes as transient', async () => {
    const cases = [
      { status: 500, code: 1 },
      { status: 503, code: 2 },
      { status: 400, code: 613 },
      { status: 400, code: 4 },
      { status: 400, code: 32 },
      { status: 400, code: 1200 },
    ];
    for (const spec of cases) {
      fake.failNext(1, spec);
      const error = await graphFailure(http.post('/me/messages', {}));
      assert.equal(error.transient, true, `status ${spec.status} code ${spec.code}`);
      assert.equal(error.graphCode, spec.code);
    }
  });

  it('turns a timeout into a transient GraphError', async () => {
    const slow = createGraphHttp({
      graphApiUrl: fake.url,
      graphApiVersion: 'v25.0',
      accessToken: TOKEN,
      appSecret: SECRET,
      timeoutMs: 100,
    });
    fake.respond('/me/messages', async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return { body: { message_id: 'late' } };
    });
    const error = await graphFailure(slow.post('/me/messages', {}));
    assert.equal(error.status, undefined);
    assert.equal(error.transient, true);
    assert.match(error.message, /timeout/);
  });

  it('turns a refused connection into a transient GraphError', async () => {
    const closed = await startFakeGraph();
    await closed.close();
    const nowhere = createGraphHttp({
      graphApiUrl: closed.url,
      graphApiVersion: 'v25.0',
      accessToken: TOKEN,
      appSecret: SECRET,
    });
    const error = await graphFailure(nowhere.get('/me/thread_owner'));
    assert.equal(error.transient, true);
    assert.equal(error.networkCode, 'ECONNREFUSED');
  });
});
