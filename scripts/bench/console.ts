/**
 * The console's benchmark: "À traiter" (h-console's queue page) and the map's data with
 * 10,000 entries and 1,000 open tasks, through the real container and route handlers (the
 * pages as the router calls them, without the HTTP edge), with the indexes their reads use.
 */
import { performance } from 'node:perf_hooks';
import type { Db, Document } from 'mongodb';
import { parseConfig } from '../../bot/config';
import type { ConsoleRequest, ConsoleRoute, Staff } from '../../bot/console/contract';
import { MapFigures } from '../../bot/console/figures/mapData';
import { neighbourhoodIndex } from '../../bot/console/figures/scope';
import { consoleRoutes } from '../../bot/console/routes';
import { Container } from '../../bot/container';
import { CATEGORIES, type Entry } from '../../services/domain/types';
import { EntryFigures } from '../../services/entries';
import { CodedError, ErrorCode } from '../../services/errors';
import { silentLogger } from '../../services/logger';
import { BLOCK_METERS, loadNeighbourhoods } from '../../services/places';
import { quantile } from './load';
import { pointNear, seeded } from './randomPlaces';

type Row = { benchmark: string; figures: string; baseline: string; ratio: string; goal: string };

const ENTRIES = 10_000;
const TASKS = 1_000;
const RUNS = 60;

/** Rows of the console benchmark. */
export async function benchConsole(db: Db, uri: string, progress: (line: string) => void): Promise<Row[]> {
  const random = seeded(1515);
  const now = new Date();
  const places = loadNeighbourhoods();
  const statuses: Entry['status'][] = [
    'published',
    'published',
    'published',
    'pending_review',
    'matched',
    'closed',
  ];
  const entries: Entry[] = Array.from({ length: ENTRIES }, (_, i) => ({
    psid: `${8_000_000_000 + i}`,
    kind: random() < 0.5 ? 'offer' : 'need',
    category: CATEGORIES[Math.floor(random() * CATEGORIES.length)],
    description: 'Courses au marché le samedi',
    neighbourhood: places[i % places.length].name,
    location: { type: 'Point', coordinates: pointNear(random, 3000) },
    locationSource: 'neighbourhood',
    availability: 'le week-end',
    status: statuses[i % statuses.length],
    flags: [],
    createdAt: new Date(now.getTime() - (i % 2000) * 60_000),
    updatedAt: now,
    expiresAt: new Date(now.getTime() + 30 * 86_400_000),
  }));
  progress(`console: ${ENTRIES} entries, ${TASKS} open tasks`);
  await db.collection<Entry>('entries').insertMany(entries, { ordered: false });
  await db.collection('tasks').insertMany(
    Array.from({ length: TASKS }, (_, i) => ({
      psid: `${8_100_000_000 + i}`,
      reason: 'no_match',
      subject: `s${i}`,
      openKey: `${8_100_000_000 + i}|no_match|s${i}`,
      category: CATEGORIES[i % CATEGORIES.length],
      urgency: i % 10 === 0 ? 'high' : 'normal',
      neighbourhood: places[i % places.length].name,
      status: 'open',
      createdAt: new Date(now.getTime() - i * 60_000),
      dueAt: now,
    })),
  );
  const config = parseConfig({
    MONGODB_URI: uri,
    MONGODB_DB: db.databaseName,
    GEOCODER_URL: 'http://127.0.0.1:9',
  });
  const container = new Container({ config, db, logger: silentLogger });
  await container.ensureIndexes();
  const referent: Staff = {
    psid: '8200000001',
    name: 'Bench',
    role: 'moderator',
    quartierKeys: [places[2].id],
  };
  const admin: Staff = { psid: '8200000002', name: 'Bench', role: 'admin', quartierKeys: [] };
  const moderators = container.get('moderation').moderators;
  await moderators.upsert({ psid: referent.psid, name: 'Bench', quartiers: [places[2].name] });
  await moderators.upsert({ psid: admin.psid, name: 'Bench', quartiers: [], role: 'admin' });
  const routes = consoleRoutes(container);
  const route = (path: string): ConsoleRoute => {
    const found = routes.find((candidate) => candidate.method === 'GET' && candidate.path === path);
    if (!found) throw new Error(`no console route GET ${path}`);
    return found;
  };
  const timeCalls = async (call: () => Promise<unknown>): Promise<string> => {
    for (let i = 0; i < 5; i += 1) await call();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
    }
    return `p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`;
  };
  const time = async (path: string, staff: Staff): Promise<string> => {
    const request: ConsoleRequest = { staff, csrf: 'bench', params: {}, query: new URLSearchParams() };
    const handler = route(path);
    return timeCalls(() => handler.handle(request));
  };
  const indexes = await Promise.all([
    indexOf(db, 'entries', { status: 'published', paused: { $ne: true } }),
    indexOf(db, 'tasks', { status: { $in: ['open', 'taken'] } }),
    indexOf(db, 'entries', { status: 'pending_review' }),
  ]);
  const rows: Row[] = [];
  for (const [path, label, index] of [
    ['/carte/donnees', 'map data', `entries: ${indexes[0]}`],
    ['/', '« À traiter »', `tasks: ${indexes[1]}, entries: ${indexes[2]}`],
  ] as const) {
    for (const [who, staff] of [
      ['admin', admin],
      ['referent', referent],
    ] as const) {
      progress(`console: ${label} as ${who}`);
      rows.push({
        benchmark: `console ${label} (${who}), ${ENTRIES} entries, ${TASKS} open tasks`,
        figures: `${await time(path, staff)}; index ${index}`,
        baseline: '',
        ratio: '',
        goal: 'p95 < 200 ms',
      });
    }
  }
  // The map's counts are reused for a few seconds (bot/console/figures/mapData.ts): the read
  // each instance makes when they are too old, without reuse.
  progress('console: map data read, no reuse');
  const unreused = new MapFigures(new EntryFigures(db), neighbourhoodIndex(), BLOCK_METERS, {
    freshMs: 0,
    staleMs: 0,
  });
  rows.push({
    benchmark: `console map data read when its reuse expired (admin), ${ENTRIES} entries`,
    figures: `${await timeCalls(() => unreused.map(admin))}; index entries: ${indexes[0]}`,
    baseline: '',
    ratio: '',
    goal: 'p95 < 200 ms',
  });
  // A queue action checks the acted-on item alone (by its id, with the person's scope): timed
  // on « Appeler » for an open task of the referent's neighbourhood, which stops right after
  // the check (nobody took it: 409). It used to build the person's whole list.
  progress('console: a queue action, as referent');
  const task = await db.collection('tasks').findOne({ subject: 's2' }, { projection: { _id: 1 } });
  const call = routes.find(
    (candidate) => candidate.method === 'POST' && candidate.path === '/taches/:id/appeler',
  );
  if (!task || !call) throw new Error('no task s2 or no route POST /taches/:id/appeler');
  const action: ConsoleRequest = {
    staff: referent,
    csrf: 'bench',
    params: { id: task._id.toHexString() },
    query: new URLSearchParams(),
    form: new URLSearchParams(),
  };
  const checked = await call.handle(action).then(
    () => false,
    (error: unknown) => error instanceof CodedError && error.code === ErrorCode.InvalidState,
  );
  if (!checked) throw new Error("the action's check did not stop at « nobody took it »");
  rows.push({
    benchmark: `console queue action's access check (referent), ${TASKS} open tasks`,
    figures: await timeCalls(() => call.handle(action).catch(() => undefined)),
    baseline: '',
    ratio: '',
    goal: 'p95 < 200 ms',
  });
  return rows;
}

/** The index the engine's plan uses for `filter` on `collection` (or what its plan says). */
async function indexOf(db: Db, collection: string, filter: Document): Promise<string> {
  try {
    const plan = await db.collection(collection).find(filter).explain();
    const names = new Set<string>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const stage = node as Record<string, unknown>;
      if (typeof stage.indexName === 'string') names.add(stage.indexName);
      for (const value of Object.values(stage)) walk(value);
    };
    walk(plan.queryPlanner ?? plan);
    return names.size > 0 ? [...names].join('+') : 'none (collection scan)';
  } catch {
    return 'explain not supported by the engine';
  }
}
