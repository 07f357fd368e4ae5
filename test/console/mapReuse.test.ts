/**
 * The map's counts reused for a few seconds: one read at a time, fresh within `freshMs`,
 * answered stale (while read again) until `staleMs`, awaited after; a failed read is not kept.
 */
import assert from 'node:assert/strict';
import { ReusedRead } from '../../bot/console/figures/mapData';

describe('console map: counts reused for a few seconds', function () {
  it('reads once for concurrent calls, reuses while fresh, answers stale once while reading again', async function () {
    let now = 0;
    let reads = 0;
    let release: (() => void) | undefined;
    const read = () =>
      new Promise<number>((resolve) => {
        reads += 1;
        const value = reads;
        release = () => resolve(value);
      });
    const reused = new ReusedRead(read, 10_000, 60_000, () => now);
    const first = [reused.get(), reused.get(), reused.get()];
    release?.();
    assert.deepEqual(await Promise.all(first), [1, 1, 1]);
    assert.equal(reads, 1, 'one read for three calls');

    now = 9_000;
    assert.equal(await reused.get(), 1);
    assert.equal(reads, 1, 'fresh: not read again');

    now = 30_000;
    assert.equal(await reused.get(), 1, 'stale: answered at once');
    assert.equal(reads, 2, 'and read again in the background');
    release?.();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await reused.get(), 2);

    now = 200_000;
    const late = reused.get();
    assert.equal(reads, 3, 'too old: read again');
    release?.();
    assert.equal(await late, 3, 'and awaited');
  });

  it('keeps no failed read: the next call reads again', async function () {
    let fail = true;
    const reused = new ReusedRead(
      () => (fail ? Promise.reject(new Error('database unavailable')) : Promise.resolve('counts')),
      10_000,
      60_000,
      () => 0,
    );
    await assert.rejects(reused.get(), /database unavailable/);
    fail = false;
    assert.equal(await reused.get(), 'counts');
  });
});
