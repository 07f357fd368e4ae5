/**
 * Re-examination benchmark: the scheduled `reexamine-needs` pass over 10,000 open needs and
 * 10,000 offers spread over the town, with the offers around each (category, area) group
 * read on the 2dsphere index, next to the same pass reading them with a full collection scan.
 */
import { performance } from 'node:perf_hooks';
import type { Db, Document } from 'mongodb';
import { systemClock } from '../../services/clock';
import { CATEGORIES, type Entry } from '../../services/domain/types';
import { ensureDomainIndexes } from '../../services/domain/ensureIndexes';
import { silentLogger } from '../../services/logger';
import { BLOCK_METERS, blockCentre } from '../../services/places';
import {
  DEFAULT_HELPER_ASKS_PER_DAY,
  DEFAULT_MAX_DISTANCE_METERS,
  Matcher,
  MatchRepository,
  Matching,
  NeedFinder,
  offersWithinFilter,
  planReexamination,
  PAIRING_PROJECTION,
} from '../../services/matching';

const CENTRE = { lat: 43.5833, lon: 5.0017 };
const TIMES = [
  'le samedi matin',
  'en semaine le soir',
  'mardi après-midi',
  'le week-end',
  'quand vous voulez',
];

type Row = { benchmark: string; figures: string; baseline: string; ratio: string; goal: string };

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function pointNear(random: () => number, radiusM: number): [number, number] {
  const distance = radiusM * Math.sqrt(random());
  const angle = 2 * Math.PI * random();
  const dLat = (distance * Math.cos(angle)) / 111_320;
  const dLon = (distance * Math.sin(angle)) / (111_320 * Math.cos((CENTRE.lat * Math.PI) / 180));
  return [CENTRE.lon + dLon, CENTRE.lat + dLat];
}

/** The stage names of a winning plan, outermost first, with the index used. */
function planStages(plan: Document | undefined): string[] {
  const stages: string[] = [];
  let stage: Document | undefined = plan;
  while (stage) {
    stages.push(stage.indexName ? `${String(stage.stage)}(${String(stage.indexName)})` : String(stage.stage));
    stage = (stage.inputStage as Document | undefined) ?? (stage.inputStages as Document[] | undefined)?.[0];
  }
  return stages;
}

/** Rows of the re-examination benchmark (the data are inserted in `db`, which the caller drops). */
export async function benchReexamination(
  db: Db,
  progress: (line: string) => void,
  perKind = 10_000,
): Promise<Row[]> {
  const random = seeded(1404);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 30 * 86_400_000);
  const entries = db.collection<Entry>('entries');
  for (const kind of ['need', 'offer'] as const) {
    const batch: Entry[] = Array.from({ length: perKind }, (_, i) => ({
      psid: `bench-${kind}-${i}`,
      kind,
      category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
      description: kind === 'need' ? 'Des courses au marché' : 'Je peux aider pour les courses',
      location: blockCentre({ type: 'Point', coordinates: pointNear(random, 4000) }),
      locationBlockMeters: BLOCK_METERS,
      locationSource: 'neighbourhood',
      availability: TIMES[Math.floor(random() * TIMES.length)],
      status: 'published',
      flags: [],
      createdAt: new Date(now.getTime() - Math.floor(random() * 20) * 86_400_000),
      updatedAt: now,
      expiresAt,
    }));
    await entries.insertMany(batch, { ordered: false });
  }
  progress(`re-examination: ${perKind} open needs and ${perKind} offers inserted, building the indexes`);
  await ensureDomainIndexes(db);

  const matches = new MatchRepository(db, systemClock);
  const needs = new NeedFinder(db, systemClock);
  const settings = {
    maxDistanceMeters: DEFAULT_MAX_DISTANCE_METERS,
    helperAsksPerDay: DEFAULT_HELPER_ASKS_PER_DAY,
  };
  const reads = {
    openNeeds: (at: Date) => needs.openNeeds(at),
    needsUnderWay: (ids: Parameters<MatchRepository['needsUnderWay']>[0]) => matches.needsUnderWay(ids),
    pairsOf: (ids: Parameters<MatchRepository['pairsOf']>[0]) => matches.pairsOf(ids),
    helperLoadSince: (since: Date) => matches.helperLoadSince(since),
  };
  let offerQueries = 0;

  progress('re-examination: planning with a full collection scan for the offers (baseline)');
  const scanStarted = performance.now();
  const scanPlan = await planReexamination(
    {
      ...reads,
      offersWithin: async (category, centre, radius, at) => {
        offerQueries += 1;
        return await entries
          .find(offersWithinFilter(category, centre, radius, at), { projection: PAIRING_PROJECTION })
          .hint({ $natural: 1 })
          .toArray();
      },
    },
    now,
    settings,
  );
  const scanMs = performance.now() - scanStarted;

  progress('re-examination: planning on the 2dsphere index');
  const planStarted = performance.now();
  const plan = await planReexamination(
    {
      ...reads,
      offersWithin: (category, centre, radius, at) => needs.offersWithin(category, centre, radius, at),
    },
    now,
    settings,
  );
  const planMs = performance.now() - planStarted;

  progress('re-examination: the whole pass (plan, suggestions stored, authors notified)');
  let notified = 0;
  const matching = new Matching({
    matches,
    offers: new Matcher(db, systemClock),
    needs,
    entries: { get: () => Promise.resolve(null), markMatched: () => Promise.resolve() },
    residents: { get: () => Promise.resolve(null) },
    limits: { takeMatchRequest: () => Promise.resolve(true) },
    attention: { flag: () => Promise.resolve() },
    notices: {
      notify: () => {
        notified += 1;
        return Promise.resolve('sent');
      },
    },
    undelivered: { keepForModerators: () => Promise.resolve() },
    handover: { handOverUrgentNeed: () => Promise.resolve() },
    clock: systemClock,
    logger: silentLogger,
  });
  const passStarted = performance.now();
  const summary = await matching.reexamineOpenNeeds(now);
  const passMs = performance.now() - passStarted;
  const secondStarted = performance.now();
  const second = await matching.reexamineOpenNeeds(now);
  const secondMs = performance.now() - secondStarted;

  const sample = plan.suggestions[0]?.need ?? (await needs.openNeeds(now))[0];
  // The local engine's gateway has no `explain` command: the plan is then said to be unavailable.
  const explained: Document = await entries
    .find(offersWithinFilter(sample.category, sample.location, DEFAULT_MAX_DISTANCE_METERS + 800, now))
    .explain('executionStats')
    .catch((error: unknown) => ({ unavailable: error instanceof Error ? error.message : 'explain failed' }));
  const winning = (explained.queryPlanner as Document | undefined)?.winningPlan as Document | undefined;
  const stats = explained.executionStats as Document | undefined;
  const stages =
    typeof explained.unavailable === 'string'
      ? `plan not available on this engine (${explained.unavailable})`
      : planStages((winning?.queryPlan as Document | undefined) ?? winning).join(' ← ');
  progress(`re-examination: offers query plan ${stages}`);

  const agree = scanPlan.suggestions.length === plan.suggestions.length ? 'same plan' : 'plans differ';
  return [
    {
      benchmark: `re-examination: ${perKind.toLocaleString('en')} open needs × ${perKind.toLocaleString('en')} offers (reexamine-needs)`,
      figures: `whole pass ${(passMs / 1000).toFixed(2)} s (${summary.suggested} suggested, ${notified} authors told, ${summary.nobody} with nobody near); plan ${(planMs / 1000).toFixed(2)} s in ${plan.groups} offers queries; next pass ${(secondMs / 1000).toFixed(2)} s (${second.underWay} under way)`,
      baseline: `plan with a full scan for the offers: ${(scanMs / 1000).toFixed(2)} s in ${offerQueries} queries (${agree})`,
      ratio: `${(scanMs / planMs).toFixed(1)}× faster (plan)`,
      goal: 'pass < 10 s',
    },
    {
      benchmark: 're-examination: plan of one offers query (category × area)',
      figures: `${stages}; ${String(stats?.totalKeysExamined)} keys, ${String(stats?.totalDocsExamined)} docs examined, ${String(stats?.nReturned)} returned`,
      baseline: `full scan: ${(await entries.countDocuments()).toLocaleString('en')} docs examined per query`,
      ratio: '',
      goal: 'uses location_2dsphere',
    },
  ];
}
