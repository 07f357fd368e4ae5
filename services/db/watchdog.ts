/**
 * Reconnects the application's MongoDB client when it stays unable to reach a database that
 * a fresh client reaches.
 *
 * @remarks
 * Seen in the database-outage fault test (about one run in four): after the database came
 * back, the long-lived client kept failing server selection for good while a new client
 * pinged at once. The watchdog notices such a wedged client and closes and reopens it (the
 * driver allows `connect` after `close`; collections and databases taken from it stay valid).
 */
import { MongoClient } from 'mongodb';
import type { Logger } from '../logger';

/** Options of {@link DatabaseWatchdog}. */
export interface DatabaseWatchdogOptions {
  client: MongoClient;
  uri: string;
  logger: Logger;
  /** Time between checks. */
  intervalMs?: number;
  /** How long the client must fail before a fresh probe is tried. */
  wedgedAfterMs?: number;
}

/** Periodic health check of the shared client, with a reconnect when it is wedged. */
export class DatabaseWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private failingSince: number | undefined;
  private checking = false;
  private readonly intervalMs: number;
  private readonly wedgedAfterMs: number;

  constructor(private readonly options: DatabaseWatchdogOptions) {
    this.intervalMs = options.intervalMs ?? 2_000;
    this.wedgedAfterMs = options.wedgedAfterMs ?? 8_000;
  }

  /** Starts checking; the timer does not keep the process alive. */
  start(): void {
    this.timer ??= setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops checking. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One check (exposed for tests): true when the client answered or was reconnected. */
  async check(now = Date.now()): Promise<boolean> {
    if (this.checking) return false;
    this.checking = true;
    try {
      if (await pings(this.options.client)) {
        this.failingSince = undefined;
        return true;
      }
      this.failingSince ??= now;
      if (now - this.failingSince < this.wedgedAfterMs || !(await freshClientPings(this.options.uri)))
        return false;
      this.options.logger.warn('database client wedged while the database answers: reconnecting it');
      await this.options.client.close();
      await this.options.client.connect();
      this.failingSince = undefined;
      return true;
    } catch (error) {
      this.options.logger.warn('database reconnect failed', { error: (error as Error).name });
      return false;
    } finally {
      this.checking = false;
    }
  }
}

async function pings(client: MongoClient): Promise<boolean> {
  try {
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  }
}

async function freshClientPings(uri: string): Promise<boolean> {
  const probe = new MongoClient(uri, {
    serverSelectionTimeoutMS: 1_500,
    connectTimeoutMS: 1_500,
    maxPoolSize: 1,
  });
  try {
    await probe.connect();
    return await pings(probe);
  } catch {
    return false;
  } finally {
    await probe.close().catch(() => undefined);
  }
}
