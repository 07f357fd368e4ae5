/**
 * One behaviour for every botbuilder `Storage`: run against MongoStorage and MemoryStorage.
 */
import assert from 'node:assert/strict';
import type { Storage, StoreItems } from 'botbuilder';

type Item = Record<string, unknown>;

/** The item stored under `key`, typed for assertions. */
async function readItem(storage: Storage, key: string): Promise<Item | undefined> {
  const items: StoreItems = await storage.read([key]);
  return items[key] as Item | undefined;
}

/** Registers the shared storage tests; `create` gives a fresh, empty storage per test. */
export function storageSuite(name: string, create: () => Promise<Storage> | Storage): void {
  describe(`${name} (shared storage suite)`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await create();
    });

    it('reads nothing for unknown keys and an empty list', async () => {
      assert.deepEqual(await storage.read(['missing']), {});
      assert.deepEqual(await storage.read([]), {});
    });

    it('writes and reads back items with a fresh eTag, without touching the caller object', async () => {
      const item = { count: 1, nested: { list: [1, 2], text: 'à bientôt' } };
      await storage.write({ 'a/b': item });
      const read = await readItem(storage, 'a/b');
      assert.deepEqual({ ...read, eTag: undefined }, { ...item, eTag: undefined });
      assert.equal(typeof read?.eTag, 'string');
      assert.equal('eTag' in item, false);
    });

    it('keeps keys MongoDB restricts ($-prefixed and dotted)', async () => {
      await storage.write({ k: { $special: 1, 'a.b': { 'c.d': true } } });
      const read = await readItem(storage, 'k');
      assert.equal(read?.$special, 1);
      assert.deepEqual(read?.['a.b'], { 'c.d': true });
    });

    it('changes the eTag on every write', async () => {
      await storage.write({ k: { v: 1 } });
      const first = (await readItem(storage, 'k'))?.eTag;
      await storage.write({ k: { v: 2, eTag: first } });
      const second = (await readItem(storage, 'k'))?.eTag;
      assert.notEqual(first, second);
    });

    it('rejects a write with a stale eTag and keeps the stored value', async () => {
      await storage.write({ k: { v: 1 } });
      const stale = await readItem(storage, 'k');
      await storage.write({ k: { ...stale, v: 2 } });
      await assert.rejects(storage.write({ k: { ...stale, v: 3 } }), /eTag conflict/);
      assert.equal((await readItem(storage, 'k'))?.v, 2);
    });

    it('lets exactly one of two concurrent writers with the same eTag win', async () => {
      await storage.write({ k: { v: 0 } });
      const base = await readItem(storage, 'k');
      const results = await Promise.allSettled([
        storage.write({ k: { ...base, v: 'first' } }),
        storage.write({ k: { ...base, v: 'second' } }),
      ]);
      assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
      assert.equal(results.filter((result) => result.status === 'rejected').length, 1);
    });

    it("overwrites with eTag '*' or none", async () => {
      await storage.write({ k: { v: 1 } });
      await storage.write({ k: { v: 2, eTag: '*' } });
      assert.equal((await readItem(storage, 'k'))?.v, 2);
      await storage.write({ k: { v: 3 } });
      assert.equal((await readItem(storage, 'k'))?.v, 3);
    });

    it('creates an item written with an eTag when none is stored', async () => {
      await storage.write({ fresh: { v: 1, eTag: 'whatever' } });
      assert.equal((await readItem(storage, 'fresh'))?.v, 1);
    });

    it('deletes items, and deleting an unknown key is fine', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 2 } });
      await storage.delete(['a', 'unknown']);
      const read = await storage.read(['a', 'b']);
      assert.deepEqual(Object.keys(read), ['b']);
    });
  });
}
