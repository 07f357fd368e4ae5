/**
 * The terminal chat runs both whole conversations: Hélène offers help, a referent publishes
 * her offer, Marc asks for the same help 500 m away, picks her offer, and she accepts.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openTestDatabase, type TestDatabase } from '../support/db';

const ROOT = join(__dirname, '..', '..');

/** Runs `npm run chat` with `lines` piped in; resolves with what it printed. */
function chat(database: TestDatabase, lines: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'chat.ts')], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_URI: database.uri, MONGODB_DB: database.name },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`chat exited with ${code}: ${errors.slice(-500)}`));
    });
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

describe('terminal chat', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase('chat');
  });
  after(async () => {
    await database.dispose();
  });

  it('runs an offer and a need to a match, with numbered choices and both contacts', async function () {
    this.timeout(120_000);
    const offer = await chat(database, [
      '/moi helene',
      'bonjour',
      '1',
      'Courses',
      "Je peux faire vos courses le samedi, j'ai une voiture",
      '/position 43.5878 5.0017',
      'le samedi matin',
      '1',
      '06 12 34 56 78',
      'Oui',
      'Oui',
      'Oui',
      '/quitter',
    ]);
    assert.match(offer, /1\. Proposer de l'aide/);
    assert.match(offer, /Votre offre est enregistrée/);
    const entries = database.db.collection('entries');
    assert.equal(
      await entries.countDocuments({ psid: 'helene', kind: 'offer', status: 'pending_review' }),
      1,
    );
    await entries.updateOne({ psid: 'helene' }, { $set: { status: 'published' } });

    const need = await chat(database, [
      '/moi marc',
      'bjr jai besoin de qq1 pour faire mes courses svp',
      'Pour moi',
      'pas urgent',
      'Mes courses de la semaine au supermarché',
      '/position 43.5833 5.0017',
      'samedi',
      'marc@example.org',
      'Oui',
      'Oui',
      'Oui',
      '1',
      '/moi helene',
      '1',
      '/quitter',
    ]);
    assert.match(need, /à moins de 500 m/);
    assert.match(need, /Bot → helene › /, 'Hélène is asked through the bot');
    assert.match(need, /marc@example\.org/);
    assert.match(need.replace(/\s/g, ''), /0612345678/);
    const match = await database.db.collection('matches').findOne({ needPsid: 'marc', offerPsid: 'helene' });
    assert.equal(match?.status, 'accepted');
  });
});
