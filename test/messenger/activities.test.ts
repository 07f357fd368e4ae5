import assert from 'node:assert/strict';
import { toActivity, type EchoValue, type HandoverValue } from '../../bot/messenger/activities';
import type { EventKind, EventSource, MessengerEvent } from '../../bot/messenger/events';
import { readReferral } from '../../dialogs/payload';

const PAGE = '555000';

function event(
  kind: EventKind,
  raw: Record<string, unknown>,
  source: EventSource = 'messaging',
): MessengerEvent {
  return { key: 'k', pageId: PAGE, source, psid: 'u1', timestamp: 1700000000000, kind, raw };
}

const fromResident = { sender: { id: 'u1' }, recipient: { id: PAGE }, timestamp: 1700000000000 };

describe('messenger/activities: toActivity', () => {
  it('maps a text message', () => {
    const activity = toActivity(
      event('message', { ...fromResident, message: { mid: 'm.1', text: 'Bonjour' } }),
    )!;
    assert.equal(activity.type, 'message');
    assert.equal(activity.channelId, 'facebook');
    assert.equal(activity.id, 'm.1');
    assert.equal(activity.text, 'Bonjour');
    assert.equal(activity.conversation!.id, 'u1');
    assert.deepEqual(activity.from, { id: 'u1', name: '', role: 'user' });
    assert.deepEqual(activity.recipient, { id: PAGE, name: '', role: 'bot' });
    assert.equal(activity.serviceUrl, 'https://messenger.invalid');
    assert.equal(new Date(activity.timestamp!).getTime(), 1700000000000);
    assert.deepEqual(activity.value, {});
    assert.equal(activity.attachments, undefined);
    const channelData = activity.channelData as { source: string; kind: string; raw: unknown };
    assert.equal(channelData.source, 'messaging');
    assert.equal(channelData.kind, 'message');
    assert.equal((channelData.raw as { message: { text: string } }).message.text, 'Bonjour');
  });

  it('puts a quick reply payload in value.payload', () => {
    const activity = toActivity(
      event('message', {
        ...fromResident,
        message: { mid: 'm.2', text: 'Proposer', quick_reply: { payload: 'MENU_OFFER' } },
      }),
    )!;
    assert.equal(activity.text, 'Proposer');
    assert.deepEqual(activity.value, { payload: 'MENU_OFFER' });
  });

  it('maps a postback to a message with its title as text', () => {
    const activity = toActivity(
      event('postback', {
        ...fromResident,
        postback: { mid: 'm.3', title: 'Démarrer', payload: 'GET_STARTED' },
      }),
    )!;
    assert.equal(activity.type, 'message');
    assert.equal(activity.text, 'Démarrer');
    assert.deepEqual(activity.value, { payload: 'GET_STARTED' });
  });

  it('maps a shared location to value.location', () => {
    const activity = toActivity(
      event('message', {
        ...fromResident,
        message: {
          mid: 'm.4',
          attachments: [{ type: 'location', payload: { coordinates: { lat: 43.5816, long: 5.0014 } } }],
        },
      }),
    )!;
    assert.deepEqual(activity.value, { location: { lat: 43.5816, lon: 5.0014 } });
    assert.equal(activity.attachments, undefined);
    assert.equal(activity.text, '');
  });

  it('maps an image to an attachment', () => {
    const activity = toActivity(
      event('message', {
        ...fromResident,
        message: {
          mid: 'm.5',
          attachments: [{ type: 'image', payload: { url: 'https://cdn.example/i.jpg' } }],
        },
      }),
    )!;
    assert.deepEqual(activity.attachments, [
      { contentType: 'image', contentUrl: 'https://cdn.example/i.jpg' },
    ]);
  });

  it('maps an echo to a messenger.echo event with the app id', () => {
    const echo = event('echo', {
      sender: { id: PAGE },
      recipient: { id: 'u1' },
      timestamp: 1700000000000,
      message: { mid: 'm.6', is_echo: true, app_id: 263902037430900, text: 'Bonjour, ici Nadia' },
    });
    const activity = toActivity(echo)!;
    assert.equal(activity.type, 'event');
    assert.equal(activity.name, 'messenger.echo');
    assert.equal(activity.from!.id, 'u1');
    const value = activity.value as EchoValue;
    assert.equal(value.appId, '263902037430900');
    assert.equal(value.mid, 'm.6');
  });

  it('maps pass_thread_control to a messenger.handover event', () => {
    const activity = toActivity(
      event('pass_thread_control', {
        ...fromResident,
        pass_thread_control: {
          new_owner_app_id: '1111',
          previous_owner_app_id: 263902037430900,
          metadata: 'done',
        },
      }),
    )!;
    assert.equal(activity.type, 'event');
    assert.equal(activity.name, 'messenger.handover');
    const value = activity.value as HandoverValue;
    assert.equal(value.kind, 'pass_thread_control');
    assert.equal(value.newOwnerAppId, '1111');
    assert.equal(value.previousOwnerAppId, '263902037430900');
    assert.equal(value.metadata, 'done');
  });

  it('maps anything on standby to a messenger.standby event, never a message', () => {
    const message = toActivity(
      event('message', { ...fromResident, message: { mid: 'm.7', text: 'Allô' } }, 'standby'),
    )!;
    assert.equal(message.type, 'event');
    assert.equal(message.name, 'messenger.standby');
    assert.deepEqual(message.value, { kind: 'message', mid: 'm.7' });
    const postback = toActivity(
      event('postback', { ...fromResident, postback: { title: 'Aide' } }, 'standby'),
    )!;
    assert.equal(postback.name, 'messenger.standby');
  });

  it('ignores read, delivery, reaction and unknown events', () => {
    for (const kind of ['read', 'delivery', 'reaction', 'unknown'] as const) {
      assert.equal(toActivity(event(kind, { ...fromResident, [kind]: { watermark: 1 } })), null, kind);
    }
  });

  it('tolerates wrong types inside a message', () => {
    const activity = toActivity(
      event('message', {
        ...fromResident,
        message: { mid: 7, text: ['x'], quick_reply: 'no', attachments: 'no' },
      }),
    )!;
    assert.equal(activity.type, 'message');
    assert.equal(activity.id, undefined);
    assert.equal(activity.text, '');
    assert.deepEqual(activity.value, {});
  });

  it('maps a referral (an m.me link opened by someone already talking to the page) to a message carrying its ref', () => {
    const activity = toActivity(
      event('referral', {
        ...fromResident,
        referral: { ref: 'q.la-maille-2', source: 'SHORTLINK', type: 'OPEN_THREAD' },
      }),
    )!;
    // A message: the person's own action, answered by the dialogs and opening their window.
    assert.equal(activity.type, 'message');
    assert.equal(activity.text, '');
    assert.deepEqual(activity.value, { referral: 'q.la-maille-2' });
    assert.equal(readReferral(activity), 'q.la-maille-2');
  });

  it('answers a referral without a ref as a referral all the same (the welcome)', () => {
    const activity = toActivity(event('referral', { ...fromResident, referral: { source: 'SHORTLINK' } }))!;
    assert.equal(activity.type, 'message');
    assert.equal(readReferral(activity), '');
  });

  it('keeps the ref of a first contact, inside the Get Started postback', () => {
    const activity = toActivity(
      event('postback', {
        ...fromResident,
        postback: {
          mid: 'm.9',
          title: 'Démarrer',
          payload: 'GET_STARTED',
          referral: { ref: 'ville', source: 'SHORTLINK', type: 'OPEN_THREAD' },
        },
      }),
    )!;
    assert.equal(activity.type, 'message');
    assert.deepEqual(activity.value, { payload: 'GET_STARTED', referral: 'ville' });
    assert.equal(readReferral(activity), 'ville');
  });

  it('reads no referral from an ordinary message or postback', () => {
    const message = toActivity(
      event('message', { ...fromResident, message: { mid: 'm.10', text: 'q.la-maille-2' } }),
    )!;
    const postback = toActivity(
      event('postback', {
        ...fromResident,
        postback: { title: 'Démarrer', payload: 'GET_STARTED', referral: 'x' },
      }),
    )!;
    assert.equal(readReferral(message), undefined);
    assert.equal(readReferral(postback), undefined);
  });

  it('keeps a referral arriving on standby (the page inbox owns the thread) for the transcript only', () => {
    const activity = toActivity(
      event('referral', { ...fromResident, referral: { ref: 'ville' } }, 'standby'),
    )!;
    assert.equal(activity.type, 'event');
    assert.equal(activity.name, 'messenger.standby');
  });
});
