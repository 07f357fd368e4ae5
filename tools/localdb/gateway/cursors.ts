/**
 * Open cursors between their first page and their last getMore.
 *
 * @remarks
 * DocumentDB returns a continuation document with each page; the gateway keeps the latest
 * one per cursor id. Cursors DocumentDB marks `persistconnection` live in one PostgreSQL
 * session, so the connection that opened them is held until they end.
 *
 * A cursor that holds a connection is closed when the client connection that opened it
 * closes, after a short idle time ({@link CursorStoreOptions.heldIdleTimeoutMs}), and when
 * more than {@link CursorStoreOptions.maxHeld} of them are open (the least recently used
 * first), so that abandoned cursors never take all of the pool's connections. Other cursors
 * keep MongoDB's 10 minutes.
 */
import type { Queryable } from './backend';

/** A PostgreSQL connection the gateway may hold, then give back. */
export interface HeldConnection extends Queryable {
  release(error?: Error | boolean): void;
}

/** Where the dispatcher gets PostgreSQL connections. */
export interface ConnectionSource extends Queryable {
  connect(): Promise<HeldConnection>;
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
  /** The client connection that opened the cursor. */
  socketId: number;
  lastUsed: number;
}

/** Options of {@link CursorStore}. */
export interface CursorStoreOptions {
  /** Idle time after which a cursor is closed (MongoDB's default is 10 minutes). */
  idleTimeoutMs?: number;
  /** Idle time after which a cursor that owns a PostgreSQL connection is closed. */
  heldIdleTimeoutMs?: number;
  /** Most cursors owning a PostgreSQL connection at once. */
  maxHeld?: number;
  now?: () => number;
}

/** The open cursors of the gateway, by cursor id. */
export class CursorStore {
  private readonly cursors = new Map<string, OpenCursor>();
  private readonly idleTimeoutMs: number;
  private readonly heldIdleTimeoutMs: number;
  private readonly maxHeld: number;
  private readonly now: () => number;

  constructor(options: CursorStoreOptions = {}) {
    this.idleTimeoutMs = options.idleTimeoutMs ?? 10 * 60 * 1000;
    this.heldIdleTimeoutMs = options.heldIdleTimeoutMs ?? 60 * 1000;
    this.maxHeld = options.maxHeld ?? 10;
    this.now = options.now ?? Date.now;
  }

  /** How many cursors are open, and how many of them own a PostgreSQL connection. */
  counts(): { open: number; holding: number } {
    const holding = [...this.cursors.values()].filter((cursor) => cursor.ownsConnection).length;
    return { open: this.cursors.size, holding };
  }

  /**
   * Remembers a cursor that has more pages; when it owns a connection and too many do, closes
   * the least recently used of them.
   */
  open(cursor: Omit<OpenCursor, 'lastUsed'>): void {
    this.cursors.set(cursor.id, { ...cursor, lastUsed: this.now() });
    if (!cursor.ownsConnection) return;
    const holding = [...this.cursors.values()]
      .filter((open) => open.ownsConnection)
      .sort((a, b) => a.lastUsed - b.lastUsed);
    for (const oldest of holding.slice(0, Math.max(0, holding.length - this.maxHeld))) this.close(oldest.id);
  }

  /** The cursor with this id, marked as used now. */
  take(id: string): OpenCursor | undefined {
    const cursor = this.cursors.get(id);
    if (cursor) cursor.lastUsed = this.now();
    return cursor;
  }

  /** Closes the cursors a client connection opened (it closed); returns how many. */
  closeForSocket(socketId: number): number {
    const mine = [...this.cursors.values()].filter((cursor) => cursor.socketId === socketId);
    for (const cursor of mine) this.close(cursor.id);
    return mine.length;
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
    const now = this.now();
    const stale = [...this.cursors.values()].filter(
      (cursor) =>
        cursor.lastUsed < now - (cursor.ownsConnection ? this.heldIdleTimeoutMs : this.idleTimeoutMs),
    );
    for (const cursor of stale) this.close(cursor.id);
    return stale.length;
  }

  /** Closes every cursor. */
  closeAll(): void {
    for (const id of [...this.cursors.keys()]) this.close(id);
  }
}
