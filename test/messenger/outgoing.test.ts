import assert from 'node:assert/strict';
import type { Activity, CardAction } from 'botbuilder';
import { toSendCalls, type SendCall } from '../../bot/messenger/outgoing';
import { ErrorCode } from '../../services/errors';
import type { OutgoingMessage } from '../../services/graph/message-types';

const isMessageInvalid = (error: unknown): boolean =>
  (error as { code?: unknown }).code === ErrorCode.MessageInvalid;
const messages = (calls: SendCall[]): OutgoingMessage[] =>
  calls.map((call) => {
    assert.equal(call.type, 'message');
    return call.message;
  });
const imBack = (title: string, value = title): CardAction => ({ type: 'imBack', title, value });

/** A French-looking paragraph of `count` sentences of about 60 characters. */
const sentences = (count: number): string =>
  Array.from(
    { length: count },
    (_, index) => `Phrase numéro ${String(index).padStart(3, '0')} pour tester la découpe du texte.`,
  ).join(' ');

describe('messenger/outgoing: toSendCalls', () => {
  it('splits a 4,500-character text into 3 messages at sentence ends, quick replies on the last only', () => {
    const text = sentences(90).slice(0, 4500);
    assert.equal(text.length, 4500);
    const calls = toSendCalls({
      type: 'message',
      text,
      suggestedActions: { to: [], actions: [imBack('Oui'), imBack('Non')] },
    });
    const sent = messages(calls);
    assert.equal(sent.length, 3);
    for (const message of sent) assert.ok(message.text!.length <= 2000);
    assert.ok(sent[0].text!.endsWith('.'));
    assert.ok(sent[1].text!.endsWith('.'));
    assert.equal(sent.map((message) => message.text).join(' '), text);
    assert.equal(sent[0].quick_replies, undefined);
    assert.equal(sent[1].quick_replies, undefined);
    assert.deepEqual(sent[2].quick_replies, [
      { content_type: 'text', title: 'Oui', payload: 'Oui' },
      { content_type: 'text', title: 'Non', payload: 'Non' },
    ]);
    for (const call of calls) assert.deepEqual((call as Extract<SendCall, { type: 'message' }>).options, {});
  });

  it('throws beyond 13 quick replies', () => {
    const actions = Array.from({ length: 14 }, (_, index) => imBack(`Choix ${index}`));
    assert.throws(
      () => toSendCalls({ type: 'message', text: 'Choisissez', suggestedActions: { to: [], actions } }),
      isMessageInvalid,
    );
    const thirteen = actions.slice(0, 13);
    assert.equal(
      messages(
        toSendCalls({ type: 'message', text: 'Choisissez', suggestedActions: { to: [], actions: thirteen } }),
      )[0].quick_replies!.length,
      13,
    );
  });

  it('truncates quick reply titles to 20 characters and keeps the payload', () => {
    const [message] = messages(
      toSendCalls({
        type: 'message',
        text: 'Catégorie ?',
        suggestedActions: { to: [], actions: [imBack('Bricolage et petits travaux', 'CAT_DIY')] },
      }),
    );
    const reply = message.quick_replies![0] as { title: string; payload: string };
    assert.equal(reply.title, 'Bricolage et petits…');
    assert.equal(Array.from(reply.title).length, 20);
    assert.equal(reply.payload, 'CAT_DIY');
  });

  it('refuses a payload over 1000 characters', () => {
    const actions = [imBack('Long', 'x'.repeat(1001))];
    assert.throws(
      () => toSendCalls({ type: 'message', text: 'Oui ?', suggestedActions: { to: [], actions } }),
      isMessageInvalid,
    );
  });

  it('offers phone and e-mail quick replies', () => {
    const actions: CardAction[] = [
      { type: 'user_phone_number', title: 'Mon numéro', value: '' },
      { type: 'user_email', title: 'Mon e-mail', value: '' },
      imBack('Passer', 'SKIP'),
    ];
    const [message] = messages(
      toSendCalls({ type: 'message', text: 'Comment vous joindre ?', suggestedActions: { to: [], actions } }),
    );
    assert.deepEqual(message.quick_replies, [
      { content_type: 'user_phone_number' },
      { content_type: 'user_email' },
      { content_type: 'text', title: 'Passer', payload: 'SKIP' },
    ]);
  });

  it('turns a hero card with buttons into a button template', () => {
    const activity: Partial<Activity> = {
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.hero',
          content: {
            title: 'Aide aux courses',
            text: 'Marie propose de faire vos courses mardi.',
            buttons: [
              { type: 'postBack', title: 'Accepter cette proposition', value: 'ACCEPT:42' },
              { type: 'openUrl', title: 'Charte', value: 'https://example.org/charte' },
              { type: 'call', title: 'CCAS', value: 'tel:+33800013140' },
            ],
          },
        },
      ],
    };
    const [message] = messages(toSendCalls(activity));
    assert.deepEqual(message.attachment, {
      type: 'template',
      payload: {
        template_type: 'button',
        text: 'Aide aux courses\nMarie propose de faire vos courses mardi.',
        buttons: [
          { type: 'postback', title: 'Accepter cette prop…', payload: 'ACCEPT:42' },
          { type: 'web_url', title: 'Charte', url: 'https://example.org/charte' },
          { type: 'phone_number', title: 'CCAS', payload: '+33800013140' },
        ],
      },
    });
  });

  it('refuses a hero card with 4 buttons and an unknown attachment', () => {
    const buttons = [1, 2, 3, 4].map((n) => imBack(`B${n}`));
    assert.throws(
      () =>
        toSendCalls({
          attachments: [
            { contentType: 'application/vnd.microsoft.card.hero', content: { text: 'x', buttons } },
          ],
        }),
      isMessageInvalid,
    );
    assert.throws(
      () =>
        toSendCalls({
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }],
        }),
      isMessageInvalid,
    );
  });

  it('maps typing to a sender action and ignores trace and event activities', () => {
    assert.deepEqual(toSendCalls({ type: 'typing' }), [{ type: 'action', action: 'typing_on' }]);
    assert.deepEqual(toSendCalls({ type: 'trace', text: 'debug' }), []);
    assert.deepEqual(toSendCalls({ type: 'event', name: 'x' }), []);
  });

  it('passes persona and messaging type, and refuses HUMAN_AGENT for the bot', () => {
    const [call] = toSendCalls({
      type: 'message',
      text: 'Bonjour',
      channelData: { personaId: 'p1', messagingType: 'UPDATE' },
    });
    assert.deepEqual((call as Extract<SendCall, { type: 'message' }>).options, {
      personaId: 'p1',
      messagingType: 'UPDATE',
    });
    assert.throws(
      () => toSendCalls({ type: 'message', text: 'Rappel', channelData: { tag: 'HUMAN_AGENT' } }),
      isMessageInvalid,
    );
    assert.throws(
      () => toSendCalls({ type: 'message', text: 'Rappel', channelData: { tag: 'CONFIRMED_EVENT_UPDATE' } }),
      isMessageInvalid,
    );
  });

  it('refuses quick replies with nothing to carry them', () => {
    assert.throws(
      () =>
        toSendCalls({ type: 'message', text: '  ', suggestedActions: { to: [], actions: [imBack('Oui')] } }),
      isMessageInvalid,
    );
  });
});
