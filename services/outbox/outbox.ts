/**
 * Exactly-once outgoing Graph calls for a turn: journaled in the {@link OutboxStore},
 * retried on transient failures, refused ones recorded and handed to the moderators.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../clock';
import { GraphError } from '../graph/graph-error';
import { DEFAULT_RETRY, timerSleep, withRetry, type RetryOptions } from '../graph/retry';
import { redactId, type LogFields, type Logger } from '../logger';
import type { OutboxFailure, OutboxKind, OutboxStore } from './outboxStore';
import type { RefusedCalls } from './refusedCalls';

/** One outgoing Graph call, described before it is made. */
export interface OutgoingCall {
  kind: OutboxKind;
  /** The person the call is about. */
  psid: string;
  /** What is sent (never stored nor logged). */
  body: unknown;
  /** The French text a person should have received, kept for the moderators if Meta refuses it. */
  text?: string;
}

/** Makes an outgoing call; resolves to what identifies its result (a message id), if anything. */
export type CallExecutor = () => Promise<string | undefined>;

/** How the Messenger adapter and the Graph wrappers make their calls. */
export interface OutgoingCalls {
  /** Runs `turn` as the processing of the event `eventKey`: its calls are numbered from 1. */
  runTurn<T>(eventKey: string, turn: () => Promise<T>): Promise<T>;
  /** Makes `call` (through `execute`) unless this turn already made it. */
  perform(call: OutgoingCall, execute: CallExecutor): Promise<string | undefined>;
}

/** Calls made straight away with retries, journaled nowhere (tests, terminal, no database). */
export class DirectCalls implements OutgoingCalls {
  constructor(private readonly retry: RetryOptions = DEFAULT_RETRY) {}

  /** Runs `turn` as it is. */
  runTurn<T>(_eventKey: string, turn: () => Promise<T>): Promise<T> {
    return turn();
  }

  /** Makes the call with retries on transient Graph errors. */
  perform(_call: OutgoingCall, execute: CallExecutor): Promise<string | undefined> {
    return withRetry(execute, this.retry);
  }
}

/** Options of {@link Outbox}. */
export interface OutboxOptions {
  store: OutboxStore;
  clock: Clock;
  logger: Logger;
  /** Retries of one call within a turn; beyond them the inbox replays the event later. */
  retry?: RetryOptions;
  /** Where messages Meta refused for good are kept for a person to act upon. */
  refused?: RefusedCalls;
  /**
   * How long to keep trying to record that Meta accepted a call while the database is
   * unreachable (default 30 s): past it, a replay repeats that call.
   */
  recordForMs?: number;
  /** Waits between those tries; tests pass a recorder. */
  sleep?: (milliseconds: number) => Promise<void>;
}

interface TurnScope {
  key: string;
  count: number;
}

/**
 * The journaled implementation of {@link OutgoingCalls}.
 *
 * @remarks
 * Inside {@link Outbox.runTurn}, the n-th call gets the id `<event key>:<n>` and is recorded
 * as pending before it is made, then marked sent with Meta's answer. When the event is
 * processed again (crash, transient failure, lost lease), calls already marked sent are not
 * made again: their recorded answer is returned. A call refused for good is recorded as
 * failed, raised again on a replay, and, for a message, queued for the moderators with its
 * text. Calls outside a turn (scheduled jobs) are made with retries but not journaled.
 *
 * The one remaining window: a crash after Meta accepted a call and before it is marked
 * sent repeats that single call on the replay (the Send API has no idempotency key).
 */
export class Outbox implements OutgoingCalls {
  private readonly scopes = new AsyncLocalStorage<TurnScope>();
  private readonly retry: RetryOptions;

  constructor(private readonly options: OutboxOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  /** Runs `turn` with its calls numbered under `eventKey`. */
  runTurn<T>(eventKey: string, turn: () => Promise<T>): Promise<T> {
    return this.scopes.run({ key: eventKey, count: 0 }, turn);
  }

  /** Makes `call` once per turn and position, however many times the turn runs. */
  async perform(call: OutgoingCall, execute: CallExecutor): Promise<string | undefined> {
    const { store, clock, logger } = this.options;
    const person = redactId(call.psid);
    const retry: RetryOptions = {
      ...this.retry,
      onRetry: (_error, attempt, delayMs) => logger.warn('graph call retry', { person, attempt, delayMs }),
    };
    const scope = this.scopes.getStore();
    if (!scope) return withRetry(execute, retry);

    scope.count += 1;
    const id = `${scope.key}:${scope.count}`;
    const record = await store.begin({ id, psid: call.psid, kind: call.kind }, clock());
    const fields = { event: redactId(scope.key), call: scope.count, kind: call.kind, person };
    if (record.status === 'sent') {
      if (record.kind !== call.kind) logger.warn('outbox replay differs from the first run', fields);
      logger.debug('outbox call already made', fields);
      return record.result;
    }
    if (record.status === 'failed') throw refusalFrom(record.failure);
    try {
      const result = await withRetry(execute, retry);
      await this.recordSent(id, result);
      return result;
    } catch (error) {
      if (error instanceof GraphError && !error.transient) await this.refused(id, call, error, fields);
      else if (error instanceof GraphError)
        await store.noteTransientFailure(id, error.message, clock()).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Records that Meta accepted the call, trying again while the database is unreachable:
   * this process knows the call was made, a replay would not.
   */
  private async recordSent(id: string, result: string | undefined): Promise<void> {
    const { store, clock, logger } = this.options;
    const sleep = this.options.sleep ?? timerSleep;
    const deadline = clock().getTime() + (this.options.recordForMs ?? 30_000);
    for (let attempt = 0; ; attempt += 1) {
      try {
        await store.markSent(id, result, clock());
        return;
      } catch (error) {
        if (clock().getTime() >= deadline) throw error;
        logger.warn('outbox mark delayed', { attempt: attempt + 1, error: (error as Error).name });
        await sleep(Math.min(250 * 2 ** attempt, 2_000));
      }
    }
  }

  /** Records a permanent refusal and, for a message a person can pass on, tells the moderators. */
  private async refused(id: string, call: OutgoingCall, error: GraphError, fields: LogFields): Promise<void> {
    const { store, clock, logger, refused } = this.options;
    const failure: OutboxFailure = { reason: error.permanentReason ?? 'other' };
    if (error.status !== undefined) failure.status = error.status;
    if (error.graphCode !== undefined) failure.graphCode = error.graphCode;
    if (error.subcode !== undefined) failure.subcode = error.subcode;
    const first = await store.markFailed(id, failure, clock());
    logger.warn('graph call refused for good', { ...fields, reason: failure.reason, code: error.graphCode });
    if (!first || call.kind !== 'message' || !refused || error.permanentReason === undefined) return;
    await refused.keepRefused({
      psid: call.psid,
      reason: error.permanentReason === 'outside_window' ? 'outside_window' : 'refused',
      ref: id,
      ...(call.text === undefined ? {} : { text: call.text }),
    });
  }
}

/** The error a refused call raised the first time, for a replay to raise it again. */
function refusalFrom(failure: OutboxFailure | undefined): GraphError {
  return new GraphError({
    endpoint: 'outbox replay',
    status: failure?.status ?? 400,
    graphCode: failure?.graphCode,
    subcode: failure?.subcode,
  });
}
