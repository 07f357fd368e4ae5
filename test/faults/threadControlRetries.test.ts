/**
 * One retry layer: when Meta keeps failing thread control with a 500, the call reaches Meta
 * as many times as the outbox's retry policy allows, not that number times the handover's.
 */
import assert from 'node:assert/strict';
import { manualClock } from '../../services/clock';
import { DEFAULT_RETRY } from '../../services/graph';
import type { StoredHandover } from '../../services/moderation';
import { MessengerUser, textOf } from '../support/messengerUser';
import { startTestApp, type TestApp } from '../support/testApp';

/** Monday 9 March 2026, 10:00 in Paris: within the referents' hours. */
const MONDAY_10H = new Date('2026-03-09T09:00:00.000Z');

describe('faults: thread control fails with a 500', function () {
  this.timeout(30_000);
  let test: TestApp;

  before(async () => {
    test = await startTestApp({ clock: manualClock(MONDAY_10H).now });
    test.graph.respond('/me/pass_thread_control', () => ({
      status: 500,
      body: { error: { message: 'fake', type: 'OAuthException', code: 2 } },
    }));
  });
  after(async () => {
    await test.stop();
  });

  it('is tried DEFAULT_RETRY.attempts times in all, and the handover is still recorded', async () => {
    const resident = new MessengerUser(test, '2000000000000091');
    const notice = await resident.postback('MENU_HUMAN', "Parler à quelqu'un");
    assert.ok(textOf(notice) !== '', 'the resident is answered');
    const passes = test.graph.calls.filter((call) => call.path === '/me/pass_thread_control');
    assert.equal(passes.length, DEFAULT_RETRY.attempts, 'one retry layer: the outbox');
    assert.ok(passes.every((call) => call.status === 500));
    const handoff = await test.database.db
      .collection<StoredHandover>('handoffs')
      .findOne({ psid: resident.psid });
    assert.equal(handoff?.reason, 'asked_for_human');
    assert.equal(handoff.passedAt, undefined, 'not passed: the next handover tries again');
  });
});
