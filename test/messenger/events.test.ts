import assert from 'node:assert/strict';
import { extractEvents } from '../../bot/messenger/events';
import { ErrorCode } from '../../services/errors';

const PAGE = '555000';

/** Two entries: messaging with every interesting kind, standby, and malformed items. */
const batch = {
  object: 'page',
  entry: [
    {
      id: PAGE,
      time: 1700000000100,
      messaging: [
        {
          sender: { id: 'u1' },
          recipient: { id: PAGE },
          timestamp: 1700000000001,
          message: { mid: 'm.1', text: 'Bonjour' },
        },
        {
          sender: { id: 'u1' },
          recipient: { id: PAGE },
          timestamp: 1700000000002,
          postback: { title: 'Démarrer', payload: 'GET_STARTED', mid: 'm.pb' },
        },
        {
          sender: { id: PAGE },
          recipient: { id: 'u2' },
          timestamp: 1700000000003,
          message: { mid: 'm.echo', is_echo: true, app_id: 263902037430900, text: 'Bonjour, ici Nadia' },
        },
        {
          sender: { id: 'u1' },
          recipient: { id: PAGE },
          timestamp: 1700000000004,
          read: { watermark: 1700000000001 },
        },
        {
          sender: { id: 'u1' },
          recipient: { id: PAGE },
          timestamp: 1700000000005,
          delivery: { watermark: 1700000000002 },
        },
        {
          sender: { id: 'u2' },
          recipient: { id: PAGE },
          timestamp: 1700000000006,
          pass_thread_control: { new_owner_app_id: '1111', metadata: 'done' },
        },
        { sender: { id: 'u3' }, recipient: { id: PAGE }, timestamp: 1700000000007, something_new: { x: 1 } },
        // malformed: skipped without crashing
        { sender: { id: 42 }, recipient: { id: PAGE }, timestamp: 1700000000008, message: { mid: 'm.bad1' } },
        { recipient: { id: PAGE }, timestamp: 1700000000009, message: { mid: 'm.bad2' } },
        {
          sender: { id: 'u1' },
          recipient: { id: PAGE },
          timestamp: '1700000000010',
          message: { mid: 'm.bad3' },
        },
        null,
        'garbage',
        [1, 2],
        { sender: 'u1', timestamp: 1 },
        { recipient: { id: PAGE }, timestamp: 1700000000011, app_roles: { '1111': ['primary_receiver'] } },
      ],
    },
    {
      id: PAGE,
      time: 1700000000200,
      standby: [
        {
          sender: { id: 'u4' },
          recipient: { id: PAGE },
          timestamp: 1700000000020,
          message: { mid: 'm.sb', text: 'Allô ?' },
        },
        {
          sender: { id: 'u4' },
          recipient: { id: PAGE },
          timestamp: 1700000000021,
          postback: { title: 'Aide' },
        },
      ],
      messaging: 'not an array',
    },
    { id: 12345, messaging: [{ sender: { id: 'u9' }, timestamp: 1 }] },
    null,
  ],
};

describe('messenger/events: extractEvents', () => {
  const events = extractEvents(batch);

  it('keeps every valid item of every entry, messaging and standby, in order', () => {
    assert.deepEqual(
      events.map((event) => [event.source, event.kind, event.psid]),
      [
        ['messaging', 'message', 'u1'],
        ['messaging', 'postback', 'u1'],
        ['messaging', 'echo', 'u2'],
        ['messaging', 'read', 'u1'],
        ['messaging', 'delivery', 'u1'],
        ['messaging', 'pass_thread_control', 'u2'],
        ['messaging', 'unknown', 'u3'],
        ['standby', 'message', 'u4'],
        ['standby', 'postback', 'u4'],
      ],
    );
    assert.ok(events.every((event) => event.pageId === PAGE));
  });

  it('builds dedupe keys from the mid, else sender, timestamp, kind (and watermark)', () => {
    assert.deepEqual(
      events.map((event) => event.key),
      [
        'mid:m.1',
        'u1:1700000000002:postback',
        'mid:m.echo',
        'u1:1700000000004:read:1700000000001',
        'u1:1700000000005:delivery:1700000000002',
        'u2:1700000000006:pass_thread_control',
        'u3:1700000000007:unknown',
        'mid:m.sb',
        'u4:1700000000021:postback',
      ],
    );
  });

  it('keeps the raw item and the timestamp', () => {
    assert.equal(events[0].timestamp, 1700000000001);
    assert.equal(events[0].raw, batch.entry[0]!.messaging[0]);
  });

  it('rejects a body that is not a page object', () => {
    for (const body of [
      null,
      'page',
      [],
      { object: 'instagram', entry: [] },
      { object: 'page' },
      { object: 'page', entry: {} },
    ]) {
      assert.throws(
        () => extractEvents(body),
        (error: { code?: unknown }) => error.code === ErrorCode.PayloadInvalid,
        JSON.stringify(body),
      );
    }
  });

  it('accepts an empty batch', () => {
    assert.deepEqual(extractEvents({ object: 'page', entry: [] }), []);
  });
});

describe('messenger/events: comments from the feed', () => {
  const change = (value: Record<string, unknown>, field = 'feed') => ({
    object: 'page',
    entry: [{ id: '42', time: 1, changes: [{ field, value }] }],
  });
  const added = {
    item: 'comment',
    verb: 'add',
    comment_id: '42_7_9',
    post_id: '42_7',
    from: { id: '900', name: 'X' },
    message: 'bonjour',
    created_time: 1_700_000_000,
  };

  it('makes an added comment an event keyed by its comment id', () => {
    const [event, ...rest] = extractEvents(change(added));
    assert.deepEqual(rest, []);
    assert.deepEqual(
      { key: event?.key, source: event?.source, kind: event?.kind, psid: event?.psid, pageId: event?.pageId },
      { key: 'comment:42_7_9', source: 'feed', kind: 'comment', psid: '900', pageId: '42' },
    );
    assert.equal(event?.timestamp, 1_700_000_000_000);
  });

  it('leaves edits, removals, reactions, other fields and malformed comments out', () => {
    for (const body of [
      change({ ...added, verb: 'edited' }),
      change({ ...added, verb: 'remove' }),
      change({ ...added, item: 'reaction' }),
      change(added, 'mention'),
      change({ ...added, comment_id: 12 }),
      change({ ...added, from: undefined }),
      change({ ...added, created_time: 'yesterday' }),
    ]) {
      assert.deepEqual(extractEvents(body), [], JSON.stringify(body));
    }
  });
});
