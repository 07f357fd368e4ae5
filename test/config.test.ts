import assert from 'node:assert/strict';
import { ConfigError, describeDatabase, parseConfig } from '../bot/config';

describe('configuration', () => {
  it('starts with no variables at all: local engine, Messenger off, documented defaults', () => {
    const config = parseConfig({});
    assert.equal(config.port, 3978);
    assert.equal(config.mongodbUri, undefined);
    assert.equal(config.mongodbDb, 'voisins');
    assert.equal(config.messenger, undefined);
    assert.equal(config.graphApiUrl, 'https://graph.facebook.com');
    assert.equal(config.graphApiVersion, 'v25.0');
    assert.equal(config.pageInboxAppId, '263902037430900');
    assert.equal(config.botFramework.MicrosoftAppId, '');
    assert.equal(config.inboxWorker, true);
    assert.equal(config.matchTimeoutHours, 6);
    assert.equal(config.followUpAfterHours, 20);
    assert.equal(config.taskDueMinutes, 120);
    assert.equal(config.urgentTaskDueMinutes, 30);
    assert.equal(config.taskEscalationDelayMinutes, 0);
    assert.ok(Object.isFrozen(config));
  });

  it('turns Messenger on when its three secrets are set', () => {
    const config = parseConfig({
      MESSENGER_APP_SECRET: 's',
      MESSENGER_VERIFY_TOKEN: 'v',
      MESSENGER_PAGE_ACCESS_TOKEN: 't',
      MESSENGER_PAGE_ID: '123',
      GRAPH_API_URL: 'http://127.0.0.1:9999/',
    });
    assert.deepEqual(config.messenger, {
      appSecret: 's',
      verifyToken: 'v',
      pageAccessToken: 't',
      pageId: '123',
    });
    assert.equal(config.graphApiUrl, 'http://127.0.0.1:9999');
  });

  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ MONGODB_URI: 'postgres://x' }, /MONGODB_URI/],
    [{ MONGODB_DB: 'a b' }, /MONGODB_DB/],
    [{ MESSENGER_APP_SECRET: 's' }, /MESSENGER_VERIFY_TOKEN, MESSENGER_PAGE_ACCESS_TOKEN/],
    [{ GRAPH_API_URL: 'ftp://x' }, /GRAPH_API_URL/],
    [{ GRAPH_API_VERSION: '25' }, /GRAPH_API_VERSION/],
    [{ PAGE_INBOX_APP_ID: 'inbox' }, /PAGE_INBOX_APP_ID/],
    [{ GEOCODER_URL: 'nope' }, /GEOCODER_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ INBOX_WORKER: 'maybe' }, /INBOX_WORKER/],
    [{ MATCH_TIMEOUT_HOURS: '0' }, /MATCH_TIMEOUT_HOURS/],
    [{ MATCH_TIMEOUT_HOURS: 'six' }, /MATCH_TIMEOUT_HOURS/],
    [{ FOLLOW_UP_AFTER_HOURS: '200' }, /FOLLOW_UP_AFTER_HOURS/],
    [{ TASK_DUE_MINUTES: '2h' }, /TASK_DUE_MINUTES must be a whole number of minutes from 5 to 10080/],
    [{ TASK_DUE_MINUTES: '3' }, /TASK_DUE_MINUTES/],
    [{ TASK_URGENT_DUE_MINUTES: '-1' }, /TASK_URGENT_DUE_MINUTES/],
    [
      { TASK_URGENT_DUE_MINUTES: '180' },
      /TASK_URGENT_DUE_MINUTES \(180\) must not be longer than TASK_DUE_MINUTES \(120\)/,
    ],
    [{ TASK_ESCALATION_DELAY_MINUTES: '20000' }, /TASK_ESCALATION_DELAY_MINUTES/],
  ];

  it("reads the tasks' due times and escalation delay, in minutes", () => {
    const config = parseConfig({
      TASK_DUE_MINUTES: '240',
      TASK_URGENT_DUE_MINUTES: '15',
      TASK_ESCALATION_DELAY_MINUTES: '30',
    });
    assert.equal(config.taskDueMinutes, 240);
    assert.equal(config.urgentTaskDueMinutes, 15);
    assert.equal(config.taskEscalationDelayMinutes, 30);
  });

  it('reads the delays of the matching jobs, in hours', () => {
    const config = parseConfig({ MATCH_TIMEOUT_HOURS: '2.5', FOLLOW_UP_AFTER_HOURS: '48' });
    assert.equal(config.matchTimeoutHours, 2.5);
    assert.equal(config.followUpAfterHours, 48);
  });
  for (const [env, message] of bad) {
    it(`stops on ${Object.keys(env).join(', ')}=${Object.values(env).join(', ')} and names it`, () => {
      assert.throws(
        () => parseConfig(env),
        (error: unknown) => error instanceof ConfigError && message.test(error.message),
      );
    });
  }

  it('describes the database without credentials', () => {
    assert.equal(
      describeDatabase('mongodb://user:secret@db.example:27017/?tls=true', 'voisins'),
      'mongodb://db.example:27017/voisins',
    );
  });

  it('signs personal links with LINK_SECRET, else a key derived from the app secret', () => {
    const messenger = {
      MESSENGER_APP_SECRET: 'app-secret-of-the-test',
      MESSENGER_VERIFY_TOKEN: 'v',
      MESSENGER_PAGE_ACCESS_TOKEN: 't',
    };
    assert.equal(parseConfig({ LINK_SECRET: 'short' }).linkSecret, 'short');
    const derived = parseConfig(messenger).linkSecret;
    assert.match(derived, /^[0-9a-f]{64}$/);
    assert.notEqual(derived, 'app-secret-of-the-test');
    assert.equal(parseConfig(messenger).linkSecret, derived, 'the same app secret gives the same key');
    assert.notEqual(
      parseConfig({ ...messenger, MESSENGER_APP_SECRET: 'another-app-secret' }).linkSecret,
      derived,
    );
    assert.ok(parseConfig({}).linkSecret.length >= 16, 'a development key without any secret');
  });

  it('refuses a LINK_SECRET under 16 characters, or none without Messenger, in production', () => {
    assert.throws(() => parseConfig({ NODE_ENV: 'production', LINK_SECRET: 'short' }), /LINK_SECRET/);
    assert.throws(() => parseConfig({ NODE_ENV: 'production' }), /LINK_SECRET/);
    assert.equal(
      parseConfig({ NODE_ENV: 'production', LINK_SECRET: 'a-long-enough-link-key' }).linkSecret,
      'a-long-enough-link-key',
    );
  });
});
