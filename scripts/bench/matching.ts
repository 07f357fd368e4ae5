/**
 * Matching benchmark: the 1 km search among 100,000 entries, with the 2dsphere index
 * ($geoNear, as the bot does) next to the same search without it ($geoWithin + sort).
 */
import { performance } from 'node:perf_hooks';
import type { Db } from 'mongodb';
import { systemClock } from '../../services/clock';
import { CATEGORIES, type Entry } from '../../services/domain/types';
import { ensureDomainIndexes } from '../../services/domain/ensureIndexes';
import { Matcher } from '../../services/matching/matcher';
import { quantile } from './load';
import { pointNear, seeded } from './randomPlaces';

const EARTH_RADIUS_M = 6_378_100;

/** Rows of the matching benchmark. */
export async function benchMatching(
  db: Db,
  progress: (line: string) => void,
  total = 100_000,
): Promise<Array<{ benchmark: string; figures: string; baseline: string; ratio: string; goal: string }>> {
  const random = seeded(2020);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 30 * 86_400_000);
  const entries = db.collection<Entry>('entries');
  for (let start = 0; start < total; start += 5000) {
    const batch: Entry[] = Array.from({ length: Math.min(5000, total - start) }, (_, i) => ({
      psid: `bench-${start + i}`,
      kind: random() < 0.5 ? 'offer' : 'need',
      category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
      description: 'Courses au marché le samedi',
      location: { type: 'Point', coordinates: pointNear(random, 6000) },
      locationSource: 'neighbourhood',
      availability: 'le week-end',
      status: 'published',
      flags: [],
      createdAt: now,
      updatedAt: now,
      expiresAt,
    }));
    await entries.insertMany(batch, { ordered: false });
    if ((start / 5000) % 4 === 3) progress(`${start + batch.length} entries`);
  }
  progress('building the indexes');
  await ensureDomainIndexes(db);
  const matcher = new Matcher(db, systemClock);
  const needs = Array.from({ length: 200 }, (_, i) => ({
    psid: `need-${i}`,
    kind: 'need' as const,
    category: CATEGORIES[i % CATEGORIES.length],
    location: { type: 'Point' as const, coordinates: pointNear(random, 4000) },
  }));

  progress('searching with the 2dsphere index');
  const indexed: number[] = [];
  for (const need of needs) {
    const started = performance.now();
    await matcher.findOffersNear(need as unknown as Entry);
    indexed.push(performance.now() - started);
  }
  progress('searching without it');
  const scanned: number[] = [];
  for (const need of needs.slice(0, 50)) {
    const started = performance.now();
    const found = await entries
      .find({
        kind: 'offer',
        status: 'published',
        category: need.category,
        location: { $geoWithin: { $centerSphere: [need.location.coordinates, 1000 / EARTH_RADIUS_M] } },
      })
      .toArray();
    found.sort(
      (a, b) =>
        distance(a.location.coordinates, need.location.coordinates) -
        distance(b.location.coordinates, need.location.coordinates),
    );
    scanned.push(performance.now() - started);
  }
  const [p50, p95] = [quantile(indexed, 0.5), quantile(indexed, 0.95)];
  const [s50, s95] = [quantile(scanned, 0.5), quantile(scanned, 0.95)];
  return [
    {
      benchmark: `matching: 1 km search among ${total.toLocaleString('en')} entries`,
      figures: `$geoNear + 2dsphere: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
      baseline: `no geo index ($geoWithin + sort): p50 ${s50.toFixed(1)} ms, p95 ${s95.toFixed(1)} ms`,
      ratio: `${(s50 / p50).toFixed(1)}× faster (p50)`,
      goal: '',
    },
  ];
}

function distance([lon1, lat1]: [number, number], [lon2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const x = (lon2 - lon1) * rad * Math.cos(((lat1 + lat2) / 2) * rad);
  const y = (lat2 - lat1) * rad;
  return Math.sqrt(x * x + y * y) * EARTH_RADIUS_M;
}
