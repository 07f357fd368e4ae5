/**
 * The gateway's PostgreSQL connections: a `pg` pool with a bounded wait, and an error
 * listener on every connection the gateway holds (for a transaction or a cursor), so that a
 * PostgreSQL restart fails the commands that used it instead of crashing the gateway.
 *
 * @remarks
 * `pg`'s pool listens for errors only on idle connections and inside `pool.query`; a
 * connection taken with `pool.connect()` has no listener, and the `error` event PostgreSQL's
 * shutdown raises on it ends the process. Here every held connection gets one; the error is
 * kept and thrown by the connection's next query, and the connection is discarded on release.
 */
import { Pool } from 'pg';
import type { HeldConnection } from './cursors';
import type { ConnectionSource } from './cursors';
import { isPostgresUnavailable, postgresUnavailable, toMongoError } from './errors';

/** Options of {@link PostgresPool}. */
export interface PostgresPoolOptions {
  host: string;
  port: number;
  user: string;
  password?: string;
  database?: string;
  /** Most connections at once (the gateway's default is 20). */
  max: number;
  /** How long a command waits for a free connection before failing as retryable (ms). */
  acquireTimeoutMs?: number;
  applicationName: string;
  log: (line: string) => void;
}

/** The default wait for a connection: well under the driver's 30 s server selection. */
export const ACQUIRE_TIMEOUT_MS = 5_000;

/** Statistics of the pool. */
export interface PoolCounts {
  total: number;
  idle: number;
  waiting: number;
  held: number;
}

/** PostgreSQL connections for the dispatcher. */
export class PostgresPool implements ConnectionSource {
  private readonly pool: Pool;
  private held = 0;

  constructor(private readonly options: PostgresPoolOptions) {
    this.pool = new Pool({
      host: options.host,
      port: options.port,
      user: options.user,
      password: options.password,
      database: options.database ?? 'postgres',
      max: options.max,
      connectionTimeoutMillis: options.acquireTimeoutMs ?? ACQUIRE_TIMEOUT_MS,
      application_name: options.applicationName,
    });
    this.pool.on('error', (error) => options.log(`postgres idle connection error: ${error.message}`));
  }

  /** Runs one statement on any connection. */
  async query(
    sql: string | { name: string; text: string; values: unknown[] },
    params?: unknown[],
  ): Promise<{ rows: Array<Record<string, unknown>> }> {
    try {
      return typeof sql === 'string' ? await this.pool.query(sql, params) : await this.pool.query(sql);
    } catch (error) {
      throw toMongoError(error);
    }
  }

  /** A connection held until released; fails as retryable after the bounded wait. */
  async connect(): Promise<HeldConnection> {
    let client;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw postgresUnavailable(error);
    }
    this.held += 1;
    let broken: Error | undefined;
    let released = false;
    const onError = (error: Error): void => {
      broken = error;
      this.options.log(`postgres held connection error: ${error.message}`);
    };
    client.on('error', onError);
    return {
      query: async (sql, params) => {
        if (broken) throw postgresUnavailable(broken);
        try {
          return typeof sql === 'string' ? await client.query(sql, params) : await client.query(sql);
        } catch (error) {
          if (isPostgresUnavailable(error)) broken ??= error as Error;
          throw toMongoError(error);
        }
      },
      release: (error) => {
        if (released) return;
        released = true;
        this.held -= 1;
        client.removeListener('error', onError);
        client.release(broken ?? error);
      },
    };
  }

  /** How many connections exist, are idle, are awaited and are held. */
  counts(): PoolCounts {
    return {
      total: this.pool.totalCount,
      idle: this.pool.idleCount,
      waiting: this.pool.waitingCount,
      held: this.held,
    };
  }

  /** Closes every connection. */
  async end(): Promise<void> {
    await this.pool.end();
  }
}
