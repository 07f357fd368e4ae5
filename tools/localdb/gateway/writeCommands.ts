/**
 * The write commands (insert, update, delete, findAndModify) as MongoDB answers them:
 * duplicate keys described with their index, key pattern and value, and a write conflict
 * inside a transaction failing the command as a transient transaction error.
 */
import type { Document } from 'bson';
import * as backend from './backend';
import {
  attemptedByRequest,
  duplicateMessage,
  indexNameInMessage,
  projectKey,
  type DuplicateKey,
} from './duplicates';
import { MongoCode, MongoCommandError, toMongoError } from './errors';

/**
 * insert, update, delete, findAndModify on `db` (the transaction's connection or the pool):
 * duplicate keys described as MongoDB does (looked up through `pool`), and a write conflict
 * inside a transaction failing the command as a transient transaction error.
 */
export async function runWrite(
  pool: backend.Queryable,
  db: backend.Queryable,
  name: string,
  database: string,
  spec: Document,
  inTransaction: boolean,
): Promise<Document> {
  let reply: Document;
  try {
    reply =
      name === 'findAndModify'
        ? await backend.findAndModify(db, database, spec)
        : await backend.write(db, name, database, spec);
  } catch (error) {
    const mapped = toMongoError(error);
    if (mapped.code !== MongoCode.DuplicateKey) throw mapped;
    const described = await describeDuplicate(
      pool,
      name,
      spec,
      database,
      0,
      mapped.message,
      mapped.duplicate,
    );
    if (name === 'findAndModify') {
      const { errmsg, ...details } = described;
      throw new MongoCommandError(mapped.code, mapped.codeName, String(errmsg), mapped.errorLabels, details);
    }
    // MongoDB reports a duplicate key of a write command as a write error, not a command error.
    const writeError = { index: 0, code: mapped.code, codeName: mapped.codeName, ...described };
    return { n: 0, writeErrors: [writeError], ok: 1 };
  }
  const writeErrors = Array.isArray(reply.writeErrors) ? (reply.writeErrors as Document[]) : [];
  for (const writeError of writeErrors) {
    const code = Number(writeError.code);
    if (inTransaction && (code === MongoCode.WriteConflict || code === MongoCode.LockTimeout)) {
      throw new MongoCommandError(
        MongoCode.WriteConflict,
        'WriteConflict',
        'Write conflict during plan execution and yielding is disabled.',
        ['TransientTransactionError'],
      );
    }
    if (code !== MongoCode.DuplicateKey) continue;
    const index = Number(writeError.index ?? 0);
    Object.assign(
      writeError,
      await describeDuplicate(pool, name, spec, database, index, String(writeError.errmsg ?? '')),
    );
  }
  if (Number(reply.ok) === 0 && Number(reply.code) === MongoCode.DuplicateKey) {
    Object.assign(reply, await describeDuplicate(pool, name, spec, database, 0, String(reply.errmsg ?? '')));
  }
  return reply;
}

/** `errmsg`, `keyPattern` and `keyValue` of a duplicate key, as MongoDB words them. */
async function describeDuplicate(
  pool: backend.Queryable,
  name: string,
  spec: Document,
  database: string,
  index: number,
  message: string,
  known?: DuplicateKey,
): Promise<Document> {
  const collection = String(spec[name] ?? '');
  let duplicate = known;
  try {
    if (!duplicate) {
      const indexName = indexNameInMessage(message);
      const keyPattern = indexName ? await indexKey(pool, database, collection, indexName) : undefined;
      if (indexName && keyPattern) {
        const keyValue = projectKey(keyPattern, attemptedByRequest(name, spec, index));
        duplicate = { keyPattern, keyValue, indexName };
      }
    } else if (!duplicate.indexName && duplicate.indexId !== undefined) {
      const { rows } = await pool.query(
        'SELECT (index_spec).index_name AS name FROM documentdb_api_catalog.collection_indexes WHERE index_id = $1',
        [duplicate.indexId],
      );
      duplicate.indexName = typeof rows[0]?.name === 'string' ? rows[0].name : undefined;
    }
  } catch {
    // The description is a courtesy: the error keeps its code 11000 without it.
  }
  if (!duplicate) return { errmsg: message };
  return {
    errmsg: duplicateMessage(`${database}.${collection}`, duplicate),
    keyPattern: duplicate.keyPattern,
    keyValue: duplicate.keyValue,
  };
}

/** The key pattern of an index, by name. */
async function indexKey(
  pool: backend.Queryable,
  database: string,
  collection: string,
  indexName: string,
): Promise<Document | undefined> {
  if (indexName === '_id_') return { _id: 1 };
  const page = await backend.firstPage(pool, 'listIndexes', database, { listIndexes: collection });
  const batch = ((page.reply.cursor as Document | undefined)?.firstBatch as Document[] | undefined) ?? [];
  return batch.find((entry) => entry.name === indexName)?.key as Document | undefined;
}
