/**
 * Processes stored webhook events: in timestamp order per sender, one sender at a time
 * per lease, so that several bot instances can share one database.
 */
import type { Clock } from '../clock';
import { redactId, type Logger } from '../logger';
import { receivedEvent, type InboxDocument, type ReceivedEvent } from './inboxDocuments';
import type { InboxStore } from './inboxStore';

/** What is done with one event; throwing means "try again later". */
export type InboxHandler<Source extends string = string, Kind extends string = string> = (
  event: ReceivedEvent<Source, Kind>,
) => Promise<void>;

/** Options of {@link InboxWorker}. */
export interface InboxWorkerOptions<Source extends string = string, Kind extends string = string> {
  store: InboxStore<Source, Kind>;
  /** Receives each event as the store accepted it (typed by the store's vocabulary). */
  handle: InboxHandler<Source, Kind>;
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

/**
 * Runs the inbox until stopped; {@link InboxWorker.wake} shortens the wait after new events.
 *
 * @remarks
 * Up to `concurrency` senders are drained at once. Whenever slots are free, one claim takes
 * the ready senders (one query), their leases (one command) and their events (one query);
 * completions and lease releases of several senders also share their commands. So a busy
 * inbox costs a few commands per batch of senders rather than several per event.
 */
export class InboxWorker<Source extends string = string, Kind extends string = string> {
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | undefined;
  private woken = false;
  /** Senders this instance is draining now (their leases keep the other instances away). */
  private readonly draining = new Map<string, Promise<number>>();
  private readonly pollIntervalMs: number;
  private readonly concurrency: number;
  private readonly retryDelaysMs: readonly number[];

  constructor(private readonly options: InboxWorkerOptions<Source, Kind>) {
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.concurrency = options.concurrency ?? 32;
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
    await Promise.allSettled(this.draining.values());
  }

  /** Looks for work now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * One claim of the senders with ready events, drained to the end.
   *
   * @returns the number of events processed.
   */
  async runOnce(): Promise<number> {
    const claimed = await this.claim();
    const outcomes = await Promise.allSettled(claimed);
    let processed = 0;
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') throw outcome.reason;
      processed += outcome.value;
    }
    return processed;
  }

  /**
   * Takes as many ready senders as there are free slots and starts draining them.
   *
   * @returns the drains started, each resolving with the number of events it processed.
   */
  private async claim(): Promise<Array<Promise<number>>> {
    const { store, owner, clock, logger } = this.options;
    const free = this.concurrency - this.draining.size;
    if (free <= 0) return [];
    const now = clock();
    const ready = await store.readySenders(now, free, [...this.draining.keys()]);
    if (ready.length === 0) return [];
    const held = (await store.acquireMany(ready, owner, now)).filter((psid) => !this.draining.has(psid));
    if (held.length === 0) return [];
    let events: Map<string, InboxDocument<Source, Kind>[] | undefined>;
    try {
      events = await store.pendingOf(held, now, held.length * SENDER_BATCH);
    } catch (error) {
      await Promise.allSettled(held.map((psid) => store.release(psid, owner)));
      throw error;
    }
    return held.map((psid) => {
      const drain = this.drainSender(psid, events.get(psid)).finally(() => {
        this.draining.delete(psid);
      });
      this.draining.set(psid, drain);
      // Anything done frees a slot for senders that may be waiting.
      drain.then(
        (processed) => {
          if (processed > 0) this.wake();
        },
        (error: unknown) => {
          logger.warn('inbox drain failed', { sender: redactId(psid), error: (error as Error).name });
        },
      );
      return drain;
    });
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        // The drains run on; each one that did something wakes this loop when it ends.
        const started = await this.claim();
        if (started.length > 0)
          this.options.logger.debug('inbox senders claimed', { senders: started.length });
        failures = 0;
      } catch (error) {
        failures += 1;
        this.options.logger.warn('inbox poll failed', { error: (error as Error).name, failures });
      }
      if (!this.running) break;
      await this.sleep(
        failures > 0 ? Math.min(this.pollIntervalMs * 2 ** failures, 5_000) : this.pollIntervalMs,
      );
    }
  }

  /** Waits `milliseconds`, or less when woken (a wake during the last claim counts). */
  private sleep(milliseconds: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, milliseconds);
      this.wakeUp = done;
    });
  }

  /**
   * Processes the sender's events in order while this instance holds its lease.
   *
   * @param events - the sender's ready events as the claim read them, or undefined to read them.
   */
  private async drainSender(
    psid: string,
    events: InboxDocument<Source, Kind>[] | undefined,
  ): Promise<number> {
    const { store, owner, clock } = this.options;
    const lease = this.keepLease(psid);
    let processed = 0;
    try {
      // A batch read here that was full may hide more events: read on. Events that arrive
      // meanwhile are taken by a later claim.
      let batch = events ?? (await store.nextBatch(psid, clock(), SENDER_BATCH));
      let more = events === undefined && batch.length === SENDER_BATCH;
      for (;;) {
        for (const event of batch) {
          if (lease.lost || !(await this.processOne(event))) return processed;
          processed += 1;
        }
        if (!more || lease.lost) return processed;
        batch = await store.nextBatch(psid, clock(), SENDER_BATCH);
        more = batch.length === SENDER_BATCH;
      }
    } finally {
      lease.stop();
      await store.release(psid, owner).catch(() => undefined);
    }
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
  private async processOne(event: InboxDocument<Source, Kind>): Promise<boolean> {
    const { store, handle, clock, logger } = this.options;
    try {
      await handle(receivedEvent(event));
    } catch (error) {
      const delay = this.retryDelaysMs[event.attempts];
      const reason =
        error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error';
      const fields = {
        // The key of an event without a mid holds the sender's psid.
        event: redactId(event._id),
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
