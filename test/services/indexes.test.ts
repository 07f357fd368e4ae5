import assert from 'node:assert/strict';
import { ensureDomainIndexes } from '../../services/domain/ensureIndexes';
import { openTestDatabase, type TestDatabase } from '../support/db';

interface IndexInfo {
  key: unknown;
  unique?: boolean;
}

describe('ensureDomainIndexes', () => {
  let database: TestDatabase;

  before(async () => {
    database = await openTestDatabase('indexes');
  });
  after(async () => database.dispose());

  it('creates every domain index, and can run twice', async () => {
    await ensureDomainIndexes(database.db);
    await ensureDomainIndexes(database.db);
    const keys = async (name: string) =>
      ((await database.db.collection(name).listIndexes().toArray()) as IndexInfo[]).map((index) => ({
        key: index.key,
        unique: index.unique === true,
      }));
    const entries = await keys('entries');
    for (const key of [{ location: '2dsphere' }, { psid: 1 }, { status: 1, category: 1 }, { expiresAt: 1 }]) {
      assert.ok(
        entries.some((index) => JSON.stringify(index.key) === JSON.stringify(key)),
        JSON.stringify(key),
      );
    }
    assert.ok(
      (await keys('residents')).some((index) => index.unique && JSON.stringify(index.key) === '{"psid":1}'),
    );
    assert.ok(
      (await keys('conversations')).some(
        (index) => index.unique && JSON.stringify(index.key) === '{"psid":1}',
      ),
    );
    const matches = await keys('matches');
    for (const field of ['needId', 'offerId', 'needPsid', 'offerPsid']) {
      assert.ok(
        matches.some((index) => JSON.stringify(index.key) === JSON.stringify({ [field]: 1 })),
        field,
      );
    }
  });

  it('makes psid unique among residents', async () => {
    const residents = database.db.collection('residents');
    await residents.insertOne({ psid: 'dup' });
    await assert.rejects(
      residents.insertOne({ psid: 'dup' }),
      (error: { code?: number }) => error.code === 11000,
    );
  });
});
