/**
 * Routes one command: answered locally, inside a session's transaction, or by DocumentDB
 * through a pooled connection; keeps cursors and transactions between commands.
 */
import type { Document, Long } from 'bson';
import * as backend from './backend';
import { CursorCommands } from './cursorCommands';
import { CursorStore, type ConnectionSource, type CursorStoreOptions, type HeldConnection } from './cursors';
import { MongoCode, MongoCommandError, toMongoError } from './errors';
import { explain } from './explain';
import { answerLocally, isLocalCommand, type HandshakeContext } from './handshake';
import { RetryableWrites, type RetryableWritesOptions } from './retryableWrites';
import { TransactionStore } from './transactions';
import { runWrite } from './writeCommands';

export type { ConnectionSource } from './cursors';

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

/** Runs commands against DocumentDB on behalf of every client connection. */
export class CommandDispatcher {
  readonly cursors: CursorStore;
  readonly transactions: TransactionStore;
  readonly retryableWrites: RetryableWrites;
  private readonly cursorCommands: CursorCommands;

  constructor(
    private readonly pool: ConnectionSource,
    options: DispatcherOptions = {},
  ) {
    this.cursors = new CursorStore(options.cursors);
    this.retryableWrites = new RetryableWrites(options.retryableWrites);
    this.cursorCommands = new CursorCommands(pool, this.cursors);
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
        return this.cursorCommands.open(name, spec, database, transaction, client.socketId);
      case 'getMore':
        return this.cursorCommands.getMore(spec, database, transaction);
      case 'killCursors':
        return this.cursorCommands.kill(spec);
      case 'insert':
      case 'update':
      case 'delete':
      case 'findAndModify':
        return runWrite(this.pool, db, name, database, spec, transaction !== undefined);
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
}
