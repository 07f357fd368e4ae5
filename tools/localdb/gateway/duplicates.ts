/**
 * What a duplicate key error tells the driver, as MongoDB words it: the index's key pattern,
 * the colliding key value and `E11000 duplicate key error collection: … index: … dup key: …`.
 *
 * @remarks
 * DocumentDB reports a collision in three ways: a `writeErrors` entry naming the index
 * (insert, update), PostgreSQL's 23505 on the `_id` primary key, and PostgreSQL's 23P01 on
 * the exclusion constraint that enforces a secondary unique index (findAndModify). The last
 * two carry the document and the key specification as `BSONHEX…` in the error's detail; the
 * first carries only the index name, so its key value is read from the request (the inserted
 * document, or the equality fields of the filter and the fields the update sets).
 */
import { deserialize, EJSON, type Document } from 'bson';
import { RAW_TYPES } from './wire';

/** The key of the index that refused a write, and the value that collided. */
export interface DuplicateKey {
  keyPattern: Document;
  keyValue: Document;
  /** The index name, when known. */
  indexName?: string;
  /** DocumentDB's index id, from the name of the exclusion constraint `documents_rum_index_<id>`. */
  indexId?: number;
}

const ID_PATTERN: Document = { _id: 1 };

function decodeHex(hex: string): Document {
  return deserialize(Buffer.from(hex, 'hex'), RAW_TYPES);
}

/** The value at a dotted path of a document, or undefined. */
function valueAt(document: Document, path: string): unknown {
  let current: unknown = document;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Document)[part];
  }
  return current;
}

/** `document` reduced to the fields of `keyPattern` (null for a missing field, as MongoDB). */
export function projectKey(keyPattern: Document, document: Document): Document {
  const keyValue: Document = {};
  for (const field of Object.keys(keyPattern)) keyValue[field] = valueAt(document, field) ?? null;
  return keyValue;
}

/** Reads the key pattern and value from a PostgreSQL 23505 or 23P01 error, when it holds them. */
export function duplicateFromPostgres(error: {
  code?: unknown;
  detail?: unknown;
  constraint?: unknown;
}): DuplicateKey | undefined {
  const detail = typeof error.detail === 'string' ? error.detail : '';
  const constraint = typeof error.constraint === 'string' ? error.constraint : '';
  try {
    if (error.code === '23P01') {
      const spec = /'BSONHEX([0-9a-f]+)'::documentdb_core\.bson/.exec(detail);
      const row = /\)=\(BSONHEX([0-9a-f]+)/.exec(detail);
      if (!spec?.[1] || !row?.[1]) return undefined;
      const keyPattern = decodeHex(spec[1]);
      const indexId = /_index_(\d+)$/.exec(constraint)?.[1];
      return {
        keyPattern,
        keyValue: projectKey(keyPattern, decodeHex(row[1])),
        indexId: indexId ? Number(indexId) : undefined,
      };
    }
    if (error.code === '23505' && detail.includes('object_id')) {
      const id = /, BSONHEX([0-9a-f]+)\)/.exec(detail);
      if (!id?.[1]) return undefined;
      const wrapped: unknown[] = Object.values(decodeHex(id[1]));
      return { keyPattern: ID_PATTERN, keyValue: { _id: wrapped[0] }, indexName: '_id_' };
    }
  } catch {
    return undefined; // an undecodable detail: the error keeps its code without the key
  }
  return undefined;
}

/** The index name in DocumentDB's write error message `… Index 'email_1'`. */
export function indexNameInMessage(message: string): string | undefined {
  return /Index '([^']+)'/.exec(message)?.[1];
}

function equalityFields(filter: Document | undefined): Document {
  const fields: Document = {};
  for (const [key, value] of Object.entries(filter ?? {}) as Array<[string, unknown]>) {
    if (key.startsWith('$')) continue;
    const operators =
      value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Document) : undefined;
    if (operators && Object.keys(operators).some((k) => k.startsWith('$'))) {
      if ('$eq' in operators) fields[key] = operators.$eq as unknown;
      continue;
    }
    fields[key] = value;
  }
  return fields;
}

function setPath(document: Document, path: string, value: unknown): void {
  const parts = path.split('.');
  let current = document;
  for (const part of parts.slice(0, -1)) {
    if (current[part] === null || typeof current[part] !== 'object') current[part] = {};
    current = current[part] as Document;
  }
  current[parts[parts.length - 1] ?? path] = value;
}

/**
 * The document a write tried to store, as far as the request tells: for an insert the document
 * itself; for an update the filter's equality fields, overwritten by the replacement or by
 * `$set`/`$setOnInsert`.
 */
export function attemptedDocument(filter: Document | undefined, update: unknown): Document {
  const document: Document = {};
  for (const [path, value] of Object.entries(equalityFields(filter))) setPath(document, path, value);
  if (update === null || typeof update !== 'object' || Array.isArray(update)) return document;
  const fields = update as Document;
  if (!Object.keys(fields).some((key) => key.startsWith('$'))) return { ...document, ...fields };
  for (const operator of ['$set', '$setOnInsert']) {
    const set = fields[operator] as Document | undefined;
    for (const [path, value] of Object.entries(set ?? {})) setPath(document, path, value);
  }
  return document;
}

/** The document behind the write error at `index` of an insert, update or findAndModify. */
export function attemptedByRequest(command: string, spec: Document, index: number): Document {
  if (command === 'insert') return ((spec.documents as Document[] | undefined) ?? [])[index] ?? {};
  if (command === 'update') {
    const statement = ((spec.updates as Document[] | undefined) ?? [])[index];
    return attemptedDocument(statement?.q as Document | undefined, statement?.u);
  }
  return attemptedDocument(spec.query as Document | undefined, spec.update);
}

/** MongoDB's message for a duplicate key. */
export function duplicateMessage(namespace: string, duplicate: DuplicateKey): string {
  const index = duplicate.indexName ? ` index: ${duplicate.indexName}` : '';
  const key = EJSON.stringify(duplicate.keyValue, { relaxed: true });
  return `E11000 duplicate key error collection: ${namespace}${index} dup key: ${key}`;
}
