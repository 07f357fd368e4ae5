/**
 * End to end through the signed Messenger webhook and the fake Graph API: a resident asks
 * for a person, is told in French that a referent answers here, and the thread is passed
 * to the page inbox; what they write on standby and the referent's reply from the inbox
 * are kept in the handover's transcript with no reply from the bot; when the inbox passes
 * the thread back, the bot says it is back and shows the menu.
 */
import assert from 'node:assert/strict';
import { manualClock } from '../../services/clock';
import { PAGE_INBOX_APP_ID } from '../../services/graph';
import type { StoredHandover } from '../../services/moderation';
import type { RecordedCall } from '../support/fake-graph';
import { MessengerUser, messagesTo, payloadsOf, textOf } from '../support/messengerUser';
import { PAGE_ID, startTestApp, type TestApp } from '../support/testApp';

/** Monday 9 March 2026, 10:00 in Paris: within the referents' hours. */
const MONDAY_10H = new Date('2026-03-09T09:00:00.000Z');
const OUR_APP_ID = '5550001';
const REFERENT = '7000000001';

describe('a handover to the referents over Messenger, end to end', () => {
  let test: TestApp;
  before(async () => {
    test = await startTestApp({ clock: manualClock(MONDAY_10H).now, env: { MESSENGER_APP_ID: OUR_APP_ID } });
    await test.app.container
      .get('moderation')
      .moderators.upsert({ psid: REFERENT, name: 'Awa', quartiers: [] });
  });
  after(async () => {
    await test.stop();
  });

  /** Posts one webhook body and waits until `done` holds (10 s at most). */
  async function post(body: Record<string, unknown>, done: () => boolean | Promise<boolean>): Promise<void> {
    const response = await test.postWebhook(body);
    assert.equal(response.status, 200);
    const deadline = Date.now() + 10_000;
    while (!(await done())) {
      assert.ok(Date.now() < deadline, 'the bot did not process the event within 10 s');
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
  }

  const handoverOf = (psid: string) =>
    test.database.db.collection<StoredHandover>('handoffs').findOne({ psid }, { sort: { createdAt: -1 } });
  const isPass = (call: RecordedCall) => call.path === '/me/pass_thread_control';

  it('tells the resident, passes the thread, keeps the transcript silently, and resumes on the way back', async () => {
    const resident = new MessengerUser(test, '2000000000000021');

    // The resident taps "Parler à quelqu'un": the notice first, then the pass to the page inbox.
    const notice = await resident.postback('MENU_HUMAN', "Parler à quelqu'un");
    assert.match(textOf(notice), /un référent de Voisins Solidaires vous répond ici/);
    assert.equal(payloadsOf(notice).length, 0, 'no menu: the page inbox owns the thread now');
    const [pass] = await test.graph.waitForCalls(isPass);
    const body = pass.body as {
      recipient: { id: string };
      target_app_id: string | number;
      metadata?: string;
    };
    assert.equal(body.recipient.id, resident.psid);
    assert.equal(String(body.target_app_id), PAGE_INBOX_APP_ID);
    const calls = test.graph.calls;
    const noticeAt = calls.findIndex((call) => messagesTo([call], resident.psid).length > 0);
    assert.ok(noticeAt >= 0 && noticeAt < calls.indexOf(pass), 'the notice is sent before the pass');
    assert.equal((await handoverOf(resident.psid))?.reason, 'asked_for_human');

    // On standby, the resident writes and a referent answers from the inbox: recorded, no reply.
    const callsBefore = test.graph.calls.length;
    const at = Date.now();
    const standby = {
      sender: { id: resident.psid },
      recipient: { id: PAGE_ID },
      timestamp: at,
      message: { mid: 'm_standby_1', text: 'Vous êtes là ?' },
    };
    await post({ object: 'page', entry: [{ id: PAGE_ID, time: at, standby: [standby] }] }, async () => {
      return ((await handoverOf(resident.psid))?.transcript.length ?? 0) >= 1;
    });
    const echo = {
      sender: { id: PAGE_ID },
      recipient: { id: resident.psid },
      timestamp: at + 1,
      message: {
        mid: 'm_echo_1',
        text: 'Bonjour, je suis Awa, je regarde.',
        is_echo: true,
        app_id: Number(PAGE_INBOX_APP_ID),
      },
    };
    await post({ object: 'page', entry: [{ id: PAGE_ID, time: at + 1, messaging: [echo] }] }, async () => {
      return ((await handoverOf(resident.psid))?.transcript.length ?? 0) >= 2;
    });
    const during = await handoverOf(resident.psid);
    assert.deepEqual(
      during?.transcript.map((line) => [line.from, line.text]),
      [
        ['resident', 'Vous êtes là ?'],
        ['moderator', 'Bonjour, je suis Awa, je regarde.'],
      ],
    );
    assert.equal(
      messagesTo(test.graph.calls.slice(callsBefore), resident.psid).length,
      0,
      'the bot said nothing',
    );

    // The referent marks it done in the inbox: control comes back, the bot says so with the menu.
    const back = {
      sender: { id: resident.psid },
      recipient: { id: PAGE_ID },
      timestamp: at + 2,
      pass_thread_control: { new_owner_app_id: OUR_APP_ID, metadata: 'done' },
    };
    await post({ object: 'page', entry: [{ id: PAGE_ID, time: at + 2, messaging: [back] }] }, () => {
      return messagesTo(test.graph.calls.slice(callsBefore), resident.psid).length > 0;
    });
    const resumed = messagesTo(test.graph.calls.slice(callsBefore), resident.psid);
    assert.match(textOf(resumed), /Je reprends la conversation/);
    assert.ok(payloadsOf(resumed).includes('MENU_HUMAN'), 'the menu is offered again');
    assert.equal((await handoverOf(resident.psid))?.status, 'closed');
  });
});
