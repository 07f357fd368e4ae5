/**
 * Open cursors between their first page and their last getMore.
 *
 * @remarks
 * DocumentDB returns a continuation document with each page; the gateway keeps the latest
 * one per cursor id. Cursors DocumentDB marks `persistconnection` live in one PostgreSQL
 * session, so the connection that opened them is held until they end.
 */
import type { Queryable } from './backend';

/** A PostgreSQL connection the gateway may hold, then give back. */
export interface HeldConnection extends Queryable {
  release(error?: Error | boolean): void;
}

/** What the gateway remembers of an open cursor. */
export interface OpenCursor {
  id: string;
  database: string;
  collection: string;
  continuation: Buffer;
  /** The connection the cursor must keep using, when it needs one. */
  connection?: HeldConnection;
  /** Whether the cursor owns that connection (false when it belongs to a transaction). */
  ownsConnection: boolean;
  lastUsed: number;
}

/** Options of {@link CursorStore}. */
export interface CursorStoreOptions {
  /** Idle time after which a cursor is closed (MongoDB's default is 10 minutes). */
  idleTimeoutMs?: number;
  now?: () => number;
}

/** The open cursors of the gateway, by cursor id. */
export class CursorStore {
  private readonly cursors = new Map<string, OpenCursor>();
  private readonly idleTimeoutMs: number;
  private readonly now: () => number;

  constructor(options: CursorStoreOptions = {}) {
    this.idleTimeoutMs = options.idleTimeoutMs ?? 10 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Remembers a cursor that has more pages. */
  open(cursor: Omit<OpenCursor, 'lastUsed'>): void {
    this.cursors.set(cursor.id, { ...cursor, lastUsed: this.now() });
  }

  /** The cursor with this id, marked as used now. */
  take(id: string): OpenCursor | undefined {
    const cursor = this.cursors.get(id);
    if (cursor) cursor.lastUsed = this.now();
    return cursor;
  }

  /** Closes a cursor; returns whether it was open. */
  close(id: string): boolean {
    const cursor = this.cursors.get(id);
    if (!cursor) return false;
    this.cursors.delete(id);
    if (cursor.ownsConnection) cursor.connection?.release();
    return true;
  }

  /** Closes the cursors that run on a connection about to be released by its owner. */
  closeOnConnection(connection: HeldConnection): void {
    for (const cursor of [...this.cursors.values()])
      if (cursor.connection === connection) this.close(cursor.id);
  }

  /** Closes cursors idle for too long; returns how many. */
  sweep(): number {
    const limit = this.now() - this.idleTimeoutMs;
    const stale = [...this.cursors.values()].filter((cursor) => cursor.lastUsed < limit);
    for (const cursor of stale) this.close(cursor.id);
    return stale.length;
  }

  /** Closes every cursor. */
  closeAll(): void {
    for (const id of [...this.cursors.keys()]) this.close(id);
  }
}
