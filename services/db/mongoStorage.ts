/**
 * botbuilder's `Storage` on a MongoDB collection, with real eTag concurrency.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Collection } from 'mongodb';
import { CodedError, ErrorCode } from '../errors';
import { Batcher } from './batcher';
import { writeBatcher } from './bulk';

/** One stored item: the state as JSON text (as `MemoryStorage` keeps it), and its eTag. */
export interface StorageDocument {
  _id: string;
  eTag: string;
  state: string;
  updatedAt: Date;
}

/** One key of a write, with the item as the bot state gave it. */
interface StorageChange {
  key: string;
  item: Record<string, unknown>;
}

/** Raised when a write carries an eTag that is no longer the stored one. */
export class StorageConflictError extends CodedError {
  constructor(key: string) {
    super(ErrorCode.StorageConflict, `Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/**
 * Bot state (conversation and user state) kept in MongoDB.
 *
 * @remarks
 * Semantics are those of botbuilder's `MemoryStorage`: an item written without an eTag,
 * or with `'*'`, replaces whatever is stored; an item written with an eTag replaces the
 * stored one only if its eTag still matches (or nothing is stored yet), otherwise the
 * write rejects with {@link StorageConflictError}. Every write makes a new eTag. The state
 * is stored as JSON text, so that keys MongoDB restricts (`$x`, `a.b`) round-trip intact.
 */
export class MongoStorage implements Storage {
  /** Reads of concurrent turns, one `find` per batch. */
  private readonly reads: Batcher<string[], Map<string, StorageDocument>>;
  /** Writes of concurrent turns, one update command per batch. */
  private readonly writes: Batcher<StorageChange, void>;

  constructor(
    private readonly collection: Collection<StorageDocument>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.reads = new Batcher(async (requests) => {
      const documents = await this.collection.find({ _id: { $in: [...new Set(requests.flat())] } }).toArray();
      const byKey = new Map(documents.map((document) => [document._id, document]));
      return requests.map(() => ({ value: byKey }));
    });
    // Every write is an upsert: without an eTag on the key alone; with one on the key and the
    // eTag, so that a stored item with another eTag makes the insert collide on the key,
    // which is the conflict.
    this.writes = writeBatcher(
      this.collection,
      ({ key, item }: StorageChange) => {
        const { eTag, ...rest } = item;
        const conditional = typeof eTag === 'string' && eTag !== '' && eTag !== '*';
        return {
          updateOne: {
            filter: conditional ? { _id: key, eTag } : { _id: key },
            update: { $set: { eTag: randomUUID(), state: JSON.stringify(rest), updatedAt: this.now() } },
            upsert: true,
          },
        };
      },
      ({ key }) => ({ error: new StorageConflictError(key) }),
    );
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const found = await this.reads.submit(keys.map(String));
    for (const key of keys.map(String)) {
      const document = found.get(key);
      if (document) items[key] = { ...(JSON.parse(document.state) as object), eTag: document.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    await Promise.all(
      Object.entries(changes).map(([key, item]) =>
        this.writes.submit({ key, item: item as Record<string, unknown> }),
      ),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length > 0) await this.collection.deleteMany({ _id: { $in: keys.map(String) } });
  }
}
