/**
 * Reconnects the application's MongoDB client when it stays unable to reach a database that
 * a fresh client reaches.
 *
 * @remarks
 * Seen in the database-outage fault test (about one run in four): after the database came
 * back, the long-lived client kept failing server selection for good while a new client
 * pinged at once. The watchdog notices such a wedged client and closes and reopens it (the
 * driver allows `connect` after `close`; collections and databases taken from it stay valid).
 *
 * A ping that does not answer within `pingTimeoutMs` counts as a failure: a command can hang
 * for good on a connection the server just closed (docs/driver-hang.md), and a watchdog
 * waiting on it would never check again. It logs when it acts: the first failed check of an
 * episode (`database ping failed`, with `hung` when the ping timed out), the reconnection
 * (`database client wedged…`, then `database client reconnected`), and the return of the
 * database (`database answers again`, with how long it failed).
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
  /** How long a ping (of the client or of the fresh probe) may take before it counts as failed. */
  pingTimeoutMs?: number;
}

/** What one ping came to. */
type PingResult = 'answered' | 'failed' | 'hung';

/** Periodic health check of the shared client, with a reconnect when it is wedged. */
export class DatabaseWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private failingSince: number | undefined;
  private checking = false;
  private readonly intervalMs: number;
  private readonly wedgedAfterMs: number;
  private readonly pingTimeoutMs: number;

  constructor(private readonly options: DatabaseWatchdogOptions) {
    this.intervalMs = options.intervalMs ?? 2_000;
    this.wedgedAfterMs = options.wedgedAfterMs ?? 8_000;
    this.pingTimeoutMs = options.pingTimeoutMs ?? 2_000;
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
    const { logger } = this.options;
    try {
      const ping = await pingWithin(this.options.client, this.pingTimeoutMs);
      if (ping === 'answered') {
        if (this.failingSince !== undefined)
          logger.info('database answers again', { failedForMs: now - this.failingSince });
        this.failingSince = undefined;
        return true;
      }
      if (this.failingSince === undefined) {
        this.failingSince = now;
        logger.warn('database ping failed', { hung: ping === 'hung', timeoutMs: this.pingTimeoutMs });
      }
      if (now - this.failingSince < this.wedgedAfterMs || !(await this.freshClientPings())) return false;
      logger.warn('database client wedged while the database answers: reconnecting it', {
        failedForMs: now - this.failingSince,
      });
      await this.options.client.close();
      await this.options.client.connect();
      logger.info('database client reconnected');
      this.failingSince = undefined;
      return true;
    } catch (error) {
      logger.warn('database reconnect failed', { error: (error as Error).name });
      return false;
    } finally {
      this.checking = false;
    }
  }

  private async freshClientPings(): Promise<boolean> {
    const probe = new MongoClient(this.options.uri, {
      serverSelectionTimeoutMS: 1_500,
      connectTimeoutMS: 1_500,
      maxPoolSize: 1,
    });
    try {
      return (await pingWithin(probe, this.pingTimeoutMs)) === 'answered';
    } finally {
      await probe.close().catch(() => undefined);
    }
  }
}

/** Pings through `client` (connecting it if needed), giving up after `timeoutMs`. */
async function pingWithin(client: MongoClient, timeoutMs: number): Promise<PingResult> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<PingResult>((resolve) => {
    timer = setTimeout(() => resolve('hung'), timeoutMs);
  });
  const ping = client
    .db('admin')
    .command({ ping: 1 })
    .then(
      (): PingResult => 'answered',
      (): PingResult => 'failed',
    );
  try {
    return await Promise.race([ping, hung]);
  } finally {
    clearTimeout(timer);
  }
}
