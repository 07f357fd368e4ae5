import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { parseConfig, ConfigError } from '../../bot/config';
import { systemClock } from '../../services/clock';
import { ModerationError } from '../../services/moderation';
import { parseAdminCommand, UsageError } from '../../services/moderation';
import { ModeratorRepository } from '../../services/moderation/moderatorRepository';
import { openTestDatabase, type TestDatabase } from '../support/db';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

describe("referents' e-mail addresses", function () {
  // The last test starts the admin script three times (tsx, then the composition root).
  this.timeout(180_000);
  let database: TestDatabase;
  let moderators: ModeratorRepository;

  before(async () => {
    database = await openTestDatabase('moderator_email');
    moderators = new ModeratorRepository(database.db, systemClock);
    await moderators.ensureIndexes();
  });
  after(() => database.dispose());

  it('keeps an address until it is changed or removed, with its domain in lower case', async () => {
    const base = { psid: '7200000001', name: 'Josiane', quartiers: ['Mercure'] };
    const { moderator } = await moderators.upsert({ ...base, email: ' Josiane.B@Mairie-Miramas.FR ' });
    assert.equal(moderator.email, 'Josiane.B@mairie-miramas.fr');
    // Updating her neighbourhoods without --email keeps the address.
    assert.equal(
      (await moderators.upsert({ ...base, quartiers: ['Mercure', 'Centre'] })).moderator.email,
      moderator.email,
    );
    assert.equal(await moderators.setEmail('7200000001', 'jo@example.org'), true);
    assert.equal((await moderators.get('7200000001'))?.email, 'jo@example.org');
    assert.equal(await moderators.setEmail('7200000001', null), true);
    assert.equal((await moderators.get('7200000001'))?.email, undefined);
    assert.equal(await moderators.setEmail('7299999999', 'x@example.org'), false);
  });

  it('refuses what is not an address', async () => {
    for (const email of ['josiane', 'jo@', 'jo@localhost', 'jo bis@example.org', 'a@b@c.fr']) {
      await assert.rejects(
        moderators.upsert({ psid: '7200000002', name: 'X', quartiers: ['Q'], email }),
        (error: unknown) => error instanceof ModerationError,
        email,
      );
      await assert.rejects(moderators.setEmail('7200000001', email), ModerationError, email);
    }
  });

  it('parses --email on add and the email action', () => {
    assert.deepEqual(
      parseAdminCommand([
        'moderator',
        'add',
        '--psid',
        '42',
        '--name',
        'Léa',
        '--quartier',
        'la carraire',
        '--email',
        'lea@example.org',
      ]),
      {
        command: 'add',
        psid: '42',
        name: 'Léa',
        quartiers: ['La Carraire'],
        role: 'moderator',
        email: 'lea@example.org',
      },
    );
    assert.deepEqual(parseAdminCommand(['moderator', 'email', '--psid', '42', '--email', 'none']), {
      command: 'email',
      psid: '42',
      email: null,
    });
    for (const argv of [
      ['moderator', 'email', '--psid', '42'],
      ['moderator', 'email', '--psid', '42', '--email', 'pas-une-adresse'],
      ['moderator', 'add', '--psid', '42', '--name', 'L', '--quartier', 'La Carraire', '--email', 'none'],
      ['moderator', 'remove', '--psid', '42', '--email', 'a@example.org'],
    ]) {
      assert.throws(() => parseAdminCommand(argv), UsageError, argv.join(' '));
    }
  });

  it('sets, shows and changes an address from the command line, audited', async () => {
    const admin = (...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> =>
      new Promise((resolve) => {
        execFile(
          TSX,
          ['scripts/admin.ts', ...args],
          {
            cwd: ROOT,
            env: { ...process.env, MONGODB_URI: database.uri, MONGODB_DB: database.name },
            timeout: 60_000,
          },
          (error, stdout, stderr) =>
            resolve({
              status: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
              stdout,
              stderr,
            }),
        );
      });
    const added = await admin(
      'moderator',
      'add',
      '--psid',
      '7200000010',
      '--name',
      'Mehdi',
      '--quartier',
      'La Maille 2',
      '--email',
      'mehdi@example.org',
    );
    assert.equal(added.status, 0, added.stderr);
    const changed = await admin('moderator', 'email', '--psid', '7200000010', '--email', 'm.k@example.org');
    assert.equal(changed.status, 0, changed.stderr);
    const listed = await admin('moderator', 'list');
    assert.match(listed.stdout, /7200000010\tMehdi\tmoderator\tactive\tLa Maille 2\t.*\tm\.k@example\.org/);
    const audit = await database.db
      .collection<{ action: string; detail?: string; target: { id: string } }>('audit')
      .find({ 'target.id': '7200000010' })
      .toArray();
    assert.deepEqual(
      audit.map((record) => [record.action, record.detail]),
      [
        ['moderator.add', 'moderator'],
        ['moderator.update', 'email_set'],
      ],
    );
  });
});

describe('e-mail configuration', () => {
  it('is off without SMTP_URL, with the console on localhost', () => {
    const config = parseConfig({});
    assert.equal(config.mail.smtpUrl, undefined);
    assert.equal(config.publicUrl, 'http://localhost:3978');
  });

  it('reads SMTP_URL, MAIL_FROM and PUBLIC_URL', () => {
    const config = parseConfig({
      SMTP_URL: 'smtp://user:pass@smtp.example.org:587',
      MAIL_FROM: 'Voisins Solidaires <bot@example.org>',
      PUBLIC_URL: 'https://voisins.example.org/',
    });
    assert.deepEqual(config.mail, {
      smtpUrl: 'smtp://user:pass@smtp.example.org:587',
      from: 'Voisins Solidaires <bot@example.org>',
    });
    assert.equal(config.publicUrl, 'https://voisins.example.org');
  });

  for (const [env, named] of [
    [{ SMTP_URL: 'smtp://smtp.example.org' }, 'MAIL_FROM'],
    [{ SMTP_URL: 'https://smtp.example.org', MAIL_FROM: 'a@example.org' }, 'SMTP_URL'],
    [{ SMTP_URL: 'not a url', MAIL_FROM: 'a@example.org' }, 'SMTP_URL'],
    [{ MAIL_FROM: 'Voisins <nobody>' }, 'MAIL_FROM'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
  ] as const) {
    it(`stops on ${Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')} and names ${named}`, () => {
      assert.throws(
        () => parseConfig(env),
        (error: unknown) => error instanceof ConfigError && error.message.includes(named),
      );
    });
  }
});
