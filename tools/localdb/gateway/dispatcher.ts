/**
 * Routes one command: answered locally, inside a session's transaction, or by DocumentDB
 * through a pooled connection; keeps cursors and transactions between commands.
 */
import { Long, type Document } from 'bson';
import * as backend from './backend';
import { CursorStore, type CursorStoreOptions, type HeldConnection } from './cursors';
import {
  attemptedByRequest,
  duplicateMessage,
  indexNameInMessage,
  projectKey,
  type DuplicateKey,
} from './duplicates';
import { MongoCode, MongoCommandError, toMongoError } from './errors';
import { explain } from './explain';
import { answerLocally, isLocalCommand, type HandshakeContext } from './handshake';
import { RetryableWrites, type RetryableWritesOptions } from './retryableWrites';
import { TransactionStore } from './transactions';

/** Options of {@link CommandDispatcher}. */
export interface DispatcherOptions {
  cursors?: CursorStoreOptions;
  retryableWrites?: RetryableWritesOptions;
  /** How long a transaction's write waits for a row another transaction locked (ms). */
  transactionLockTimeoutMs?: number;
}

/** The commands the driver retries as retryable writes (with `lsid` and `txnNumber`). */
const RETRYABLE_WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);

/** Fields the driver adds that DocumentDB must not see. */
const DRIVER_FIELDS = [
  '$db',
  'lsid',
  'txnNumber',
  'autocommit',
  'startTransaction',
  '$clusterTime',
  '$readPreference',
  'readConcern',
  'writeConcern',
  'apiVersion',
  'apiStrict',
  'apiDeprecationErrors',
];

/** Other names of the same commands. */
const ALIASES: Record<string, string> = { findandmodify: 'findAndModify', deleteIndexes: 'dropIndexes' };

/** Where the dispatcher gets PostgreSQL connections. */
export interface ConnectionSource extends backend.Queryable {
  connect(): Promise<HeldConnection>;
}

/** The client connection a command came from. */
export interface ClientContext extends HandshakeContext {
  socketId: number;
}

function sessionKey(command: Document): string | undefined {
  const lsid = command.lsid as { id?: { toString(encoding: 'hex'): string } } | undefined;
  return lsid?.id?.toString('hex');
}

/**
 * Inside a transaction, PostgreSQL's unavailability is a TransientTransactionError (the
 * driver's `withTransaction` runs the whole transaction again), not a RetryableWriteError.
 */
function transientIfUnavailable(error: unknown): MongoCommandError {
  const mapped = toMongoError(error);
  if (mapped.code !== MongoCode.ExceededTimeLimit) return mapped;
  return new MongoCommandError(mapped.code, mapped.codeName, mapped.message, ['TransientTransactionError']);
}

function strip(command: Document): Document {
  const spec: Document = { ...command };
  for (const field of DRIVER_FIELDS) delete spec[field];
  return spec;
}

function cursorId(reply: Document): string {
  const cursor = reply.cursor as { id?: Long | number } | undefined;
  return cursor?.id === undefined ? '0' : cursor.id.toString();
}

/** Runs commands against DocumentDB on behalf of every client connection. */
export class CommandDispatcher {
  readonly cursors: CursorStore;
  readonly transactions: TransactionStore;
  readonly retryableWrites: RetryableWrites;

  constructor(
    private readonly pool: ConnectionSource,
    options: DispatcherOptions = {},
  ) {
    this.cursors = new CursorStore(options.cursors);
    this.retryableWrites = new RetryableWrites(options.retryableWrites);
    this.transactions = new TransactionStore({
      connect: () => pool.connect(),
      onRelease: (connection) => this.cursors.closeOnConnection(connection),
      lockTimeoutMs: options.transactionLockTimeoutMs,
    });
  }

  /** Runs one command and returns its reply; failures become `{ ok: 0, code, ... }`. */
  async run(command: Document, defaultDatabase: string, client: ClientContext): Promise<Document> {
    const name = Object.keys(command)[0] ?? '';
    try {
      if (isLocalCommand(name)) return answerLocally(name, command, client);
      const database = typeof command.$db === 'string' ? command.$db : defaultDatabase;
      return await this.runRemote(ALIASES[name] ?? name, command, database, client);
    } catch (error) {
      return toMongoError(error).toReply();
    }
  }

  /** Closes idle cursors and rolls back expired transactions. */
  async sweep(): Promise<void> {
    this.cursors.sweep();
    await this.transactions.sweep();
  }

  /** Closes the cursors and rolls back the transactions a closed client connection left open. */
  async clientClosed(socketId: number): Promise<void> {
    this.cursors.closeForSocket(socketId);
    await this.transactions.abortForSocket(socketId);
  }

  private async runRemote(
    name: string,
    command: Document,
    database: string,
    client: ClientContext,
  ): Promise<Document> {
    const session = sessionKey(command);
    const txnNumber = command.txnNumber === undefined ? undefined : String(command.txnNumber as Long);
    if (name === 'endSessions' || name === 'killSessions') {
      const ids = (command[name] as Array<{ id?: { toString(encoding: 'hex'): string } }> | undefined) ?? [];
      for (const id of ids) if (id.id) await this.transactions.abortSession(id.id.toString('hex'));
      return { ok: 1 };
    }
    if (name === 'commitTransaction' || name === 'abortTransaction') {
      if (!session || !txnNumber)
        throw new MongoCommandError(MongoCode.BadValue, 'BadValue', 'no transaction');
      if (name === 'commitTransaction') await this.transactions.commit(session, txnNumber, client.socketId);
      else await this.transactions.abort(session, txnNumber, client.socketId);
      return { ok: 1 };
    }
    let transaction: HeldConnection | undefined;
    if (command.autocommit === false && session && txnNumber) {
      const open =
        command.startTransaction === true
          ? await this.transactions
              .start(session, txnNumber, client.socketId)
              .catch((error: unknown) => Promise.reject(transientIfUnavailable(error)))
          : this.transactions.get(session, txnNumber, client.socketId);
      transaction = open.connection;
    }
    const spec = strip(command);
    if (!transaction && session && command.txnNumber !== undefined && RETRYABLE_WRITES.has(name)) {
      const execute = (): Promise<Document> =>
        this.execute(name, spec, database, undefined, client).catch((error: unknown) =>
          toMongoError(error).toReply(),
        );
      return this.retryableWrites.run(session, command.txnNumber as Long, execute);
    }
    if (!transaction || !session) return this.execute(name, spec, database, transaction, client);
    try {
      return await this.execute(name, spec, database, transaction, client);
    } catch (error) {
      const mapped = transientIfUnavailable(error);
      // PostgreSQL went away under the transaction: it is lost.
      if (mapped.code === MongoCode.ExceededTimeLimit)
        await this.transactions.abortSession(session).catch(() => undefined);
      throw mapped;
    }
  }

  private async execute(
    name: string,
    spec: Document,
    database: string,
    transaction: HeldConnection | undefined,
    client: ClientContext,
  ): Promise<Document> {
    const db: backend.Queryable = transaction ?? this.pool;
    switch (name) {
      case 'find':
      case 'aggregate':
      case 'listCollections':
      case 'listIndexes':
        return this.openCursor(name, spec, database, transaction, client);
      case 'getMore':
        return this.getMore(spec, database, transaction);
      case 'killCursors':
        return this.killCursors(spec);
      case 'insert':
      case 'update':
      case 'delete':
      case 'findAndModify':
        return this.write(db, name, database, spec, transaction !== undefined);
      case 'drop':
        return backend.dropCollection(db, database, String(spec.drop));
      case 'dropDatabase':
        return backend.dropDatabase(db, database);
      case 'listDatabases':
        return backend.listDatabases(db, spec);
      case 'createIndexes':
        return backend.createIndexes(db, database, spec);
      case 'explain':
        return explain(db, database, { ...spec, explain: strip(spec.explain as Document) });
      default:
        if (backend.isDocumentCommand(name)) return backend.runDocumentCommand(db, name, database, spec);
        throw new MongoCommandError(
          MongoCode.CommandNotFound,
          'CommandNotFound',
          `no such command: '${name}'`,
        );
    }
  }

  /**
   * insert, update, delete, findAndModify: duplicate keys described as MongoDB does, and a
   * write conflict inside a transaction failing the command as a transient transaction error.
   */
  private async write(
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
      const described = await this.describeDuplicate(
        name,
        spec,
        database,
        0,
        mapped.message,
        mapped.duplicate,
      );
      if (name === 'findAndModify') {
        const { errmsg, ...details } = described;
        throw new MongoCommandError(
          mapped.code,
          mapped.codeName,
          String(errmsg),
          mapped.errorLabels,
          details,
        );
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
        await this.describeDuplicate(name, spec, database, index, String(writeError.errmsg ?? '')),
      );
    }
    if (Number(reply.ok) === 0 && Number(reply.code) === MongoCode.DuplicateKey) {
      Object.assign(reply, await this.describeDuplicate(name, spec, database, 0, String(reply.errmsg ?? '')));
    }
    return reply;
  }

  /** `errmsg`, `keyPattern` and `keyValue` of a duplicate key, as MongoDB words them. */
  private async describeDuplicate(
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
        const keyPattern = indexName ? await this.indexKey(database, collection, indexName) : undefined;
        if (indexName && keyPattern) {
          const keyValue = projectKey(keyPattern, attemptedByRequest(name, spec, index));
          duplicate = { keyPattern, keyValue, indexName };
        }
      } else if (!duplicate.indexName && duplicate.indexId !== undefined) {
        const { rows } = await this.pool.query(
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
  private async indexKey(
    database: string,
    collection: string,
    indexName: string,
  ): Promise<Document | undefined> {
    if (indexName === '_id_') return { _id: 1 };
    const page = await backend.firstPage(this.pool, 'listIndexes', database, { listIndexes: collection });
    const batch = ((page.reply.cursor as Document | undefined)?.firstBatch as Document[] | undefined) ?? [];
    return batch.find((entry) => entry.name === indexName)?.key as Document | undefined;
  }

  private async openCursor(
    name: string,
    spec: Document,
    database: string,
    transaction: HeldConnection | undefined,
    client: ClientContext,
  ): Promise<Document> {
    const connection = transaction ?? (await this.pool.connect());
    let keep = false;
    try {
      const page = await backend.firstPage(connection, name, database, spec);
      const id = cursorId(page.reply);
      if (id !== '0' && page.continuation) {
        keep = page.persistConnection && !transaction;
        this.cursors.open({
          id,
          database,
          collection: String(spec[name] ?? ''),
          continuation: page.continuation,
          connection: page.persistConnection || transaction ? connection : undefined,
          ownsConnection: keep,
          socketId: client.socketId,
        });
      }
      return page.reply;
    } finally {
      if (!transaction && !keep) connection.release();
    }
  }

  private async getMore(
    spec: Document,
    database: string,
    transaction: HeldConnection | undefined,
  ): Promise<Document> {
    const id = String(spec.getMore as Long);
    const cursor = this.cursors.take(id);
    if (!cursor)
      throw new MongoCommandError(MongoCode.CursorNotFound, 'CursorNotFound', `cursor id ${id} not found`);
    const connection = cursor.connection ?? transaction ?? this.pool;
    const request: Document = { ...spec, getMore: Long.fromString(id) };
    let page: backend.CursorPage;
    try {
      page = await backend.nextPage(connection, database, request, cursor.continuation);
    } catch (error) {
      this.cursors.close(id);
      throw error;
    }
    if (cursorId(page.reply) === '0' || !page.continuation) this.cursors.close(id);
    else cursor.continuation = page.continuation;
    return page.reply;
  }

  private killCursors(spec: Document): Document {
    const ids = ((spec.cursors as unknown[] | undefined) ?? []).map((id) => String(id as Long));
    const killed = ids.filter((id) => this.cursors.close(id));
    const notFound = ids.filter((id) => !killed.includes(id));
    const toLongs = (list: string[]): Long[] => list.map((id) => Long.fromString(id));
    return {
      cursorsKilled: toLongs(killed),
      cursorsNotFound: toLongs(notFound),
      cursorsAlive: [],
      cursorsUnknown: [],
      ok: 1,
    };
  }
}
