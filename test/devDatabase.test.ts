/**
 * The one development path to a database: MONGODB_URI when set, the local engine outside
 * production, a configuration error naming MONGODB_URI in production.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError } from '../bot/config';
import { resolveDatabaseUri } from '../bot/devDatabase';
import { modulesLoadedBy } from './support/loadedModules';

const ROOT = join(__dirname, '..');

describe('development database path', () => {
  it('uses MONGODB_URI as it is, in production or not', async () => {
    const uri = 'mongodb://db.example:27017/?replicaSet=rs0';
    assert.equal(await resolveDatabaseUri({ mongodbUri: uri, production: true }), uri);
    assert.equal(await resolveDatabaseUri({ mongodbUri: uri, production: false }), uri);
  });

  it('refuses to start the local engine in production, naming MONGODB_URI', async () => {
    await assert.rejects(
      resolveDatabaseUri({ mongodbUri: undefined, production: true }),
      (error: unknown) => error instanceof ConfigError && /MONGODB_URI/.test(error.message),
    );
  });

  it('stops the server at start-up in production without MONGODB_URI (exit 78)', function () {
    this.timeout(30_000);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      MESSENGER_APP_SECRET: '0123456789abcdef0123456789abcdef',
      MESSENGER_VERIFY_TOKEN: 'a-verify-token-long-enough',
      MESSENGER_PAGE_ACCESS_TOKEN: 'page-token',
      MESSENGER_PAGE_ID: '1000000001',
      PORT: '9',
    };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'bot/index.ts'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    });
    assert.equal(run.status, 78, run.stderr);
    assert.match(run.stderr, /Configuration error: MONGODB_URI must be set in production/);
  });

  it('loads nothing of the local engine (tools/localdb/) until it is needed', function () {
    this.timeout(30_000);
    const loaded = modulesLoadedBy(['./bot/app', './bot/devDatabase', './services/db/connect']);
    assert.ok(
      loaded.some((path) => path.endsWith(join('bot', 'devDatabase.ts'))),
      'the development path itself is loaded',
    );
    assert.deepEqual(
      loaded.filter((path) => path.includes(join(ROOT, 'tools', 'localdb'))),
      [],
    );
  });
});
