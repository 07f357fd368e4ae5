/**
 * The per-person limits of the bot, in one place: messages answered, entries stored, helpers
 * asked. Constructed with the database and passed to who needs it.
 */
import type { Db } from 'mongodb';
import type { EntryKind } from '../domain/types';
import { redactId, type Logger } from '../logger';
import { DAY_SECONDS, DEFAULT_LIMITS, type LimitSettings } from './settings';
import { StoredLimiter, type Take } from './storedLimiter';

/** Why a message is not answered, when the resident must be told: the burst, or the day. */
export type MessageNotice = 'burst' | 'day';

/** Whether a message is answered. */
export type MessageVerdict =
  | { readonly admitted: true }
  /** `notice` is set on the first refused message of a blocking period only. */
  | { readonly admitted: false; readonly notice?: MessageNotice };

/** Options of {@link Limits}. */
export interface LimitsOptions {
  db: Db;
  logger: Logger;
  /** Figures other than {@link DEFAULT_LIMITS} (tests). */
  settings?: Partial<LimitSettings>;
  /** A store slower than this counts as failed (default 1 s). */
  timeoutMs?: number;
}

/**
 * Counts, per person, what costs the Page's quota or others' attention, in MongoDB so that
 * every instance shares the counts.
 *
 * @remarks
 * A message is answered within {@link LimitSettings.messagesPerBurst} a minute (past it, none
 * for {@link LimitSettings.burstBlockSeconds}) and {@link LimitSettings.messagesPerDay} a day;
 * the first message refused in a blocking period is the one whose sender must be told.
 * Failure: when the store fails, each instance limits in memory with the same figures (see
 * {@link StoredLimiter}); an unexpected error lets the action through and is logged, so a
 * limit never stops a turn.
 */
export class Limits {
  readonly settings: LimitSettings;
  private readonly logger: Logger;
  private readonly messagesBurst: StoredLimiter;
  private readonly messagesDay: StoredLimiter;
  private readonly entries: Readonly<Record<EntryKind, StoredLimiter>>;
  private readonly matchRequests: StoredLimiter;

  constructor(options: LimitsOptions) {
    const settings = Object.freeze({ ...DEFAULT_LIMITS, ...options.settings });
    const { db, logger, timeoutMs } = options;
    const limiter = (name: string, points: number, durationSeconds: number, blockSeconds?: number) =>
      new StoredLimiter({ db, logger, name, points, durationSeconds, blockSeconds, timeoutMs });
    this.settings = settings;
    this.logger = logger;
    this.messagesBurst = limiter(
      'messages_burst',
      settings.messagesPerBurst,
      settings.burstSeconds,
      settings.burstBlockSeconds,
    );
    this.messagesDay = limiter('messages_day', settings.messagesPerDay, DAY_SECONDS);
    this.entries = {
      need: limiter('needs_day', settings.needsPerDay, DAY_SECONDS),
      offer: limiter('offers_day', settings.offersPerDay, DAY_SECONDS),
    };
    this.matchRequests = limiter('match_requests_day', settings.matchRequestsPerDay, DAY_SECONDS);
  }

  /** Creates the indexes of the counters' collection (idempotent). */
  ensureIndexes(): Promise<void> {
    // Every limit shares the collection, hence its indexes.
    return this.messagesBurst.createIndexes();
  }

  /**
   * Counts a message of `psid` and says whether to answer it.
   *
   * @remarks
   * The daily count is only taken when the burst allows the message, so it counts what is
   * answered and a flood costs one store command per message.
   */
  async admitMessage(psid: string): Promise<MessageVerdict> {
    const burst = await this.take(this.messagesBurst, psid, 'messages_burst');
    if (!burst.allowed) return refused(burst, this.messagesBurst, 'burst');
    const day = await this.take(this.messagesDay, psid, 'messages_day');
    if (!day.allowed) return refused(day, this.messagesDay, 'day');
    return { admitted: true };
  }

  /** True while `psid` may still store an entry of `kind` today (counts nothing). */
  async mayCreateEntry(psid: string, kind: EntryKind): Promise<boolean> {
    const limiter = this.entries[kind];
    try {
      return (await limiter.taken(psid)) < limiter.points;
    } catch (error) {
      this.failedOpen(`${kind}s_day`, psid, error);
      return true;
    }
  }

  /** Counts an entry of `kind` that `psid` is about to store; false past the day's limit. */
  async takeEntry(psid: string, kind: EntryKind): Promise<boolean> {
    return (await this.take(this.entries[kind], psid, `${kind}s_day`)).allowed;
  }

  /** Counts a helper asked on behalf of `psid`'s need; false past the day's limit. */
  async takeMatchRequest(psid: string): Promise<boolean> {
    return (await this.take(this.matchRequests, psid, 'match_requests_day')).allowed;
  }

  private async take(limiter: StoredLimiter, psid: string, name: string): Promise<Take> {
    try {
      return await limiter.take(psid);
    } catch (error) {
      this.failedOpen(name, psid, error);
      return { allowed: true, taken: 0 };
    }
  }

  private failedOpen(limit: string, psid: string, error: unknown): void {
    this.logger.error('rate limit failed, action allowed', {
      limit,
      person: redactId(psid),
      error: error instanceof Error ? error.name : 'unknown',
    });
  }
}

/** A refusal, with the notice when this is the first refused take of the period. */
function refused(take: Take, limiter: StoredLimiter, notice: MessageNotice): MessageVerdict {
  return take.taken === limiter.points + 1 ? { admitted: false, notice } : { admitted: false };
}
