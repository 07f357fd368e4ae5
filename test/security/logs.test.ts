/**
 * Log lines carry no psid, not even next to its tag, and the tag that stands for a person is
 * a keyed hash: without the key, nobody can find whose it is by hashing every psid.
 */
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { createLogger, redactId } from '../../services/logger';
import { PAGE_ID, startTestApp, webhookBody, type TestApp } from '../support/testApp';

const PSID = '2000000000000301';

describe('security: log lines', () => {
  it('tag a person with an HMAC under the logger key, never the id or a bare hash of it', () => {
    const lines: string[] = [];
    const key = 'a-log-hash-key-for-tests';
    const logger = createLogger({ idKey: key, write: (line) => lines.push(line) });
    logger.warn('something about a person', { person: redactId(PSID) });

    const line = lines[0] ?? '';
    assert.ok(!line.includes(PSID), line);
    for (const algorithm of ['sha1', 'sha256', 'md5']) {
      const bare = createHash(algorithm).update(PSID).digest('hex');
      assert.ok(!line.includes(bare.slice(0, 8)), `a bare ${algorithm} of the psid is in ${line}`);
    }
    const expected = createHmac('sha256', key).update(PSID).digest('hex').slice(0, 16);
    assert.equal((JSON.parse(line) as { person: string }).person, expected);

    const other: string[] = [];
    createLogger({ idKey: 'another-key-entirely!', write: (text) => other.push(text) }).warn('x', {
      person: redactId(PSID),
    });
    assert.notEqual((JSON.parse(other[0] ?? '{}') as { person: string }).person, expected);
    assert.equal(JSON.stringify({ person: redactId(PSID) }), '{"person":{}}', 'no id outside the logger');
  });

  describe('of the running application', () => {
    const lines: string[] = [];
    let test: TestApp;
    before(async () => {
      test = await startTestApp({
        logger: createLogger({ level: 'debug', write: (line) => lines.push(line) }),
      });
    });
    after(async () => {
      await test.stop();
    });

    it('hold no psid when a postback without a mid fails and is retried', async () => {
      test.graph.failNext(20, { status: 500, code: 2, message: 'fake outage' });
      const timestamp = Date.now();
      const postback = {
        sender: { id: PSID },
        recipient: { id: PAGE_ID },
        timestamp,
        postback: { title: 'Commencer', payload: 'GET_STARTED' },
      };
      assert.equal((await test.postWebhook(webhookBody(postback))).status, 200);
      const deadline = Date.now() + 15_000;
      while (!lines.some((line) => line.includes('inbox event failed'))) {
        assert.ok(Date.now() < deadline, `no failure logged: ${lines.join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const leaking = lines.filter((line) => line.includes(PSID));
      assert.deepEqual(leaking, []);
    });
  });
});
