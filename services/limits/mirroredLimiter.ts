/**
 * A limit of the store with a mirror in memory, for an early look that costs no store command.
 */
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { StoredLimiter } from './storedLimiter';

/**
 * A {@link StoredLimiter} whose last known count per person is kept in memory.
 *
 * @remarks
 * {@link MirroredLimiter.mayTake} reads only the mirror: the count the store gave this
 * process's last take for the person (full after a refusal), until the store's window ends.
 * It can say yes when other instances used the day up; the store, asked by
 * {@link MirroredLimiter.take} when the action happens, still refuses then.
 */
export class MirroredLimiter {
  private readonly mirror: RateLimiterMemory;

  constructor(
    private readonly stored: StoredLimiter,
    durationSeconds: number,
  ) {
    this.mirror = new RateLimiterMemory({ points: stored.points, duration: durationSeconds });
  }

  /** True unless `person` used the limit up, as far as this process knows (no store command). */
  async mayTake(person: string): Promise<boolean> {
    const known = await this.mirror.get(person);
    return (known?.consumedPoints ?? 0) < this.stored.points;
  }

  /** Takes one point in the store, and mirrors the count it answered; false past the limit. */
  async take(person: string): Promise<boolean> {
    const take = await this.stored.take(person);
    if (take.msBeforeNext > 0) {
      await this.mirror.set(person, Math.min(take.taken, this.stored.points), take.msBeforeNext / 1000);
    }
    return take.allowed;
  }
}
