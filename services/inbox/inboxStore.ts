/**
 * The durable inbox: every webhook event is stored before it is acknowledged, once (what it
 * stores is described in inboxDocuments.ts).
 */
import type { Collection, Db } from 'mongodb';
import { Batcher, type Outcome } from '../db/batcher';
import { writeEach } from '../db/bulk';
import { GroupCommit } from './groupCommit';
import type { InboxDocument, InboxEvent, LeaseDocument } from './inboxDocuments';

/** Name of the collection of webhook events. */
export const INBOX_COLLECTION = 'inbox';
/** Name of the collection of sender leases. */
export const INBOX_LEASES_COLLECTION = 'inbox_leases';
/**
 * How long a processed (or given-up) event is remembered, without its content, against a
 * redelivery: 2 days. Meta redelivers a webhook call it got no 200 for (the webhook answers
 * only once the events are stored) over the following hours, so 2 days leave a wide margin.
 */
export const DEFAULT_REMEMBER_FOR_MS = 2 * 24 * 60 * 60 * 1000;
/**
 * How long after it ran out a lease left by a holder that died is removed (by the retention
 * job: a TTL index on the lease, written on every turn, cost about a tenth of the whole-turn
 * throughput in `npm run bench`).
 */
export const ABANDONED_LEASE_MS = 60 * 60 * 1000;

/** Options of {@link InboxStore}. */
export interface InboxStoreOptions {
  /** How long a processed event's key is remembered against duplicate deliveries ({@link DEFAULT_REMEMBER_FOR_MS}). */
  rememberForMs?: number;
  /**
   * How long a sender lease lasts unless renewed (default 10 s). The worker renews it every
   * third of that while it processes the sender's events, so it only runs out when its holder
   * died: a restarted or other instance then resumes that sender's events within this time.
   */
  leaseMs?: number;
}

/**
 * Storage side of the inbox; the {@link InboxWorker} drives it. Typed by the vocabulary of
 * the events it keeps: what it hands back is what it accepted.
 */
export class InboxStore<Source extends string = string, Kind extends string = string> {
  readonly events: Collection<InboxDocument<Source, Kind>>;
  readonly leases: Collection<LeaseDocument>;
  private readonly groupCommit: GroupCommit<InboxDocument>;
  private readonly rememberForMs: number;
  readonly leaseMs: number;
  /** Completions of events of several senders, one `updateMany` per batch. */
  private readonly completions: Batcher<{ id: string; now: Date }, void>;
  /** Releases of several senders' leases, one `deleteMany` per batch and owner. */
  private readonly releases: Batcher<{ psid: string; owner: string }, void>;

  constructor(db: Db, options: InboxStoreOptions = {}) {
    this.events = db.collection<InboxDocument<Source, Kind>>(INBOX_COLLECTION);
    this.leases = db.collection<LeaseDocument>(INBOX_LEASES_COLLECTION);
    // Inserting needs no vocabulary: the group commit writes through an untyped handle.
    this.groupCommit = new GroupCommit(db.collection<InboxDocument>(INBOX_COLLECTION));
    this.rememberForMs = options.rememberForMs ?? DEFAULT_REMEMBER_FOR_MS;
    this.leaseMs = options.leaseMs ?? 10_000;
    this.completions = new Batcher(async (items) => {
      const now = new Date(Math.max(...items.map((item) => item.now.getTime())));
      await this.events.updateMany(
        { _id: { $in: items.map((item) => item.id) } },
        {
          $set: { status: 'done', processedAt: now, expiresAt: new Date(now.getTime() + this.rememberForMs) },
          $unset: { raw: '' },
        },
      );
      return items.map((): Outcome<void> => ({ value: undefined }));
    });
    this.releases = new Batcher(async (items) => {
      for (const owner of new Set(items.map((item) => item.owner))) {
        const psids = items.filter((item) => item.owner === owner).map((item) => item.psid);
        await this.leases.deleteMany({ _id: { $in: psids }, owner });
      }
      return items.map((): Outcome<void> => ({ value: undefined }));
    });
  }

  /**
   * Creates the inbox's indexes (idempotent): processed events are forgotten at `expiresAt`.
   * Leases need none: a drained sender's lease is deleted, and one left by a holder that died
   * is deleted by the retention job ({@link forgetAbandonedLeases}).
   */
  async ensureIndexes(): Promise<void> {
    await this.events.createIndexes([
      { key: { status: 1, availableAt: 1 }, name: 'pending_by_time' },
      { key: { psid: 1, status: 1, timestamp: 1 }, name: 'sender_queue' },
      { key: { expiresAt: 1 }, name: 'forget_processed', expireAfterSeconds: 0 },
    ]);
  }

  /**
   * Stores events not seen before; a known key is a duplicate delivery and is dropped.
   *
   * @returns how many were new and how many were duplicates.
   */
  async accept(
    events: readonly InboxEvent<Source, Kind>[],
    now: Date,
  ): Promise<{ stored: number; duplicates: number }> {
    const unique = new Map(events.map((event) => [event.key, event]));
    if (unique.size === 0) return { stored: 0, duplicates: events.length };
    const documents: InboxDocument<Source, Kind>[] = [...unique.values()].map(({ key, ...event }) => ({
      _id: key,
      ...event,
      status: 'pending',
      receivedAt: now,
      attempts: 0,
      availableAt: now,
    }));
    const stored = await this.groupCommit.insert(documents);
    return { stored, duplicates: events.length - stored };
  }

  /** Senders with events ready to process, oldest first, leaving out `exclude`. */
  async readySenders(now: Date, limit: number, exclude: readonly string[] = []): Promise<string[]> {
    const ready = await this.events
      .find(
        {
          status: 'pending',
          availableAt: { $lte: now },
          ...(exclude.length > 0 ? { psid: { $nin: [...exclude] } } : {}),
        },
        { projection: { psid: 1 } },
      )
      .sort({ availableAt: 1 })
      .limit(limit * 4)
      .toArray();
    return [...new Set(ready.map((document) => document.psid))].slice(0, limit);
  }

  /** Takes (or renews) the lease on a sender if it is free, expired or ours; false when someone else holds it. */
  async acquire(psid: string, owner: string, now: Date): Promise<boolean> {
    return (await this.acquireMany([psid], owner, now)).length === 1;
  }

  /**
   * Takes the leases of several senders in one command.
   *
   * @returns the senders whose lease `owner` now holds (the others are someone else's).
   */
  async acquireMany(psids: readonly string[], owner: string, now: Date): Promise<string[]> {
    const until = new Date(now.getTime() + this.leaseMs);
    const outcomes = await writeEach(
      this.leases,
      psids.map((psid) => ({
        updateOne: {
          filter: { _id: psid, $or: [{ until: { $lt: now } }, { owner }] },
          update: { $set: { owner, until } },
          upsert: true,
        },
      })),
    );
    const failed = outcomes.find((outcome) => typeof outcome === 'object');
    if (failed) {
      // Some leases may be ours now: give them back rather than leave them to expire.
      await this.leases.deleteMany({ _id: { $in: [...psids] }, owner }).catch(() => undefined);
      throw failed.error;
    }
    return psids.filter((_, index) => outcomes[index] === 'done');
  }

  /** Gives a lease back (with the other releases of the moment). */
  async release(psid: string, owner: string): Promise<void> {
    await this.releases.submit({ psid, owner });
  }

  /**
   * The ready events of several senders in one query (see {@link InboxStore.nextBatch}),
   * reading at most `limit` events in all.
   *
   * @returns for each sender, its ready events in order, or undefined when the limit cut
   * the answer before all of that sender's events were read (ask {@link InboxStore.nextBatch}).
   */
  async pendingOf(
    psids: readonly string[],
    now: Date,
    limit: number,
  ): Promise<Map<string, InboxDocument<Source, Kind>[] | undefined>> {
    const pending = await this.events
      .find({ psid: { $in: [...psids] }, status: 'pending' })
      .sort({ psid: 1, timestamp: 1, receivedAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    const bySender = new Map<string, InboxDocument<Source, Kind>[]>();
    for (const event of pending) {
      const events = bySender.get(event.psid) ?? [];
      events.push(event);
      bySender.set(event.psid, events);
    }
    // Read in sender order: when the limit was reached, the last sender read may have more,
    // and the senders after it were not reached at all.
    const full = pending.length === limit;
    const last = pending.at(-1)?.psid;
    return new Map(
      psids.map((psid) => {
        const events = bySender.get(psid);
        if (full && (events === undefined || psid === last)) return [psid, undefined];
        return [psid, readyPrefix(events ?? [], now)];
      }),
    );
  }

  /**
   * The sender's next events in timestamp order, up to `limit`, stopping before the first
   * one that is not ready yet (a retry waiting for its delay holds back the later ones).
   */
  async nextBatch(psid: string, now: Date, limit: number): Promise<InboxDocument<Source, Kind>[]> {
    const pending = await this.events
      .find({ psid, status: 'pending' })
      .sort({ timestamp: 1, receivedAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return readyPrefix(pending, now);
  }

  /**
   * Marks an event done (with the other completions of the moment); its key is then
   * remembered for the configured time.
   */
  async complete(id: string, now: Date): Promise<void> {
    await this.completions.submit({ id, now });
  }

  /**
   * Records a failed attempt: retried after `retryAt`, or given up when `retryAt` is null (its
   * content is dropped then, as for a processed event, and its key remembered as long).
   */
  async fail(id: string, reason: string, now: Date, retryAt: Date | null): Promise<void> {
    await this.events.updateOne(
      { _id: id },
      retryAt
        ? { $set: { availableAt: retryAt, lastError: reason }, $inc: { attempts: 1 } }
        : {
            $set: {
              status: 'failed',
              lastError: reason,
              processedAt: now,
              expiresAt: new Date(now.getTime() + this.rememberForMs),
            },
            $unset: { raw: '' },
            $inc: { attempts: 1 },
          },
    );
  }
}

/** The events up to the first one not ready yet: a retry waiting for its delay holds back the later ones. */
function readyPrefix<D extends InboxDocument>(events: D[], now: Date): D[] {
  const waiting = events.findIndex((event) => event.availableAt > now);
  return waiting === -1 ? events : events.slice(0, waiting);
}

/** Deletes from `leases` those that ran out over {@link ABANDONED_LEASE_MS} before `now`. */
export async function forgetAbandonedLeases(leases: Collection<LeaseDocument>, now: Date): Promise<number> {
  const result = await leases.deleteMany({ until: { $lt: new Date(now.getTime() - ABANDONED_LEASE_MS) } });
  return result.deletedCount;
}
