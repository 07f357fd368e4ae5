/**
 * The outbox: one record per outgoing Graph call of a turn, written before the call is made
 * and marked once Meta answered, so that a replayed turn does not repeat what was done.
 */
import type { Collection, Db } from 'mongodb';

/** What an outgoing call does. */
export type OutboxKind = 'message' | 'action' | 'handover' | 'feed';

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
  /** `<event key>:<n>`: the n-th Graph call of the turn that processed the event. */
  _id: string;
  psid: string;
  kind: OutboxKind;
  /** SHA-256 of the call's body: tells whether a replay makes the same call. */
  fingerprint: string;
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
  fingerprint: string;
}

/** Options of {@link OutboxStore}. */
export interface OutboxStoreOptions {
  /** How long records are kept (at least as long as an event can be replayed). */
  rememberForMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** MongoDB side of the outbox (collection `outbox`). */
export class OutboxStore {
  readonly calls: Collection<OutboxDocument>;
  private readonly rememberForMs: number;

  constructor(db: Db, options: OutboxStoreOptions = {}) {
    this.calls = db.collection<OutboxDocument>('outbox');
    this.rememberForMs = options.rememberForMs ?? 7 * DAY_MS;
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
    const fresh: Omit<OutboxDocument, '_id'> = {
      psid: call.psid,
      kind: call.kind,
      fingerprint: call.fingerprint,
      status: 'pending',
      failedAttempts: 0,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + this.rememberForMs),
    };
    const stored = await this.calls.findOneAndUpdate(
      { _id: call.id },
      { $setOnInsert: fresh },
      { upsert: true, returnDocument: 'after' },
    );
    return stored ?? { _id: call.id, ...fresh };
  }

  /** Marks the call done with what Meta answered. */
  async markSent(id: string, result: string | undefined, now: Date): Promise<void> {
    await this.calls.updateOne(
      { _id: id },
      { $set: { status: 'sent', updatedAt: now, ...(result === undefined ? {} : { result }) } },
    );
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
