/**
 * One limit whose counters live in MongoDB (rate-limiter-flexible's RateLimiterMongo), shared
 * by every instance of the bot, with an in-memory insurance when the store fails.
 */
import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import {
  RateLimiterMemory,
  RateLimiterMongo,
  RateLimiterRes,
  RLWrapperTimeouts,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Logger } from '../logger';

/** The collection every limit keeps its counters in, one document per person and limit. */
export const RATE_LIMITS_COLLECTION = 'rate_limits';

/** Options of {@link StoredLimiter}. */
export interface StoredLimiterOptions {
  db: Db;
  logger: Logger;
  /** Tells this limit's counters from the others' in the collection; named in logs. */
  name: string;
  points: number;
  durationSeconds: number;
  /** Once over the limit, refused for this long (from the first refusal) rather than to the window's end. */
  blockSeconds?: number;
  /** A store slower than this is treated as failed (default 1 s). */
  timeoutMs?: number;
}

/** What a take found. */
export interface Take {
  readonly allowed: boolean;
  /** Points taken in the current window, this take's included. */
  readonly taken: number;
  /** Milliseconds until the window (or, once refused, the block) ends. */
  readonly msBeforeNext: number;
}

/**
 * A counter per person over a fixed window, in the `rate_limits` collection.
 *
 * @remarks
 * Each take is one atomic `findOneAndUpdate` ($inc, upsert), so instances sharing the
 * database share the count, and exactly one take of a window goes from `points` or less to
 * more than `points`. Documents
 * expire by a TTL index. Persons are keyed by a hash of their page-scoped id, never the id
 * itself. When the store fails or takes longer than `timeoutMs`, an in-memory limiter with the
 * same figures answers instead (the library's insurance), so a take never throws: with the
 * database down, each instance limits on its own, and a warning says so.
 */
export class StoredLimiter {
  readonly points: number;
  private readonly store: RateLimiterMongo;
  private readonly limiter: RateLimiterAbstract;

  constructor(options: StoredLimiterOptions) {
    const { db, logger, name, points, durationSeconds } = options;
    const figures = { points, duration: durationSeconds, blockDuration: options.blockSeconds ?? 0 };
    this.points = points;
    this.store = new RateLimiterMongo({
      ...figures,
      storeClient: db,
      tableName: RATE_LIMITS_COLLECTION,
      keyPrefix: name,
      disableIndexesCreation: true,
    });
    const insurance = new InsuranceLimiter({ ...figures, keyPrefix: name }, () =>
      logger.warn('rate limit store unavailable, limiting in memory', { limit: name }),
    );
    this.limiter = new RLWrapperTimeouts({
      limiter: this.store,
      timeoutMs: options.timeoutMs ?? 1_000,
      blockDuration: figures.blockDuration,
      insuranceLimiter: insurance,
    });
  }

  /** Creates the collection's indexes: unique person key, TTL on the window's end (idempotent). */
  createIndexes(): Promise<void> {
    return this.store.createIndexes();
  }

  /** Takes `points` for `person` in one command; refused when the count goes past the limit. */
  async take(person: string, points = 1): Promise<Take> {
    try {
      return taken(true, await this.limiter.consume(keyOf(person), points));
    } catch (error) {
      if (error instanceof RateLimiterRes) return taken(false, error);
      throw error;
    }
  }
}

function taken(allowed: boolean, result: RateLimiterRes): Take {
  return { allowed, taken: result.consumedPoints, msBeforeNext: result.msBeforeNext };
}

/** The memory limiter the library falls back on; says when it is used. */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(
    options: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly onUse: () => void,
  ) {
    super(options);
  }

  override consume(
    key: string | number,
    points?: number,
    options?: Record<string, unknown>,
  ): Promise<RateLimiterRes> {
    this.onUse();
    return super.consume(key, points, options);
  }
}

/** A person's key in the store: a hash of the page-scoped id (128 bits), not the id. */
function keyOf(person: string): string {
  return createHash('sha256').update(person).digest('hex').slice(0, 32);
}
