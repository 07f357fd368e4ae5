/**
 * Bad input through the signed webhook: nothing crashes, nothing is left unhandled, and a
 * person who wrote something gets a sensible French answer.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { messagesTo } from '../support/messengerUser';
import { PAGE_ID, startTestApp, webhookBody, type TestApp } from '../support/testApp';
import { waitUntil } from './support';

/** Words one of which any French answer of the bot contains. */
const FRENCH = /\b(vous|votre|je|menu|bonjour|désolé|merci|voici)\b/i;

function item(psid: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: Date.now(), ...fields };
}

describe('faults: bad input on the webhook', function () {
  this.timeout(60_000);
  let test: TestApp;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    test = await startTestApp();
  });
  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    await test.stop();
  });

  it('answers 400 to random bytes and malformed JSON, correctly signed', async () => {
    for (const raw of [
      randomBytes(64).toString('latin1'),
      '{"object":"page","entry":[{',
      'null',
      '[]',
      '"page"',
    ]) {
      assert.equal((await test.postWebhook(undefined, { raw })).status, 400);
    }
  });

  it('survives wrong types in every field and unknown event kinds', async () => {
    const bodies: unknown[] = [
      { object: 'page', entry: 'x' },
      { object: 'page', entry: [null, 1, 'x', { id: 42, messaging: [{}] }, { id: PAGE_ID, messaging: 'x' }] },
      webhookBody(
        { sender: 'x', timestamp: 1 },
        { sender: { id: 5 }, timestamp: 1, message: { text: 'x' } },
        { sender: { id: 'bad-ts' }, timestamp: '1', message: { text: 'x' } },
        item('bad-types-1', { message: { mid: 5, text: 42, quick_reply: 'x', attachments: 'x' } }),
        item('bad-types-2', { message: 'texte' }),
        item('bad-types-3', { message: { mid: 'm_bt3', text: ['a'], attachments: [null, { type: 5 }] } }),
        item('bad-types-4', { postback: { payload: { a: 1 }, title: 7 } }),
        item('bad-types-5', { message: { mid: 'm_bt5', quick_reply: { payload: 7 }, text: 'ok' } }),
        item('bad-types-6', { unknown_kind: { x: 1 } }),
        item('bad-types-7', { reaction: { reaction: 'love', mid: 'x' } }),
        item('bad-types-8', {
          message: {
            mid: 'm_bt8',
            attachments: [{ type: 'location', payload: { coordinates: { lat: 'a', long: null } } }],
          },
        }),
      ),
    ];
    for (const body of bodies) {
      const status = (await test.postWebhook(body)).status;
      assert.ok(status === 200 || status === 400, `answered ${status}`);
    }
    await waitUntil(
      async () => (await test.database.db.collection('inbox').countDocuments({ status: 'pending' })) === 0,
      20_000,
      'the odd events to be processed',
    );
    assert.equal(await test.database.db.collection('inbox').countDocuments({ status: 'failed' }), 0);
    assert.equal((await fetch(`${test.baseUrl}/healthz`)).status, 200);
    assert.deepEqual(unhandled, []);
  });

  it('answers in French a long text, emoji only, an attachment, an unknown quick reply and an old menu button', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['odd-long', { message: { mid: 'm_long', text: 'au secours '.repeat(910).slice(0, 10_000) } }],
      ['odd-emoji', { message: { mid: 'm_emoji', text: '😀🙏🏽❤️‍🔥' } }],
      [
        'odd-image',
        {
          message: {
            mid: 'm_img',
            attachments: [{ type: 'image', payload: { url: 'https://x.invalid/a.jpg' } }],
          },
        },
      ],
      [
        'odd-quick',
        { message: { mid: 'm_qr', text: 'Truc', quick_reply: { payload: 'UNKNOWN_PAYLOAD_42' } } },
      ],
      ['odd-postback', { postback: { mid: 'm_pb', title: 'Ancien menu', payload: 'OLD_MENU_2019' } }],
    ];
    for (const [psid, fields] of cases)
      assert.equal((await test.postWebhook(webhookBody(item(psid, fields)))).status, 200);
    for (const [psid] of cases) {
      await test.graph.waitForCalls((call) => messagesTo([call], psid).length > 0, 1, 15_000);
      const texts = messagesTo(test.graph.calls, psid).map((message) => message.text);
      assert.ok(
        texts.some((text) => FRENCH.test(text)),
        `${psid}: ${texts.join(' / ').slice(0, 200)}`,
      );
      assert.ok(texts.every((text) => text.length <= 2000));
    }
    assert.deepEqual(unhandled, []);
  });
});
