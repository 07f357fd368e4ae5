/**
 * Multi-document transactions: one PostgreSQL connection per session, held between the
 * command that carries `startTransaction: true` and `commitTransaction`/`abortTransaction`.
 *
 * @remarks
 * Transactions run at REPEATABLE READ, PostgreSQL's snapshot isolation, which is what
 * MongoDB's transactions offer. A transaction idle longer than the limit (MongoDB's
 * `transactionLifetimeLimitSeconds`, 60 s) is rolled back.
 *
 * A write that needs a row another open transaction changed does not wait for it: like
 * MongoDB, which fails such a write at once with WriteConflict (112) and the
 * `TransientTransactionError` label (the driver's `withTransaction` then runs the transaction
 * again), the gateway sets PostgreSQL's `lock_timeout` for the transaction, and the lock
 * timeout (55P03) is reported as WriteConflict.
 */
import type { HeldConnection } from './cursors';
import { MongoCode, MongoCommandError } from './errors';

/** One open transaction. */
export interface OpenTransaction {
  sessionKey: string;
  txnNumber: string;
  connection: HeldConnection;
  /** The client connection (socket) that used the transaction last. */
  socketId: number;
  lastUsed: number;
}

/** Options of {@link TransactionStore}. */
export interface TransactionStoreOptions {
  /** Gets a dedicated connection from the pool. */
  connect: () => Promise<HeldConnection>;
  /** Called before a transaction's connection goes back to the pool. */
  onRelease?: (connection: HeldConnection) => void;
  lifetimeMs?: number;
  /** How long a write waits for a row lock before failing with WriteConflict (ms). */
  lockTimeoutMs?: number;
  now?: () => number;
}

/** Default of {@link TransactionStoreOptions.lockTimeoutMs}: a short wait, then a fast failure. */
export const TRANSACTION_LOCK_TIMEOUT_MS = 100;

/** The open transactions, by session. */
export class TransactionStore {
  private readonly open = new Map<string, OpenTransaction>();
  private readonly committed = new Map<string, string>();
  private readonly lifetimeMs: number;
  private readonly now: () => number;

  constructor(private readonly options: TransactionStoreOptions) {
    this.lifetimeMs = options.lifetimeMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Starts a transaction: BEGIN on a dedicated connection. */
  async start(sessionKey: string, txnNumber: string, socketId: number): Promise<OpenTransaction> {
    const previous = this.open.get(sessionKey);
    if (previous) await this.finish(previous, 'ROLLBACK');
    const connection = await this.options.connect();
    try {
      await connection.query('BEGIN ISOLATION LEVEL REPEATABLE READ', []);
      const lockTimeout = Math.max(1, Math.round(this.options.lockTimeoutMs ?? TRANSACTION_LOCK_TIMEOUT_MS));
      await connection.query(`SET LOCAL lock_timeout = ${lockTimeout}`, []);
    } catch (error) {
      connection.release(true);
      throw error;
    }
    const transaction = { sessionKey, txnNumber, connection, socketId, lastUsed: this.now() };
    this.open.set(sessionKey, transaction);
    return transaction;
  }

  /** The running transaction of a session, or NoSuchTransaction. */
  get(sessionKey: string, txnNumber: string, socketId: number): OpenTransaction {
    const transaction = this.open.get(sessionKey);
    if (!transaction || transaction.txnNumber !== txnNumber) {
      throw new MongoCommandError(
        MongoCode.NoSuchTransaction,
        'NoSuchTransaction',
        `Transaction with txnNumber ${txnNumber} has been aborted or does not exist.`,
        ['TransientTransactionError'],
      );
    }
    transaction.lastUsed = this.now();
    transaction.socketId = socketId;
    return transaction;
  }

  /** COMMIT; committing again a transaction already committed succeeds, as in MongoDB. */
  async commit(sessionKey: string, txnNumber: string, socketId: number): Promise<void> {
    if (!this.open.has(sessionKey) && this.committed.get(sessionKey) === txnNumber) return;
    const transaction = this.get(sessionKey, txnNumber, socketId);
    await this.finish(transaction, 'COMMIT');
    this.committed.set(sessionKey, txnNumber);
  }

  /** ROLLBACK. */
  async abort(sessionKey: string, txnNumber: string, socketId: number): Promise<void> {
    await this.finish(this.get(sessionKey, txnNumber, socketId), 'ROLLBACK');
  }

  /** Rolls back the transaction of a session, if any (endSessions). */
  async abortSession(sessionKey: string): Promise<void> {
    const transaction = this.open.get(sessionKey);
    if (transaction) await this.finish(transaction, 'ROLLBACK');
    this.committed.delete(sessionKey);
  }

  /** Rolls back the transactions last used through a client connection that closed. */
  async abortForSocket(socketId: number): Promise<void> {
    const mine = [...this.open.values()].filter((transaction) => transaction.socketId === socketId);
    await Promise.all(mine.map((transaction) => this.finish(transaction, 'ROLLBACK')));
  }

  /** Rolls back transactions idle past their lifetime; returns how many. */
  async sweep(): Promise<number> {
    const limit = this.now() - this.lifetimeMs;
    const stale = [...this.open.values()].filter((transaction) => transaction.lastUsed < limit);
    await Promise.all(stale.map((transaction) => this.finish(transaction, 'ROLLBACK')));
    return stale.length;
  }

  /** Rolls back everything (shutdown). */
  async abortAll(): Promise<void> {
    await Promise.all([...this.open.values()].map((transaction) => this.finish(transaction, 'ROLLBACK')));
  }

  private async finish(transaction: OpenTransaction, statement: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    this.open.delete(transaction.sessionKey);
    this.options.onRelease?.(transaction.connection);
    let failed = false;
    try {
      const result = await transaction.connection.query(statement, []);
      // COMMIT of a transaction that failed earlier is answered by PostgreSQL with ROLLBACK.
      if (statement === 'COMMIT' && (result as { command?: string }).command === 'ROLLBACK') {
        throw new MongoCommandError(
          MongoCode.NoSuchTransaction,
          'NoSuchTransaction',
          'the transaction was aborted by an earlier error',
          ['TransientTransactionError'],
        );
      }
    } catch (error) {
      failed = !(error instanceof MongoCommandError);
      throw error;
    } finally {
      transaction.connection.release(failed);
    }
  }
}
