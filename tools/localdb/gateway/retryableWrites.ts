/**
 * Retryable writes: the reply of the last write of each session, by transaction number, so
 * that the driver's retry of a write whose reply was lost gets that reply instead of running
 * the write again.
 *
 * @remarks
 * The driver gives every retryable write (insert, update and delete of one document,
 * findAndModify) the session's `lsid` and a new `txnNumber`, and sends the very same command
 * again once after a network error or a retryable error. MongoDB remembers in the session
 * which transaction numbers it executed; the gateway keeps, per session, the last number and
 * the promise of its reply (a retry arriving while the first attempt still runs waits for it).
 * A failed attempt (the command failed as a whole) is forgotten, so its retry runs. Kept for
 * `ttlMs` (the sessions' 30-minute timeout) and for at most `maxSessions` sessions, the least
 * recently used dropped first; memory only: a retry after a restart of the gateway runs again.
 */
import type { Long } from 'bson';
import { type Document } from 'bson';
import { MongoCode, MongoCommandError } from './errors';

/** Options of {@link RetryableWrites}. */
export interface RetryableWritesOptions {
  maxSessions?: number;
  ttlMs?: number;
  now?: () => number;
}

interface LastWrite {
  txnNumber: bigint;
  reply: Promise<Document>;
  at: number;
}

/** Whether a reply says the write was applied (possibly in part, with write errors). */
function applied(reply: Document): boolean {
  return Number(reply.ok) === 1;
}

/** The last retryable write of each session. */
export class RetryableWrites {
  private readonly sessions = new Map<string, LastWrite>();
  private readonly maxSessions: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: RetryableWritesOptions = {}) {
    this.maxSessions = options.maxSessions ?? 10_000;
    this.ttlMs = options.ttlMs ?? 30 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** How many sessions are remembered. */
  get size(): number {
    return this.sessions.size;
  }

  /**
   * Runs `execute` once per session and transaction number: a retry (same number) gets the
   * first attempt's reply; an older number fails with TransactionTooOld.
   */
  run(session: string, txnNumber: Long | number, execute: () => Promise<Document>): Promise<Document> {
    const number = BigInt(txnNumber.toString());
    const now = this.now();
    const known = this.sessions.get(session);
    if (known && now - known.at <= this.ttlMs) {
      if (known.txnNumber === number) {
        this.touch(session, known, now);
        return known.reply;
      }
      if (known.txnNumber > number) {
        return Promise.reject(
          new MongoCommandError(
            MongoCode.TransactionTooOld,
            'TransactionTooOld',
            `Cannot start transaction ${number} on session because a newer transaction ${known.txnNumber} has already started`,
          ),
        );
      }
    }
    const entry: LastWrite = { txnNumber: number, reply: execute(), at: now };
    this.touch(session, entry, now);
    const forget = (): void => {
      if (this.sessions.get(session) === entry) this.sessions.delete(session);
    };
    entry.reply.then((reply) => (applied(reply) ? undefined : forget()), forget);
    this.evict(now);
    return entry.reply;
  }

  private touch(session: string, entry: LastWrite, now: number): void {
    entry.at = now;
    this.sessions.delete(session);
    this.sessions.set(session, entry);
  }

  private evict(now: number): void {
    for (const [session, entry] of this.sessions) {
      if (this.sessions.size <= this.maxSessions && now - entry.at <= this.ttlMs) break;
      this.sessions.delete(session);
    }
  }
}
