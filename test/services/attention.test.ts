import assert from 'node:assert/strict';
import { manualClock } from '../../services/clock';
import { AttentionFlags, MAX_REASONS } from '../../services/conversations/attention';
import { ensureDomainIndexes } from '../../services/domain/ensureIndexes';
import { CodedError } from '../../services/errors';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { T0 } from './support';

describe('AttentionFlags', () => {
  let database: TestDatabase;
  let flags: AttentionFlags;
  const clock = manualClock(T0);

  before(async () => {
    database = await openTestDatabase('attention');
    await ensureDomainIndexes(database.db);
    flags = new AttentionFlags(database.db, clock.now);
  });
  after(async () => database.dispose());

  it('keeps one document per psid with dated reasons, then clears it', async () => {
    await flags.flag('alice', 'asked_for_human');
    clock.advance(1000);
    const flagged = await flags.flag('alice', 'money', `  ${'x'.repeat(400)} `);
    assert.equal(flagged.needsModerator, true);
    assert.deepEqual(
      flagged.reasons.map((entry) => [entry.reason, entry.at.getTime()]),
      [
        ['asked_for_human', T0.getTime()],
        ['money', T0.getTime() + 1000],
      ],
    );
    assert.equal(flagged.reasons[1]?.detail?.length, 300);
    assert.equal(await database.db.collection('conversations').countDocuments({ psid: 'alice' }), 1);
    assert.deepEqual(
      (await flags.waiting()).map((doc) => doc.psid),
      ['alice'],
    );

    assert.equal(await flags.clear('alice'), true);
    const cleared = await flags.get('alice');
    assert.equal(cleared?.needsModerator, false);
    assert.deepEqual(cleared?.reasons, []);
    assert.equal(await flags.clear('nobody'), false);
  });

  it('keeps the last reasons only, and rejects unknown reasons', async () => {
    for (let i = 0; i < MAX_REASONS + 5; i += 1) await flags.flag('bob', 'misunderstood_twice', `n${i}`);
    const stored = await flags.get('bob');
    assert.equal(stored?.reasons.length, MAX_REASONS);
    assert.equal(stored?.reasons.at(-1)?.detail, `n${MAX_REASONS + 4}`);
    await assert.rejects(flags.flag('bob', '$where' as never), CodedError);
    await assert.rejects(flags.flag({ $ne: null } as never, 'money'), CodedError);
  });

  it('survives two first flags at the same time (unique psid)', async () => {
    await Promise.all([flags.flag('carol', 'emergency'), flags.flag('carol', 'complaint')]);
    const stored = await flags.get('carol');
    assert.equal(stored?.reasons.length, 2);
    assert.equal(await database.db.collection('conversations').countDocuments({ psid: 'carol' }), 1);
  });
});
