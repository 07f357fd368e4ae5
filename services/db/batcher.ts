/**
 * Group commit: requests that arrive while the database is busy share the next round trip.
 */
import { CodedError, ErrorCode } from '../errors';

/** What a flush answers for one request: a value, or the error that request gets. */
export type Outcome<O> = { value: O } | { error: unknown };

/** Options of {@link Batcher}. */
export interface BatcherOptions<I> {
  /** Most work in one flush, counted with `weight` (default 500). */
  maxWeight?: number;
  /** How much work one request is (default 1). */
  weight?: (item: I) => number;
  /** Flushes running at once (default 1); while they all run, the next one grows. */
  maxInFlight?: number;
  /**
   * How long a flush may take before its requests fail (default 10 s). The command may still
   * land later, so flushes must be safe to repeat; the slot is freed for the next batch.
   */
  flushTimeoutMs?: number;
}

/** A flush the database did not answer in time: the requests may or may not have been applied. */
export class FlushTimeoutError extends CodedError {
  constructor(milliseconds: number) {
    super(ErrorCode.DatabaseUnavailable, `the database did not answer within ${milliseconds} ms`);
    this.name = 'FlushTimeoutError';
  }
}

/** What became of a flush after its timeout failed its requests (see {@link followTimedOutFlushes}). */
export interface TimedOutFlush {
  /** Whether its command settled (answered or failed) before the follow-up gave up. */
  settled: boolean;
  /** How it settled, when it did. */
  outcome?: 'answered' | 'failed';
  /** From the flush's start to its end, or to the end of the follow-up when it never settled. */
  afterMs: number;
}

let followUp: { report: (flush: TimedOutFlush) => void; watchMs: number } | undefined;

/**
 * Reports, for every batcher of the process, what each timed-out flush came to: settled late
 * (a slow database or machine) or not settled within `watchMs` after its start (a command that
 * hangs, docs/driver-hang.md). The process entry point sets it to a log line; unset, nothing
 * is followed.
 */
export function followTimedOutFlushes(
  report: ((flush: TimedOutFlush) => void) | undefined,
  watchMs = 60_000,
): void {
  followUp = report && { report, watchMs };
}

/** Reports what `flushing`, started at `startedAt` and failed by its timeout, comes to. */
function follow(flushing: Promise<unknown>, startedAt: number): void {
  const watcher = followUp;
  if (!watcher) return;
  let done = false;
  const timer = setTimeout(
    () => {
      done = true;
      watcher.report({ settled: false, afterMs: Date.now() - startedAt });
    },
    Math.max(0, startedAt + watcher.watchMs - Date.now()),
  );
  timer.unref();
  const settle = (outcome: 'answered' | 'failed') => (): void => {
    if (done) return;
    clearTimeout(timer);
    watcher.report({ settled: true, outcome, afterMs: Date.now() - startedAt });
  };
  flushing.then(settle('answered'), settle('failed'));
}

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Turns concurrent single requests (store this, mark that) into one database command each
 * time the database is free.
 *
 * @remarks
 * A request never waits for a timer: it goes out on the next turn of the event loop if a
 * flush slot is free, or with the next flush otherwise. So an idle system pays nothing, and a
 * busy one pays one round trip per batch rather than one per request. `flush` answers one
 * {@link Outcome} per request, in order; if it throws, every request of the batch rejects
 * with that error, so nobody is told "done" for work the database did not take. A flush that
 * does not end within `flushTimeoutMs` rejects its requests with {@link FlushTimeoutError}.
 */
export class Batcher<I, O> {
  private queue: Array<Waiting<I, O>> = [];
  private inFlight = 0;
  private scheduled = false;
  private readonly maxWeight: number;
  private readonly weight: (item: I) => number;
  private readonly maxInFlight: number;
  private readonly flushTimeoutMs: number;

  constructor(
    private readonly flush: (items: readonly I[]) => Promise<ReadonlyArray<Outcome<O>>>,
    options: BatcherOptions<I> = {},
  ) {
    this.maxWeight = options.maxWeight ?? 500;
    this.weight = options.weight ?? (() => 1);
    this.maxInFlight = options.maxInFlight ?? 1;
    this.flushTimeoutMs = options.flushTimeoutMs ?? 10_000;
  }

  /** Queues `item` for the next flush; resolves with its outcome. */
  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.scheduled) return;
      // Requests made in the same turn of the event loop go out together.
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch: Array<Waiting<I, O>> = [];
      let weight = 0;
      while (
        this.queue.length > 0 &&
        (batch.length === 0 || weight + this.weight(this.queue[0].item) <= this.maxWeight)
      ) {
        const next = this.queue.shift()!;
        batch.push(next);
        weight += this.weight(next.item);
      }
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async run(batch: Array<Waiting<I, O>>): Promise<void> {
    let outcomes: ReadonlyArray<Outcome<O>>;
    let timer: NodeJS.Timeout | undefined;
    const startedAt = Date.now();
    try {
      // One command that never comes back must not hold up every later request.
      const flushing = this.flush(batch.map((waiting) => waiting.item));
      flushing.catch(() => undefined);
      outcomes = await Promise.race([
        flushing,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            follow(flushing, startedAt);
            reject(new FlushTimeoutError(this.flushTimeoutMs));
          }, this.flushTimeoutMs);
        }),
      ]);
    } catch (error) {
      batch.forEach((waiting) => waiting.reject(error));
      return;
    } finally {
      clearTimeout(timer);
    }
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) waiting.reject(new Error('the batch flush answered too few requests'));
      else if ('error' in outcome) waiting.reject(outcome.error);
      else waiting.resolve(outcome.value);
    });
  }
}
