import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { parseAdminCommand, parseClock, parseDays, UsageError } from '../../services/moderation';
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
  this.timeout(600_000);
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
          timeout: 150_000,
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
    // "Mercure" is a known way of writing Le Mercure: the neighbourhood's own name is kept.
    assert.match(
      listed.stdout,
      /7000000021\tAwa Diallo\tadmin\tactive\tLa Maille 2, Le Mercure\tdu lundi au vendredi 9 h – 18 h ; samedi 9 h – 12 h/,
    );

    const stored = await database.db.collection('moderators').findOne({ psid: '7000000021' });
    assert.deepEqual(stored?.quartierKeys, ['la-maille-2', 'le-mercure']);

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

  it('sets working hours, shows them in French and keeps them when the referent is edited', async () => {
    const psid = '7000000031';
    assert.equal(
      (await admin('moderator', 'add', '--psid', psid, '--name', 'Jo', '--quartier', 'maille 1')).status,
      0,
    );
    const set = await admin(
      'moderator',
      'hours',
      '--psid',
      psid,
      '--days',
      'lun-ven',
      '--from',
      '9:00',
      '--to',
      '12h',
      '--days',
      'lun,mar,jeu',
      '--from',
      '14h',
      '--to',
      '18h30',
      '--days',
      'sam',
      '--from',
      '10:00',
      '--to',
      '12:00',
    );
    assert.equal(set.status, 0, set.stderr);
    const hours = 'lundi et mardi 9 h – 12 h et 14 h – 18 h 30 ; mercredi 9 h – 12 h';
    assert.match(set.stdout, new RegExp(hours));

    const edited = await admin(
      'moderator',
      'edit',
      '--psid',
      psid,
      '--quartier',
      'Carraire',
      '--active',
      'no',
    );
    assert.equal(edited.status, 0, edited.stderr);
    const shown = await admin('moderator', 'show', '--psid', psid);
    assert.equal(shown.status, 0, shown.stderr);
    assert.equal(
      shown.stdout.trim(),
      `${psid}\tJo\tmoderator\tinactive\tLa Carraire\tlundi et mardi 9 h – 12 h et 14 h – 18 h 30 ; ` +
        'mercredi 9 h – 12 h ; jeudi 9 h – 12 h et 14 h – 18 h 30 ; vendredi 9 h – 12 h ; samedi 10 h – 12 h\t(no e-mail)',
    );
    const stored = await database.db.collection('moderators').findOne({ psid });
    assert.deepEqual(stored?.activeHours, {
      timeZone: 'Europe/Paris',
      days: {
        mon: [
          { from: '09:00', to: '12:00' },
          { from: '14:00', to: '18:30' },
        ],
        tue: [
          { from: '09:00', to: '12:00' },
          { from: '14:00', to: '18:30' },
        ],
        wed: [{ from: '09:00', to: '12:00' }],
        thu: [
          { from: '09:00', to: '12:00' },
          { from: '14:00', to: '18:30' },
        ],
        fri: [{ from: '09:00', to: '12:00' }],
        sat: [{ from: '10:00', to: '12:00' }],
      },
    });
    // Adding again (a new name) keeps the hours set.
    assert.equal(
      (await admin('moderator', 'add', '--psid', psid, '--name', 'Jo B', '--quartier', 'Carraire')).status,
      0,
    );
    const again = await database.db.collection('moderators').findOne({ psid });
    assert.deepEqual(again?.activeHours, stored?.activeHours);
    const actions = await database.db
      .collection<{ action: string }>('audit')
      .find({ 'target.id': psid })
      .sort({ at: 1, _id: 1 })
      .toArray();
    assert.deepEqual(
      actions.map((record) => record.action),
      ['moderator.add', 'moderator.hours', 'moderator.update', 'moderator.update'],
    );
  });

  it('refuses an unknown neighbourhood, listing the known ones', async () => {
    const run = await admin(
      'moderator',
      'add',
      '--psid',
      '7000000041',
      '--name',
      'Zoé',
      '--quartier',
      'La Maile 3',
    );
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /unknown neighbourhood "La Maile 3": the known neighbourhoods are Centre-ville, Miramas-le-Vieux, La Maille 1, La Maille 2, Le Mercure, La Carraire, Les Molières, Cité Jardins/,
    );
    assert.equal(await database.db.collection('moderators').countDocuments({ psid: '7000000041' }), 0);
  });

  it('exits with 2 and the usage on a bad command line', async () => {
    for (const args of [
      ['moderator', 'add', '--psid', 'abc', '--name', 'X', '--quartier', 'Mercure'],
      ['moderator', 'add', '--psid', '123', '--name', 'X', '--quartier', 'Mercure', '--role', 'boss'],
      ['moderator', 'add', '--psid', '123', '--name', 'X'],
      ['moderator', 'hours', '--psid', '123', '--days', 'lundo', '--from', '9:00', '--to', '12:00'],
      ['moderator', 'fly'],
      [],
    ]) {
      const run = await admin(...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /Usage:/);
    }
    assert.equal(await database.db.collection('moderators').countDocuments({ psid: '123' }), 0);
  });

  it('parses repeated and --name=value options', () => {
    assert.deepEqual(
      parseAdminCommand([
        'moderator',
        'add',
        '--psid=42',
        '--name=Léa',
        '--quartier',
        'centre ville',
        '--quartier=MOLIERES',
      ]),
      {
        command: 'add',
        psid: '42',
        name: 'Léa',
        quartiers: ['Centre-ville', 'Les Molières'],
        role: 'moderator',
      },
    );
    assert.throws(() => parseAdminCommand(['moderator', 'remove', '--psid', '1', '--psid', '2']), UsageError);
    assert.throws(() => parseAdminCommand(['moderator', 'list', '--psid', '1']), UsageError);
    assert.throws(() => parseAdminCommand(['moderator', 'remove', '--psid']), UsageError);
    for (const args of [
      ['moderator', 'edit', '--psid', '123'],
      ['moderator', 'hours', '--psid', '123', '--days', 'lun-ven', '--from', '18:00', '--to', '9:00'],
      ['moderator', 'hours', '--psid', '123', '--days', 'lun', '--from', '9:00'],
      [
        'moderator',
        'hours',
        '--psid',
        '1',
        '--days',
        'lun',
        '--from',
        '9h',
        '--to',
        '12h',
        '--days',
        'lun',
        '--from',
        '11h',
        '--to',
        '13h',
      ],
    ]) {
      assert.throws(() => parseAdminCommand(args), UsageError, args.join(' '));
    }
    assert.deepEqual(parseDays('ven-lun'), ['mon', 'fri', 'sat', 'sun']);
    assert.deepEqual(parseDays('Mercredi'), ['wed']);
    assert.equal(parseClock('from', '9h'), '09:00');
    assert.throws(() => parseClock('to', '25:00'), UsageError);
  });
});
