/**
 * The Graph API fails one Send API call in three (500, or 613 "slow down"): every reply is
 * still delivered, and none twice.
 */
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/testApp';
import {
  deliverUntilAcknowledged,
  deliveredTexts,
  exactlyOnceProblems,
  inboxDone,
  inParallel,
  residentMessages,
  waitUntil,
} from './support';

describe('faults: the Graph API fails one call in three', function () {
  this.timeout(60_000);
  let test: TestApp;

  before(async () => {
    test = await startTestApp();
    let count = 0;
    test.graph.respond('/me/messages', (call) => {
      count += 1;
      const body = call.body as { recipient?: { id?: string }; sender_action?: string };
      const recipient_id = body.recipient?.id;
      if (count % 3 === 0) {
        const throttled = count % 2 === 0;
        return {
          status: throttled ? 400 : 500,
          body: { error: { message: 'fake', type: 'OAuthException', code: throttled ? 613 : 2 } },
        };
      }
      return {
        body: body.sender_action ? { recipient_id } : { recipient_id, message_id: `m_flaky_${count}` },
      };
    });
  });
  after(async () => {
    await test.stop();
  });

  it('delivers every reply exactly once to 30 residents writing 2 or 3 messages each', async () => {
    const messages = residentMessages(30, 'flaky').flat();
    await inParallel(messages, 10, (message) =>
      deliverUntilAcknowledged((body) => test.postWebhook(body), message.body),
    );
    await waitUntil(() => inboxDone(test.database.db, messages.length), 45_000, 'every event processed');
    await new Promise((resolve) => setTimeout(resolve, 200));

    const refused = test.graph.calls.filter((call) => call.path === '/me/messages' && call.status !== 200);
    assert.ok(refused.length >= messages.length / 3, `the fake refused ${refused.length} calls`);
    assert.deepEqual(exactlyOnceProblems(messages, deliveredTexts(test.graph.calls)), []);
    const failedEvents = await test.database.db.collection('inbox').countDocuments({ status: 'failed' });
    assert.equal(failedEvents, 0);
  });
});
