import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { parseAdminCommand, UsageError } from '../../services/moderation/adminCli';
import { openTestDatabase, type TestDatabase } from '../support/db';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

describe('scripts/admin.ts (moderator add, list, remove)', function () {
  // Each test starts several processes (tsx, then the composition root): seconds each on a
  // loaded machine, well over mocha's default.
  this.timeout(180_000);
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase('admin');
  });
  after(() => database.dispose());

  function admin(...args: string[]): Promise<Run> {
    return new Promise((resolve) => {
      execFile(
        TSX,
        ['scripts/admin.ts', ...args],
        {
          cwd: ROOT,
          env: { ...process.env, MONGODB_URI: database.uri, MONGODB_DB: database.name },
          timeout: 60_000,
        },
        (error, stdout, stderr) => {
          const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
          resolve({ status, stdout, stderr });
        },
      );
    });
  }

  it('adds, lists and removes a moderator, auditing each change as cli', async () => {
    const added = await admin(
      'moderator',
      'add',
      '--psid',
      '7000000021',
      '--name',
      'Awa Diallo',
      '--quartier',
      'La Maille 2',
      '--quartier',
      'Mercure',
      '--role',
      'admin',
    );
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /Added admin 7000000021/);

    const listed = await admin('moderator', 'list');
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, /7000000021\tAwa Diallo\tadmin\tactive\tLa Maille 2, Mercure/);

    const stored = await database.db.collection('moderators').findOne({ psid: '7000000021' });
    assert.deepEqual(stored?.quartierKeys, ['la-maille-2', 'mercure']);

    const removed = await admin('moderator', 'remove', '--psid', '7000000021');
    assert.equal(removed.status, 0, removed.stderr);
    assert.equal(await database.db.collection('moderators').countDocuments(), 0);
    assert.equal((await admin('moderator', 'remove', '--psid', '7000000021')).status, 1);

    const audit = await database.db
      .collection<{ actor: string; action: string; target: unknown; at: Date }>('audit')
      .find()
      .sort({ at: 1, _id: 1 })
      .toArray();
    assert.deepEqual(
      audit.map((record) => [record.actor, record.action, record.target]),
      [
        ['cli', 'moderator.add', { type: 'moderator', id: '7000000021' }],
        ['cli', 'moderator.remove', { type: 'moderator', id: '7000000021' }],
      ],
    );
  });

  it('exits with 2 and the usage on a bad command line', async () => {
    for (const args of [
      ['moderator', 'add', '--psid', 'abc', '--name', 'X', '--quartier', 'Q'],
      ['moderator', 'add', '--psid', '123', '--name', 'X', '--quartier', 'Q', '--role', 'boss'],
      ['moderator', 'add', '--psid', '123', '--name', 'X'],
      ['moderator', 'fly'],
      [],
    ]) {
      const run = await admin(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /Usage:/);
    }
    assert.equal(await database.db.collection('moderators').countDocuments(), 0);
  });

  it('parses repeated and --name=value options', () => {
    assert.deepEqual(
      parseAdminCommand(['moderator', 'add', '--psid=42', '--name=Léa', '--quartier', 'A', '--quartier=B']),
      {
        command: 'add',
        psid: '42',
        name: 'Léa',
        quartiers: ['A', 'B'],
        role: 'moderator',
      },
    );
    assert.throws(() => parseAdminCommand(['moderator', 'remove', '--psid', '1', '--psid', '2']), UsageError);
    assert.throws(() => parseAdminCommand(['moderator', 'list', '--psid', '1']), UsageError);
    assert.throws(() => parseAdminCommand(['moderator', 'remove', '--psid']), UsageError);
  });
});
