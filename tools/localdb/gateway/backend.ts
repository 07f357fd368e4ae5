/**
 * DocumentDB's SQL API, one method per MongoDB command: BSON in as `bytea`, BSON out decoded
 * with the `bson` package.
 */
import { deserialize, serialize, type Document } from 'bson';
import { RAW_TYPES } from './wire';
import { MongoCode, MongoCommandError, normalizeResultCodes } from './errors';

/** What runs SQL: the pool, or one client held for a transaction or a cursor. */
export interface Queryable {
  query(
    sql: string | { name: string; text: string; values: unknown[] },
    params?: unknown[],
  ): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/**
 * Statement names by SQL text: each PostgreSQL session parses and plans a statement once and
 * then only binds it (the texts are a fixed set, one per DocumentDB function we call).
 */
const statementNames = new Map<string, string>();

function prepared(sql: string, values: unknown[]): { name: string; text: string; values: unknown[] } {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `voisins_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return { name, text: sql, values };
}

/** A first page or a getMore page of a cursor. */
export interface CursorPage {
  /** The reply, `{ cursor: { id, ns, firstBatch | nextBatch }, ok: 1 }`. */
  reply: Document;
  /** What DocumentDB needs to continue; null once the cursor is exhausted. */
  continuation: Buffer | null;
  /** The cursor lives in this PostgreSQL session: its getMore must use the same connection. */
  persistConnection: boolean;
}

/** The DocumentDB functions that open a cursor, by command name. */
export const CURSOR_FUNCTIONS: Record<string, string> = {
  find: 'documentdb_api.find_cursor_first_page',
  aggregate: 'documentdb_api.aggregate_cursor_first_page',
  listCollections: 'documentdb_api.list_collections_cursor_first_page',
  listIndexes: 'documentdb_api.list_indexes_cursor_first_page',
};

/** The write functions, by command name. */
const WRITE_FUNCTIONS: Record<string, string> = {
  insert: 'documentdb_api.insert',
  update: 'documentdb_api.update',
  delete: 'documentdb_api.delete',
};

const BSON = '::bytea::documentdb_core.bson';
const INDEX_BUILD_POLL_MS = 250;
const INDEX_BUILD_TIMEOUT_MS = 120_000;

function toBson(document: Document): Buffer {
  return Buffer.from(serialize(document));
}

function fromBson(value: unknown): Document {
  if (!Buffer.isBuffer(value))
    throw new MongoCommandError(MongoCode.InternalError, 'InternalError', 'no result');
  return deserialize(value, RAW_TYPES);
}

async function single(db: Queryable, sql: string, params: unknown[]): Promise<Record<string, unknown>> {
  const { rows } = await db.query(prepared(sql, params));
  const row = rows[0];
  if (!row) throw new MongoCommandError(MongoCode.InternalError, 'InternalError', 'no result row');
  return row;
}

/** Opens a cursor (find, aggregate, listCollections, listIndexes) and returns its first page. */
export async function firstPage(
  db: Queryable,
  command: string,
  database: string,
  spec: Document,
): Promise<CursorPage> {
  const fn = CURSOR_FUNCTIONS[command];
  if (!fn)
    throw new MongoCommandError(
      MongoCode.CommandNotFound,
      'CommandNotFound',
      `no such cursor command ${command}`,
    );
  const row = await single(
    db,
    `SELECT cursorpage::bytea AS page, continuation::bytea AS continuation, persistconnection FROM ${fn}($1, $2${BSON})`,
    [database, toBson(spec)],
  );
  return {
    reply: fromBson(row.page),
    continuation: Buffer.isBuffer(row.continuation) ? row.continuation : null,
    persistConnection: row.persistconnection === true,
  };
}

/** Fetches the next page of a cursor from its continuation. */
export async function nextPage(
  db: Queryable,
  database: string,
  spec: Document,
  continuation: Buffer,
): Promise<CursorPage> {
  const row = await single(
    db,
    `SELECT cursorpage::bytea AS page, continuation::bytea AS continuation FROM documentdb_api.cursor_get_more($1, $2${BSON}, $3${BSON})`,
    [database, toBson(spec), continuation],
  );
  return {
    reply: fromBson(row.page),
    continuation: Buffer.isBuffer(row.continuation) ? row.continuation : null,
    persistConnection: false,
  };
}

/** insert, update or delete: the reply carries `n`, `nModified`, `upserted`, `writeErrors`. */
export async function write(
  db: Queryable,
  command: string,
  database: string,
  spec: Document,
): Promise<Document> {
  const fn = WRITE_FUNCTIONS[command];
  if (!fn)
    throw new MongoCommandError(MongoCode.CommandNotFound, 'CommandNotFound', `no such write ${command}`);
  const row = await single(db, `SELECT p_result::bytea AS result FROM ${fn}($1, $2${BSON})`, [
    database,
    toBson(spec),
  ]);
  return normalizeResultCodes(fromBson(row.result));
}

/** findAndModify. */
export async function findAndModify(db: Queryable, database: string, spec: Document): Promise<Document> {
  const sql = `SELECT p_result::bytea AS result FROM documentdb_api.find_and_modify($1, $2${BSON})`;
  const row = await single(db, sql, [database, toBson(spec)]);
  return normalizeResultCodes(fromBson(row.result));
}

/** Commands that take the database and the command document and return one document. */
const DOCUMENT_FUNCTIONS: Record<string, string> = {
  count: `SELECT document::bytea AS result FROM documentdb_api.count_query($1, $2${BSON})`,
  distinct: `SELECT document::bytea AS result FROM documentdb_api.distinct_query($1, $2${BSON})`,
  create: `SELECT documentdb_api.create_collection_view($1, $2${BSON})::bytea AS result`,
  dropIndexes: `SELECT documentdb_api_internal.drop_indexes_non_concurrently($1, $2${BSON})::bytea AS result`,
};

/** Whether {@link runDocumentCommand} handles a command. */
export function isDocumentCommand(command: string): boolean {
  return command in DOCUMENT_FUNCTIONS;
}

/** count, distinct, create, dropIndexes. */
export async function runDocumentCommand(
  db: Queryable,
  command: string,
  database: string,
  spec: Document,
): Promise<Document> {
  const sql = DOCUMENT_FUNCTIONS[command];
  if (!sql)
    throw new MongoCommandError(MongoCode.CommandNotFound, 'CommandNotFound', `no such command ${command}`);
  const reply = normalizeResultCodes(fromBson((await single(db, sql, [database, toBson(spec)])).result));
  if (reply.ok === true) reply.ok = 1;
  return reply;
}

/** drop: succeeds whether or not the collection existed, like MongoDB 7. */
export async function dropCollection(db: Queryable, database: string, collection: string): Promise<Document> {
  await db.query('SELECT documentdb_api.drop_collection($1, $2)', [database, collection]);
  return { ns: `${database}.${collection}`, ok: 1 };
}

/** dropDatabase. */
export async function dropDatabase(db: Queryable, database: string): Promise<Document> {
  await db.query('SELECT documentdb_api.drop_database($1)', [database]);
  return { dropped: database, ok: 1 };
}

/** listDatabases. */
export async function listDatabases(db: Queryable, spec: Document): Promise<Document> {
  const row = await single(db, `SELECT documentdb_api.list_databases($1${BSON})::bytea AS result`, [
    toBson(spec),
  ]);
  return fromBson(row.result);
}

/**
 * createIndexes: submits the builds, then waits for those DocumentDB queued (indexes on
 * collections that already hold documents are built by a pg_cron job, every 2 s).
 */
export async function createIndexes(db: Queryable, database: string, spec: Document): Promise<Document> {
  const row = await single(
    db,
    `SELECT retval::bytea AS result, requests::bytea AS requests FROM documentdb_api.create_indexes_background($1, $2${BSON})`,
    [database, toBson(spec)],
  );
  const reply = unwrapShardReply(normalizeResultCodes(fromBson(row.result)));
  const requests = Buffer.isBuffer(row.requests) ? fromBson(row.requests) : {};
  if (Number(reply.ok) !== 1 || !requests.indexRequest) return reply;
  const deadline = Date.now() + INDEX_BUILD_TIMEOUT_MS;
  for (;;) {
    const status = await single(
      db,
      `SELECT retval::bytea AS result, complete FROM documentdb_api_internal.check_build_index_status($1${BSON})`,
      [toBson(requests)],
    );
    if (status.complete === true) {
      const outcome = unwrapShardReply(normalizeResultCodes(fromBson(status.result)));
      return Number(outcome.ok) === 1 ? reply : outcome;
    }
    if (Date.now() > deadline)
      throw new MongoCommandError(50, 'MaxTimeMSExpired', 'index build still running');
    await new Promise((resolve) => setTimeout(resolve, INDEX_BUILD_POLL_MS));
  }
}

/** DocumentDB wraps some replies as `{ raw: { defaultShard: {...} }, ok }`: keep the inner one. */
function unwrapShardReply(reply: Document): Document {
  const raw = reply.raw as Document | undefined;
  const inner = raw?.defaultShard as Document | undefined;
  if (!inner) return reply;
  return normalizeResultCodes({ ...inner, ok: Number(inner.ok) === 1 ? 1 : 0 });
}
