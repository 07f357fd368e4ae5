/**
 * Configuration that would weaken the bot in production is refused at start-up.
 */
import assert from 'node:assert/strict';
import { ConfigError, parseConfig } from '../../bot/config';
import { modulesLoadedBy } from '../support/loadedModules';

const PRODUCTION_MESSENGER = {
  NODE_ENV: 'production',
  MESSENGER_APP_SECRET: '0123456789abcdef0123456789abcdef',
  MESSENGER_VERIFY_TOKEN: 'a-verify-token-long-enough',
  MESSENGER_PAGE_ACCESS_TOKEN: 'page-token',
  MESSENGER_PAGE_ID: '1000000001',
};

describe('security: configuration', () => {
  it('takes 16-character secrets and the page id in production', () => {
    const config = parseConfig(PRODUCTION_MESSENGER);
    assert.equal(config.production, true);
    assert.equal(config.botFrameworkAccess, 'off');
  });

  const refused: Array<[string, Record<string, string>, RegExp]> = [
    ['a short app secret', { MESSENGER_APP_SECRET: 'short-secret' }, /MESSENGER_APP_SECRET.*16/],
    ['a short verify token', { MESSENGER_VERIFY_TOKEN: 'token' }, /MESSENGER_VERIFY_TOKEN.*16/],
    ['no page id', { MESSENGER_PAGE_ID: '' }, /MESSENGER_PAGE_ID/],
    ['an unauthenticated Bot Framework endpoint', { BOT_FRAMEWORK_LOCAL: 'loopback' }, /BOT_FRAMEWORK_LOCAL/],
    ['an app id without its password', { MicrosoftAppId: 'app-id' }, /MicrosoftAppPassword/],
    ['a short log hash key', { LOG_HASH_KEY: 'short' }, /LOG_HASH_KEY/],
    [
      'a serviceUrl host with a path',
      { BOT_FRAMEWORK_SERVICE_HOSTS: 'evil.example/x' },
      /BOT_FRAMEWORK_SERVICE_HOSTS/,
    ],
  ];
  for (const [what, env, message] of refused) {
    it(`refuses ${what} in production`, () => {
      assert.throws(
        () => parseConfig({ ...PRODUCTION_MESSENGER, ...env }),
        (error: unknown) => error instanceof ConfigError && message.test(error.message),
      );
    });
  }

  it('allows short secrets outside production (tests, the Emulator)', () => {
    const config = parseConfig({
      ...PRODUCTION_MESSENGER,
      NODE_ENV: 'development',
      MESSENGER_APP_SECRET: 's',
    });
    assert.equal(config.botFrameworkAccess, 'loopback');
  });
});

describe('security: dependencies', () => {
  it('never loads the abandoned spdy, http-deceiver or formidable', function () {
    this.timeout(30_000);
    const loaded = modulesLoadedBy(['./bot/app']);
    assert.ok(
      loaded.some((path) => path.includes('/node_modules/restify/')),
      'restify itself is loaded',
    );
    const abandoned = loaded.filter((path) =>
      /\/node_modules\/(spdy|http-deceiver|formidable|spdy-transport|handle-thing)\//.test(path),
    );
    assert.deepEqual(abandoned, []);
  });
});
