/**
 * The `explain` command. DocumentDB runs a find, an aggregate, a count or a distinct as one
 * PostgreSQL query, so its plan is PostgreSQL's `EXPLAIN` of that query; here it is told in
 * MongoDB's shape (`queryPlanner.winningPlan` with `COLLSCAN`, `IXSCAN` and `FETCH` stages
 * and the indexes' MongoDB names) so that tools reading MongoDB explains find what they look
 * for, and PostgreSQL's own plan rides along as `postgresPlan`.
 *
 * @remarks
 * - DocumentDB keeps the documents of every collection of a shard in one table indexed by
 *   `shard_key_value` under the name `_id_`: an index scan whose only condition is that key
 *   reads the whole collection, and is told as a `COLLSCAN`, as MongoDB would.
 * - `executionStats` and `allPlansExecution` run the query (`EXPLAIN ANALYZE`), as MongoDB
 *   does; a pipeline that writes (`$out`, `$merge`) is only planned.
 * - The keys and documents examined are PostgreSQL's rows: rows an index scan produced
 *   (before its filter) count as keys, rows a scan read count as documents.
 */
import type { Document } from 'bson';
import { serialize } from 'bson';
import type { Queryable } from './backend';
import { MongoCode, MongoCommandError } from './errors';

/** DocumentDB's planning function of each command that can be explained. */
const PLANNED_BY: Record<string, string> = {
  find: 'documentdb_api_catalog.bson_aggregation_find',
  aggregate: 'documentdb_api_catalog.bson_aggregation_pipeline',
  count: 'documentdb_api_catalog.bson_aggregation_count',
  distinct: 'documentdb_api_catalog.bson_aggregation_distinct',
};

/** What MongoDB's verbosities ask: a plan alone, or a plan and the run's figures. */
const VERBOSITIES = new Set(['queryPlanner', 'executionStats', 'allPlansExecution']);

/** One node of PostgreSQL's JSON plan (the fields used here; PostgreSQL gives more). */
interface PgNode {
  'Node Type': string;
  'Custom Plan Provider'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Recheck Cond'?: string;
  'Scan Direction'?: string;
  Filter?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PgNode[];
}

/** A stage of the plan in MongoDB's shape. */
type Stage = Document & { stage: string };

/** The index DocumentDB uses to find a collection's rows in its shard table. */
function readsWholeCollection(condition: string | undefined): boolean {
  return condition !== undefined && /^\(?shard_key_value = /.test(condition);
}

function children(node: PgNode): PgNode[] {
  return node.Plans ?? [];
}

/** PostgreSQL's node type as a stage name: `Hash Join` → `HASH_JOIN`. */
function stageName(node: PgNode): string {
  return node['Node Type'].toUpperCase().replace(/[^A-Z]+/g, '_');
}

function withInputs(stage: Stage, inputs: Stage[]): Stage {
  if (inputs.length === 1) return { ...stage, inputStage: inputs[0] };
  if (inputs.length > 1) return { ...stage, inputStages: inputs };
  return stage;
}

/** PostgreSQL's plan node as MongoDB's stages. */
export function toStage(node: PgNode): Stage {
  const inputs = (): Stage[] => children(node).map(toStage);
  switch (node['Node Type']) {
    case 'Seq Scan':
      return { stage: 'COLLSCAN' };
    case 'Index Scan':
    case 'Index Only Scan':
      if (readsWholeCollection(node['Index Cond'])) return { stage: 'COLLSCAN' };
      return {
        stage: 'FETCH',
        inputStage: {
          stage: 'IXSCAN',
          indexName: node['Index Name'],
          direction: node['Scan Direction'] === 'Backward' ? 'backward' : 'forward',
        },
      };
    case 'Bitmap Heap Scan':
      if (readsWholeCollection(node['Recheck Cond'])) return { stage: 'COLLSCAN' };
      return withInputs({ stage: 'FETCH' }, inputs());
    case 'Bitmap Index Scan':
      return { stage: 'IXSCAN', indexName: node['Index Name'], direction: 'forward' };
    case 'BitmapAnd':
      return withInputs({ stage: 'AND_SORTED' }, inputs());
    case 'BitmapOr':
      return withInputs({ stage: 'OR' }, inputs());
    case 'Sort':
    case 'Incremental Sort':
      return withInputs({ stage: 'SORT' }, inputs());
    case 'Limit':
      return withInputs({ stage: 'LIMIT' }, inputs());
    case 'Aggregate':
      return withInputs({ stage: 'GROUP' }, inputs());
    default: {
      // DocumentDB's explain wrapper, subquery scans, results: they pass their one input on.
      const below = inputs();
      if (below.length === 1 && (node['Node Type'] === 'Custom Scan' || node['Node Type'].endsWith('Scan')))
        return below[0];
      return withInputs({ stage: stageName(node) }, below);
    }
  }
}

/** Keys and documents examined, summed over the scans of the plan. */
function examined(node: PgNode): { keys: number; docs: number } {
  const loops = node['Actual Loops'] ?? 1;
  const produced = ((node['Actual Rows'] ?? 0) + (node['Rows Removed by Filter'] ?? 0)) * loops;
  const below = children(node).map(examined);
  const sum = {
    keys: below.reduce((total, part) => total + part.keys, 0),
    docs: below.reduce((total, part) => total + part.docs, 0),
  };
  switch (node['Node Type']) {
    case 'Seq Scan':
      return { keys: sum.keys, docs: sum.docs + produced };
    case 'Index Scan':
    case 'Index Only Scan':
      return readsWholeCollection(node['Index Cond'])
        ? { keys: sum.keys, docs: sum.docs + produced }
        : { keys: sum.keys + produced, docs: sum.docs + produced };
    case 'Bitmap Index Scan':
      return readsWholeCollection(node['Index Cond']) ? sum : { keys: sum.keys + produced, docs: sum.docs };
    case 'Bitmap Heap Scan':
      return { keys: sum.keys, docs: sum.docs + produced };
    default:
      return sum;
  }
}

/** Whether an aggregation writes (then it is planned, never run). */
function writes(explained: Document): boolean {
  const pipeline = Array.isArray(explained.pipeline) ? (explained.pipeline as Document[]) : [];
  return pipeline.some((step) => '$out' in step || '$merge' in step);
}

/**
 * Answers `{ explain: { find | aggregate | count | distinct: ... }, verbosity }` for
 * `database`, from PostgreSQL's plan of DocumentDB's query.
 */
export async function explain(db: Queryable, database: string, spec: Document): Promise<Document> {
  const explained = spec.explain as Document | undefined;
  const command = explained && typeof explained === 'object' ? Object.keys(explained)[0] : undefined;
  const planner = command ? PLANNED_BY[command] : undefined;
  if (!explained || !command || !planner)
    throw new MongoCommandError(
      MongoCode.CommandNotFound,
      'CommandNotFound',
      `explain is answered for ${Object.keys(PLANNED_BY).join(', ')}, not ${String(command)}`,
    );
  const verbosity = spec.verbosity === undefined ? 'allPlansExecution' : String(spec.verbosity);
  if (!VERBOSITIES.has(verbosity))
    throw new MongoCommandError(MongoCode.BadValue, 'BadValue', `unknown explain verbosity ${verbosity}`);
  const analyze = verbosity !== 'queryPlanner' && !writes(explained);
  const options = analyze ? 'FORMAT JSON, ANALYZE' : 'FORMAT JSON';
  const { rows } = await db.query(
    `EXPLAIN (${options}) SELECT document FROM ${planner}($1, $2::bytea::documentdb_core.bson)`,
    [database, Buffer.from(serialize(explained))],
  );
  const plan = parsePlan(rows[0]?.['QUERY PLAN']);
  const reply: Document = {
    explainVersion: '1',
    queryPlanner: {
      namespace: `${database}.${String(explained[command])}`,
      winningPlan: toStage(plan.Plan),
      rejectedPlans: [],
    },
  };
  if (analyze) {
    const counts = examined(plan.Plan);
    reply.executionStats = {
      executionSuccess: true,
      nReturned: (plan.Plan['Actual Rows'] ?? 0) * (plan.Plan['Actual Loops'] ?? 1),
      executionTimeMillis: Math.round(plan['Execution Time'] ?? 0),
      totalKeysExamined: counts.keys,
      totalDocsExamined: counts.docs,
    };
  }
  return { ...reply, command: explained, postgresPlan: plan, ok: 1 };
}

/** PostgreSQL's `EXPLAIN (FORMAT JSON)` answer: a JSON array of one plan, as text or parsed. */
function parsePlan(value: unknown): { Plan: PgNode; 'Execution Time'?: number } {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  const first = Array.isArray(parsed) ? (parsed[0] as unknown) : undefined;
  if (!first || typeof first !== 'object' || !('Plan' in first))
    throw new MongoCommandError(MongoCode.InternalError, 'InternalError', 'PostgreSQL gave no plan');
  return first as { Plan: PgNode; 'Execution Time'?: number };
}
