/**
 * The outbox: one record per outgoing Graph call of a turn, written before the call is made
 * and marked once Meta answered, so that a replayed turn does not repeat what was done.
 *
 * @remarks
 * A record holds what a replay needs (the call's idempotency key by meaning, the kind of
 * call, the status, Meta's answer) and nothing of what was sent: no text, and no plain hash
 * of it (a hash of a short message could be brute-forced back to the phone number it held):
 * the digest in the key is keyed with a secret the database does not hold.
 */
import type { Collection, Db } from 'mongodb';
import { Batcher, type Outcome } from '../db/batcher';
import { insertEach, writeBatcher } from '../db/bulk';

/** Name of the outbox collection. */
export const OUTBOX_COLLECTION = 'outbox';
/**
 * How long a record is kept: 2 days. A record matters while its event can be processed
 * again (the inbox retries a failed event for about 13 minutes, and a sender's lease held
 * by a dead instance runs out in seconds); the inbox remembers a processed event's key as
 * long, so a redelivery within that time is dropped before any call is made.
 */
export const DEFAULT_OUTBOX_REMEMBER_FOR_MS = 2 * 24 * 60 * 60 * 1000;

/** What an outgoing call does. */
export type OutboxKind = 'message' | 'action' | 'handover' | 'feed' | 'comment';

/** Where a call stands. */
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** A permanent refusal as Meta expressed it (enough to raise the same error again). */
export interface OutboxFailure {
  reason: string;
  status?: number;
  graphCode?: number;
  subcode?: number;
}

/** One outgoing call, as stored. */
export interface OutboxDocument {
  /**
   * The call's idempotency key by meaning: `<event key>:<kind>:<recipient>:<digest>:<n>`
   * (see `outboxCallMeaning`), n counting identical calls of the turn.
   */
  _id: string;
  psid: string;
  kind: OutboxKind;
  status: OutboxStatus;
  /** Attempts that ended without an answer from Meta or with a transient error. */
  failedAttempts: number;
  createdAt: Date;
  updatedAt: Date;
  /** What Meta answered (the message id of a sent message). */
  result?: string;
  failure?: OutboxFailure;
  lastError?: string;
  /** The TTL index forgets the record after this. */
  expiresAt: Date;
}

/** What {@link OutboxStore.begin} needs to know of a call. */
export interface OutboxCallRecord {
  id: string;
  psid: string;
  kind: OutboxKind;
}

/** A call Meta accepted, to be marked sent. */
interface SentMark {
  id: string;
  result: string | undefined;
  now: Date;
}

/** Options of {@link OutboxStore}. */
export interface OutboxStoreOptions {
  /** How long records are kept (at least as long as an event can be replayed); {@link DEFAULT_OUTBOX_REMEMBER_FOR_MS}. */
  rememberForMs?: number;
}

/** MongoDB side of the outbox (collection `outbox`). */
export class OutboxStore {
  readonly calls: Collection<OutboxDocument>;
  private readonly rememberForMs: number;
  /** Calls of concurrent turns recorded together: one insert (and a read for replays). */
  private readonly beginnings: Batcher<OutboxDocument, OutboxDocument>;
  /** Calls of concurrent turns marked sent together: one update command. */
  private readonly sendings: Batcher<SentMark, void>;

  constructor(db: Db, options: OutboxStoreOptions = {}) {
    this.calls = db.collection<OutboxDocument>(OUTBOX_COLLECTION);
    this.rememberForMs = options.rememberForMs ?? DEFAULT_OUTBOX_REMEMBER_FOR_MS;
    this.beginnings = new Batcher((fresh) => this.recordAll(fresh));
    this.sendings = writeBatcher(this.calls, ({ id, result, now }: SentMark) => ({
      updateOne: {
        filter: { _id: id },
        update: {
          $set: { status: 'sent' as const, updatedAt: now, ...(result === undefined ? {} : { result }) },
        },
      },
    }));
  }

  /** Creates the TTL index (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.calls.createIndexes([{ key: { expiresAt: 1 }, name: 'forget_old', expireAfterSeconds: 0 }]);
  }

  /**
   * Records the call as pending unless it is already known; answers the record as stored
   * (a replay finds the earlier record with its status).
   */
  async begin(call: OutboxCallRecord, now: Date): Promise<OutboxDocument> {
    return this.beginnings.submit({
      _id: call.id,
      psid: call.psid,
      kind: call.kind,
      status: 'pending',
      failedAttempts: 0,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + this.rememberForMs),
    });
  }

  /** Marks the call done with what Meta answered. */
  async markSent(id: string, result: string | undefined, now: Date): Promise<void> {
    await this.sendings.submit({ id, result, now });
  }

  /** Inserts the new records; those already known are read back as stored. */
  private async recordAll(fresh: readonly OutboxDocument[]): Promise<Array<Outcome<OutboxDocument>>> {
    const outcomes = await insertEach(this.calls, fresh);
    const known = fresh.filter((_, index) => outcomes[index] === 'duplicate').map((call) => call._id);
    const stored = new Map(
      known.length === 0
        ? []
        : (await this.calls.find({ _id: { $in: known } }).toArray()).map((call) => [call._id, call]),
    );
    return fresh.map((call, index): Outcome<OutboxDocument> => {
      const outcome = outcomes[index];
      if (outcome === 'done') return { value: call };
      if (outcome !== 'duplicate') return { error: outcome.error };
      const found = stored.get(call._id);
      return found ? { value: found } : { error: new Error('outbox record expired while read back') };
    });
  }

  /** Marks the call refused for good; true only for the caller that made the change. */
  async markFailed(id: string, failure: OutboxFailure, now: Date): Promise<boolean> {
    const result = await this.calls.updateOne(
      { _id: id, status: 'pending' },
      { $set: { status: 'failed', failure, updatedAt: now } },
    );
    return result.modifiedCount === 1;
  }

  /** Notes an attempt that may succeed later (the inbox replays the event). */
  async noteTransientFailure(id: string, error: string, now: Date): Promise<void> {
    await this.calls.updateOne(
      { _id: id, status: 'pending' },
      { $set: { lastError: error, updatedAt: now }, $inc: { failedAttempts: 1 } },
    );
  }
}
