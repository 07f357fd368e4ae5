/**
 * A message limit with a tier in memory in front of the shared store: the first messages of
 * a window cost no store command, and a person the store refused is refused in memory.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { StoredLimiter } from './storedLimiter';

/** Points the memory tier allows: it counts, the store decides. */
const UNCOUNTED = 2 ** 31;

/** What a message's take found. */
export interface MessageTake {
  readonly allowed: boolean;
  /** True on the take that went over the limit, the one whose sender is told; false otherwise. */
  readonly crossed: boolean;
}

const ADMITTED: MessageTake = Object.freeze({ allowed: true, crossed: false });
const STILL_REFUSED: MessageTake = Object.freeze({ allowed: false, crossed: false });

/** Options of {@link LocalTier}. */
export interface LocalTierOptions {
  /** The shared limit, authoritative past the allowance. */
  stored: StoredLimiter;
  /** Messages admitted without asking the store; clipped to `stored.points - 1`. */
  allowance: number;
  /** The limit's window. */
  durationSeconds: number;
}

/**
 * Counts every message of a person in this process, and asks the store only past a local
 * allowance.
 *
 * @remarks
 * Within {@link LocalTier.allowance} messages of a window, a message is admitted with no
 * store command. The message that crosses the allowance charges the store with every message
 * this process saw in its window at once; each later one charges 1. One instance is thus
 * exact: the store counts everything it admitted. Several instances are not: each may admit
 * up to its allowance that the store never saw, so a person can get at most
 * `allowance × (instances - 1)` messages past the limit, and one blocked on one instance
 * gets at most the allowance answered on another before the store refuses them there too.
 * The inbox leases a sender to one instance at a time, so a flood mostly lands on one.
 * When the store refuses, the person is blocked in memory for as long as the store says
 * (`msBeforeNext`), and their later messages are refused without a store command.
 */
export class LocalTier {
  readonly allowance: number;
  private readonly stored: StoredLimiter;
  private readonly seen: RateLimiterMemory;

  constructor(options: LocalTierOptions) {
    const { stored, allowance, durationSeconds } = options;
    this.stored = stored;
    this.allowance = Math.max(0, Math.min(allowance, stored.points - 1));
    this.seen = new RateLimiterMemory({ points: UNCOUNTED, duration: durationSeconds });
  }

  /** Counts a message of `person`; refused past the limit (the store's, or in memory once refused). */
  async take(person: string): Promise<MessageTake> {
    let seen: number;
    try {
      seen = (await this.seen.consume(person)).consumedPoints;
    } catch (blocked) {
      if (blocked instanceof RateLimiterRes) return STILL_REFUSED;
      throw blocked;
    }
    if (seen <= this.allowance) return ADMITTED;
    const charged = seen === this.allowance + 1 ? seen : 1;
    const take = await this.stored.take(person, charged);
    if (take.allowed) return ADMITTED;
    if (take.msBeforeNext > 0) await this.seen.block(person, take.msBeforeNext / 1000);
    // A catch-up charge can jump past `points + 1`: this take crossed if the count before it did not.
    return { allowed: false, crossed: take.taken - charged <= this.stored.points };
  }
}
