/**
 * Retries of transient Graph failures, with exponential backoff and full jitter.
 */
import { isTransientGraphError } from './graph-error';

/** Options of {@link withRetry}. */
export interface RetryOptions {
  /** Total number of attempts, the first included (at least 1). */
  attempts: number;
  /** Ceiling of the first wait; doubles at each retry. */
  baseDelayMs: number;
  /** Highest ceiling of a wait. */
  maxDelayMs: number;
  /** Waits; tests pass a recorder that does not wait. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** Uniform in [0, 1); tests pass a constant. */
  random?: () => number;
  /** Which errors to retry; defaults to transient {@link GraphError}s only. */
  shouldRetry?: (error: unknown) => boolean;
  /** Called before each wait, for logging (attempt numbers start at 1). */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** Sensible defaults for Send API calls: 4 attempts, waits up to 0.5 s, 1 s, 2 s. */
export const DEFAULT_RETRY: RetryOptions = Object.freeze({ attempts: 4, baseDelayMs: 500, maxDelayMs: 4000 });

/**
 * One attempt, no retry: for callers above the one retry layer of Graph calls (the outbox,
 * `services/outbox/outbox.ts`), such as the moderation module's thread control.
 */
export const SINGLE_ATTEMPT: RetryOptions = Object.freeze({ attempts: 1, baseDelayMs: 0, maxDelayMs: 0 });

/** Waits `milliseconds` with a timer. */
export const timerSleep = (milliseconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Runs `fn`, running it again after a random wait when it fails with a retryable error.
 *
 * @remarks
 * Wait before retry n (n = 1, 2…) is `random() * min(maxDelayMs, baseDelayMs * 2^(n-1))`
 * ("full jitter"). The last error is rethrown as it is once attempts are exhausted or when
 * the error is not retryable.
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions): Promise<T> {
  const attempts = Math.max(1, Math.floor(options.attempts));
  const sleep = options.sleep ?? timerSleep;
  const random = options.random ?? Math.random;
  const shouldRetry = options.shouldRetry ?? isTransientGraphError;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !shouldRetry(error)) throw error;
      const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const delayMs = Math.floor(random() * ceiling);
      options.onRetry?.(error, attempt, delayMs);
      await sleep(delayMs);
    }
  }
}
