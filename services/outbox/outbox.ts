/**
 * Exactly-once outgoing Graph calls for a turn: journaled in the {@link OutboxStore} under
 * idempotency keys by meaning, retried on transient failures, refused ones recorded and
 * handed to the moderators.
 *
 * @remarks
 * The one retry layer of the Graph calls the bot makes (messages, sender actions, thread
 * control) is here, in {@link OutgoingCalls.perform} and {@link TurnCalls.perform}: only this
 * layer knows whether a call was already made (its journal), so a retry above it would
 * repeat the record's attempts and one below it would hide failures from the journal.
 * Callers (the Messenger adapter, the moderation module through {@link journaledThreadControl})
 * make a single attempt.
 */
import { createHmac } from 'node:crypto';
import type { Clock } from '../clock';
import { GraphError } from '../graph/graph-error';
import { DEFAULT_RETRY, timerSleep, withRetry, type RetryOptions } from '../graph/retry';
import { redactId, type LogFields, type Logger } from '../logger';
import type { OutboxFailure, OutboxKind, OutboxStore } from './outboxStore';
import type { RefusedCalls } from './refusedCalls';

/** One outgoing Graph call, described before it is made. */
export interface OutgoingCall {
  kind: OutboxKind;
  /** The person the call is about (its recipient). */
  psid: string;
  /** What is sent (never stored nor logged; only a keyed digest of it is part of the call's key). */
  body: unknown;
  /** The French text a person should have received, kept for the moderators if Meta refuses it. */
  text?: string;
}

/** Makes an outgoing call; resolves to what identifies its result (a message id), if anything. */
export type CallExecutor = () => Promise<string | undefined>;

/** The calls of one turn: the processing of one inbox event, handed explicitly to whoever sends. */
export interface TurnCalls {
  /** The inbox key of the event the turn processes. */
  readonly eventKey: string;
  /** Makes `call` (through `execute`) unless this event's processing already made it. */
  perform(call: OutgoingCall, execute: CallExecutor): Promise<string | undefined>;
}

/** How the Messenger adapter and the Graph wrappers make their calls. */
export interface OutgoingCalls {
  /**
   * Runs `turn`, the processing of the event `eventKey` sent by `psid`, handing it the
   * {@link TurnCalls} its calls go through.
   */
  runTurn<T>(eventKey: string, psid: string, turn: (calls: TurnCalls) => Promise<T>): Promise<T>;
  /**
   * The calls of the turn processing an event of `psid` now, if any: for ports that are not
   * handed the turn (thread control, called by the moderation module).
   */
  turnOf(psid: string): TurnCalls | undefined;
  /** Makes `call` outside any turn (scheduled jobs, proactive messages): retried, journaled nowhere. */
  perform(call: OutgoingCall, execute: CallExecutor): Promise<string | undefined>;
}

/** Calls made straight away with retries, journaled nowhere (tests, terminal, no database). */
export class DirectCalls implements OutgoingCalls {
  constructor(private readonly retry: RetryOptions = DEFAULT_RETRY) {}

  /** Runs `turn` with calls that are made as they come. */
  runTurn<T>(eventKey: string, _psid: string, turn: (calls: TurnCalls) => Promise<T>): Promise<T> {
    return turn({ eventKey, perform: (call, execute) => this.perform(call, execute) });
  }

  /** No turn is journaled. */
  turnOf(): undefined {
    return undefined;
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
  /**
   * The secret the digest of a call's content is keyed with (the app secret in the
   * application): the journal then holds nothing a guess of the content could be checked
   * against.
   */
  secret: string;
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

/**
 * What identifies a call by meaning, within the processing of one event:
 * `<event key>:<kind>:<recipient>:<digest>`, the digest being a hash of what is sent keyed
 * with `digestKey`. The call's idempotency key appends `:<n>`, n counting only identical
 * calls of the turn (the same message sent twice to the same person is two calls).
 */
export function outboxCallMeaning(eventKey: string, call: OutgoingCall, digestKey: Buffer): string {
  const digest = createHmac('sha256', digestKey).update(canonicalJson(call.body)).digest('base64url');
  return `${eventKey}:${call.kind}:${call.psid}:${digest.slice(0, 16)}`;
}

/** JSON with object keys sorted, so that the same content always gives the same digest. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The journaled implementation of {@link OutgoingCalls}.
 *
 * @remarks
 * Each call of a turn gets an idempotency key by meaning ({@link outboxCallMeaning}: the event,
 * the kind of call, the recipient, a digest of the content, and an occurrence counter among
 * identical calls only), is recorded as pending under it before it is made, then marked sent
 * with Meta's answer. When the event is processed again (crash, transient failure, lost
 * lease), a call whose record is marked sent is not made again: its recorded answer is
 * returned. A replay that takes another path (one call more or fewer, in another order)
 * still finds the records of the calls it repeats and makes the others: a different call is
 * never mistaken for one already made. A call refused for good is recorded as failed, raised
 * again on a replay, and, for a message, queued for the moderators with its text. Calls
 * outside a turn (scheduled jobs) are made with retries but not journaled.
 *
 * The turn is handed explicitly to whoever sends ({@link Outbox.runTurn}); ports that cannot
 * be handed it (thread control) find it by the person whose event is processed
 * ({@link Outbox.turnOf}): the inbox processes one event per person at a time.
 *
 * The one remaining window: a crash after Meta accepted a call and before it is marked
 * sent repeats that single call on the replay (the Send API has no idempotency key).
 */
export class Outbox implements OutgoingCalls {
  private readonly retry: RetryOptions;
  private readonly digestKey: Buffer;
  /** The open turns, by the person whose event each processes. */
  private readonly open = new Map<string, TurnCalls>();

  constructor(private readonly options: OutboxOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    // A key of its own, derived from the secret: the secret itself is used for nothing else here.
    this.digestKey = createHmac('sha256', options.secret).update('voisins outbox call digest').digest();
  }

  /** Runs `turn` with the calls journaled under `eventKey`, open to {@link Outbox.turnOf} meanwhile. */
  async runTurn<T>(eventKey: string, psid: string, turn: (calls: TurnCalls) => Promise<T>): Promise<T> {
    const made = new Map<string, number>();
    const calls: TurnCalls = {
      eventKey,
      perform: (call, execute) => this.performInTurn(eventKey, made, call, execute),
    };
    this.open.set(psid, calls);
    try {
      return await turn(calls);
    } finally {
      if (this.open.get(psid) === calls) this.open.delete(psid);
    }
  }

  /** The open turn of `psid`, if any. */
  turnOf(psid: string): TurnCalls | undefined {
    return this.open.get(psid);
  }

  /** Makes `call` with retries, journaled nowhere (no event to key it by). */
  perform(call: OutgoingCall, execute: CallExecutor): Promise<string | undefined> {
    return withRetry(execute, this.retryFor(call));
  }

  /**
   * Makes `call` once per event and meaning, however many times the event is processed.
   *
   * @param made - per identical call of this run of the turn, how many were made (or found made).
   */
  private async performInTurn(
    eventKey: string,
    made: Map<string, number>,
    call: OutgoingCall,
    execute: CallExecutor,
  ): Promise<string | undefined> {
    const { store, clock, logger } = this.options;
    const meaning = outboxCallMeaning(eventKey, call, this.digestKey);
    const occurrence = (made.get(meaning) ?? 0) + 1;
    const id = `${meaning}:${occurrence}`;
    const record = await store.begin({ id, psid: call.psid, kind: call.kind }, clock());
    const fields = {
      event: redactId(eventKey),
      call: occurrence,
      kind: call.kind,
      person: redactId(call.psid),
    };
    if (record.status === 'sent') {
      made.set(meaning, occurrence);
      logger.debug('outbox call already made', fields);
      return record.result;
    }
    if (record.status === 'failed') throw refusalFrom(record.failure);
    try {
      const result = await withRetry(execute, this.retryFor(call));
      // Counted once made: a caller trying the same call again after a failure reuses its record.
      made.set(meaning, occurrence);
      await this.recordSent(id, result);
      return result;
    } catch (error) {
      if (error instanceof GraphError && !error.transient) await this.refused(id, call, error, fields);
      else if (error instanceof GraphError)
        await store.noteTransientFailure(id, error.message, clock()).catch(() => undefined);
      throw error;
    }
  }

  /** The retry options of a call, logging each retry. */
  private retryFor(call: OutgoingCall): RetryOptions {
    const person = redactId(call.psid);
    return {
      ...this.retry,
      onRetry: (_error, attempt, delayMs) =>
        this.options.logger.warn('graph call retry', { person, attempt, delayMs }),
    };
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
