/**
 * The per-person limits of the bot, in one place: messages answered, entries stored, helpers
 * asked. Constructed with the database and passed to who needs it.
 */
import type { Db } from 'mongodb';
import type { EntryKind } from '../domain/types';
import { redactId, type Logger } from '../logger';
import { DAY_SECONDS, DEFAULT_LIMITS, type LimitSettings } from './settings';
import { LocalTier, type MessageTake } from './localTier';
import { MirroredLimiter } from './mirroredLimiter';
import { StoredLimiter } from './storedLimiter';

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
 * the message that goes over a limit is the one whose sender must be told. The first
 * messages of a window are counted in memory only (see {@link LocalTier}, and the bounded
 * slack it allows between instances), so most turns cost no store command.
 * Failure: when the store fails, each instance limits in memory with the same figures (see
 * {@link StoredLimiter}); an unexpected error lets the action through and is logged, so a
 * limit never stops a turn.
 */
export class Limits {
  readonly settings: LimitSettings;
  private readonly logger: Logger;
  private readonly counters: StoredLimiter;
  private readonly messagesBurst: LocalTier;
  private readonly messagesDay: LocalTier;
  private readonly entries: Readonly<Record<EntryKind, MirroredLimiter>>;
  private readonly matchRequests: StoredLimiter;

  constructor(options: LimitsOptions) {
    const settings = Object.freeze({ ...DEFAULT_LIMITS, ...options.settings });
    const { db, logger, timeoutMs } = options;
    const limiter = (name: string, points: number, durationSeconds: number, blockSeconds?: number) =>
      new StoredLimiter({ db, logger, name, points, durationSeconds, blockSeconds, timeoutMs });
    const { burstSeconds } = settings;
    const burst = limiter(
      'messages_burst',
      settings.messagesPerBurst,
      burstSeconds,
      settings.burstBlockSeconds,
    );
    const day = limiter('messages_day', settings.messagesPerDay, DAY_SECONDS);
    this.settings = settings;
    this.logger = logger;
    this.counters = burst;
    this.messagesBurst = new LocalTier({
      stored: burst,
      allowance: settings.localMessagesPerBurst,
      durationSeconds: burstSeconds,
    });
    this.messagesDay = new LocalTier({
      stored: day,
      allowance: settings.localMessagesPerDay,
      durationSeconds: DAY_SECONDS,
    });
    this.entries = {
      need: new MirroredLimiter(limiter('needs_day', settings.needsPerDay, DAY_SECONDS), DAY_SECONDS),
      offer: new MirroredLimiter(limiter('offers_day', settings.offersPerDay, DAY_SECONDS), DAY_SECONDS),
    };
    this.matchRequests = limiter('match_requests_day', settings.matchRequestsPerDay, DAY_SECONDS);
  }

  /** Creates the indexes of the counters' collection (idempotent). */
  ensureIndexes(): Promise<void> {
    // Every limit shares the collection, hence its indexes.
    return this.counters.createIndexes();
  }

  /**
   * Counts a message of `psid` and says whether to answer it.
   *
   * @remarks
   * The daily count is only taken when the burst allows the message, so it counts what is
   * answered. Within the local allowances this costs no store command; past them, one or
   * two; once refused, none until the store's block or window ends.
   */
  async admitMessage(psid: string): Promise<MessageVerdict> {
    const burst = await this.guarded('messages_burst', psid, ALLOWED, () => this.messagesBurst.take(psid));
    if (!burst.allowed) return refused(burst, 'burst');
    const day = await this.guarded('messages_day', psid, ALLOWED, () => this.messagesDay.take(psid));
    if (!day.allowed) return refused(day, 'day');
    return { admitted: true };
  }

  /**
   * True unless `psid` used today's entries of `kind` up, as far as this instance knows
   * (counts nothing, asks no store: {@link Limits.takeEntry} decides when the entry is stored).
   */
  async mayCreateEntry(psid: string, kind: EntryKind): Promise<boolean> {
    return this.guarded(`${kind}s_day`, psid, true, () => this.entries[kind].mayTake(psid));
  }

  /** Counts an entry of `kind` that `psid` is about to store; false past the day's limit. */
  async takeEntry(psid: string, kind: EntryKind): Promise<boolean> {
    return this.guarded(`${kind}s_day`, psid, true, () => this.entries[kind].take(psid));
  }

  /** Counts a helper asked on behalf of `psid`'s need; false past the day's limit. */
  async takeMatchRequest(psid: string): Promise<boolean> {
    const take = () => this.matchRequests.take(psid).then((result) => result.allowed);
    return this.guarded('match_requests_day', psid, true, take);
  }

  /** Runs a limit's action; on an unexpected error, logs it and answers `allowed` (fail open). */
  private async guarded<T>(limit: string, psid: string, allowed: T, action: () => Promise<T>): Promise<T> {
    try {
      return await action();
    } catch (error) {
      this.logger.error('rate limit failed, action allowed', {
        limit,
        person: redactId(psid),
        error: error instanceof Error ? error.name : 'unknown',
      });
      return allowed;
    }
  }
}

const ALLOWED: MessageTake = Object.freeze({ allowed: true, crossed: false });

/** A refusal, with the notice when this take went over the limit (once per blocking period). */
function refused(take: MessageTake, notice: MessageNotice): MessageVerdict {
  return take.crossed ? { admitted: false, notice } : { admitted: false };
}
