/**
 * Processes stored webhook events: in timestamp order per sender, one sender at a time
 * per lease, so that several bot instances can share one database.
 */
import type { Clock } from '../clock';
import { redactId, type Logger } from '../logger';
import type { InboxDocument, InboxStore } from './inboxStore';

/** What is done with one event; throwing means "try again later". */
export type InboxHandler = (event: InboxDocument) => Promise<void>;

/** Options of {@link InboxWorker}. */
export interface InboxWorkerOptions {
  store: InboxStore;
  handle: InboxHandler;
  /** This instance's name in leases. */
  owner: string;
  clock: Clock;
  logger: Logger;
  /** How often to look for work when not woken. */
  pollIntervalMs?: number;
  /** Senders processed in parallel. */
  concurrency?: number;
  /** Delays before each retry of a failing event; past the last one it is given up. */
  retryDelaysMs?: readonly number[];
}

/** Events of one sender fetched per query. */
const SENDER_BATCH = 10;

const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000];

/** Runs the inbox until stopped; {@link InboxWorker.wake} shortens the wait after new events. */
export class InboxWorker {
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;
  private readonly pollIntervalMs: number;
  private readonly concurrency: number;
  private readonly retryDelaysMs: readonly number[];

  constructor(private readonly options: InboxWorkerOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.concurrency = options.concurrency ?? 8;
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  }

  /** Starts the processing loop. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops after the events in hand are finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loopDone;
  }

  /** Looks for work now rather than at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  /**
   * One pass over the senders with ready events.
   *
   * @returns the number of events processed.
   */
  async runOnce(): Promise<number> {
    const { store, clock } = this.options;
    const senders = await store.readySenders(clock(), this.concurrency * 4);
    let processed = 0;
    for (let start = 0; start < senders.length; start += this.concurrency) {
      const batch = senders.slice(start, start + this.concurrency);
      // Every drain ends before the pass does, so that no sender is ever drained twice at once.
      const outcomes = await Promise.allSettled(batch.map((psid) => this.drainSender(psid)));
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') throw outcome.reason;
        processed += outcome.value;
      }
    }
    return processed;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let processed = 0;
      try {
        processed = await this.runOnce();
        failures = 0;
      } catch (error) {
        failures += 1;
        this.options.logger.warn('inbox poll failed', { error: (error as Error).name, failures });
      }
      if (processed === 0 && this.running) {
        await this.sleep(
          failures > 0 ? Math.min(this.pollIntervalMs * 2 ** failures, 5_000) : this.pollIntervalMs,
        );
      }
    }
  }

  private sleep(milliseconds: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, milliseconds);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async drainSender(psid: string): Promise<number> {
    const { store, owner, clock } = this.options;
    if (!(await store.acquire(psid, owner, clock()))) return 0;
    const lease = this.keepLease(psid);
    let processed = 0;
    try {
      // One query per batch of the sender's events; a batch that was not full means the
      // sender is done for now (later arrivals are picked up by the next pass).
      for (let full = true; full && !lease.lost;) {
        const batch = await store.nextBatch(psid, clock(), SENDER_BATCH);
        full = batch.length === SENDER_BATCH;
        for (const event of batch) {
          if (lease.lost || !(await this.processOne(event))) {
            full = false;
            break;
          }
          processed += 1;
        }
      }
    } finally {
      lease.stop();
      await store.release(psid, owner).catch(() => undefined);
    }
    return processed;
  }

  /**
   * Renews the sender's lease every third of its duration while events are processed, even
   * during a long turn; `lost` turns true when another instance took it over.
   */
  private keepLease(psid: string): { readonly lost: boolean; stop(): void } {
    const { store, owner, clock, logger } = this.options;
    const state = { lost: false };
    const timer = setInterval(() => {
      store.acquire(psid, owner, clock()).then(
        (held) => {
          if (held || state.lost) return;
          state.lost = true;
          logger.warn('inbox lease lost', { sender: redactId(psid) });
        },
        // The database is unreachable: processing fails too, and the lease expires on its own.
        () => undefined,
      );
    }, store.leaseMs / 3);
    timer.unref();
    return {
      get lost() {
        return state.lost;
      },
      stop: () => clearInterval(timer),
    };
  }

  /** Handles one event; false when it failed (the sender's later events then wait). */
  private async processOne(event: InboxDocument): Promise<boolean> {
    const { store, handle, clock, logger } = this.options;
    try {
      await handle(event);
    } catch (error) {
      const delay = this.retryDelaysMs[event.attempts];
      const reason =
        error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error';
      const fields = {
        event: event._id,
        sender: redactId(event.psid),
        kind: event.kind,
        attempt: event.attempts + 1,
      };
      if (delay === undefined)
        logger.error('inbox event given up', { ...fields, error: (error as Error).name });
      else
        logger.warn('inbox event failed, will retry', {
          ...fields,
          error: (error as Error).name,
          delayMs: delay,
        });
      await store.fail(
        event._id,
        reason,
        clock(),
        delay === undefined ? null : new Date(clock().getTime() + delay),
      );
      return delay === undefined;
    }
    await store.complete(event._id, clock());
    return true;
  }
}
