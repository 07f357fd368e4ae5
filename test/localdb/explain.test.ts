/**
 * `explain` on the local engine tells the plan in MongoDB's shape: the index a query uses by
 * its MongoDB name, a collection scan when none serves it, and the run's figures for
 * `executionStats`. The benchmarks print these plans (issue: "print its plan"). The
 * assertions hold for a real MongoDB too: against one, they run on MONGODB_URI.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { MongoClient, type Db, type Document } from 'mongodb';
import { localPostgres, startInProcessGateway, type InProcessGateway } from './support/inProcessGateway';

/** Every stage of a plan, depth first, as `STAGE` or `STAGE(index)`. */
function stages(plan: Document | undefined): string[] {
  if (!plan) return [];
  const own = plan.indexName ? `${String(plan.stage)}(${String(plan.indexName)})` : String(plan.stage);
  const inputs = [plan.inputStage, ...((plan.inputStages as Document[] | undefined) ?? [])];
  return [own, ...inputs.flatMap((input) => stages(input as Document | undefined))];
}

function winning(explained: Document): Document {
  const planner = explained.queryPlanner as Document;
  const plan = planner.winningPlan as Document;
  // MongoDB 7's slot-based engine nests the classic-shaped plan under queryPlan.
  return (plan.queryPlan as Document | undefined) ?? plan;
}

describe('explain on the local engine', function () {
  let gateway: InProcessGateway | undefined;
  let client: MongoClient;
  let db: Db;

  before(async function () {
    const postgres = await localPostgres();
    gateway = postgres ? await startInProcessGateway(postgres) : undefined;
    client = await MongoClient.connect(gateway?.uri ?? process.env.MONGODB_URI ?? '');
    db = client.db(`explain_${randomBytes(4).toString('hex')}`);
    const places = db.collection('places');
    await places.createIndex({ location: '2dsphere' }, { name: 'location_2dsphere' });
    await places.createIndex({ status: 1, category: 1 }, { name: 'status_category' });
    await places.insertMany(
      Array.from({ length: 300 }, (_, i) => ({
        status: i % 3 === 0 ? 'published' : 'closed',
        category: i % 2 === 0 ? 'groceries' : 'pharmacy',
        note: `n${i}`,
        location: {
          type: 'Point',
          coordinates: [4.99 + (i % 30) * 0.001, 43.58 + Math.floor(i / 30) * 0.001],
        },
      })),
    );
  });

  after(async function () {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
    await gateway?.close();
  });

  it('names the index an equality query uses, and counts what the run returned', async function () {
    const explained = await db
      .collection('places')
      .find({ status: 'published', category: 'groceries' })
      .explain('executionStats');
    assert.ok(
      stages(winning(explained)).includes('IXSCAN(status_category)'),
      stages(winning(explained)).join(' ← '),
    );
    const stats = explained.executionStats as Document;
    assert.equal(stats.nReturned, 50);
    assert.ok(Number(stats.totalKeysExamined) >= 50, `keys ${String(stats.totalKeysExamined)}`);
  });

  it('names the 2dsphere index of a query around a point', async function () {
    const explained = await db
      .collection('places')
      .find({
        category: 'pharmacy',
        location: { $geoWithin: { $centerSphere: [[5.0, 43.585], 300 / 6_378_100] } },
      })
      .explain('queryPlanner');
    assert.ok(
      stages(winning(explained)).includes('IXSCAN(location_2dsphere)'),
      stages(winning(explained)).join(' ← '),
    );
    assert.equal(explained.executionStats, undefined, 'queryPlanner only plans');
  });

  it('says a query no index serves reads the whole collection', async function () {
    const explained = await db.collection('places').find({ note: 'n7' }).explain('executionStats');
    const plan = stages(winning(explained));
    assert.ok(plan.includes('COLLSCAN'), plan.join(' ← '));
    assert.ok(!plan.some((stage) => stage.startsWith('IXSCAN')), plan.join(' ← '));
    assert.equal((explained.executionStats as Document).nReturned, 1);
    assert.ok(Number((explained.executionStats as Document).totalDocsExamined) >= 300);
    assert.equal((explained.executionStats as Document).totalKeysExamined, 0);
  });

  it('explains an aggregation', async function () {
    const explained = await db
      .collection('places')
      .aggregate([
        { $match: { status: 'published', category: 'groceries' } },
        { $group: { _id: null, n: { $sum: 1 } } },
      ])
      .explain('queryPlanner');
    assert.ok(JSON.stringify(explained).includes('status_category'), JSON.stringify(explained).slice(0, 400));
  });

  it('refuses a verbosity MongoDB does not know', async function () {
    await assert.rejects(
      db.command({ explain: { find: 'places', filter: {} }, verbosity: 'everything' }),
      (error: Error & { code?: number }) => error.code === 2 || error.code === 9,
    );
  });
});
