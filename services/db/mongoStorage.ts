/**
 * botbuilder's `Storage` on a MongoDB collection, with real eTag concurrency.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { MongoServerError, type Collection } from 'mongodb';
import { CodedError, ErrorCode } from '../errors';

/** One stored item: the state as JSON text (as `MemoryStorage` keeps it), and its eTag. */
export interface StorageDocument {
  _id: string;
  eTag: string;
  state: string;
  updatedAt: Date;
}

/** Raised when a write carries an eTag that is no longer the stored one. */
export class StorageConflictError extends CodedError {
  constructor(key: string) {
    super(ErrorCode.StorageConflict, `Storage: error writing "${key}" due to eTag conflict.`);
  }
}

const DUPLICATE_KEY = 11000;

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
  constructor(
    private readonly collection: Collection<StorageDocument>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const documents = await this.collection.find({ _id: { $in: keys.map(String) } }).toArray();
    for (const document of documents) {
      items[document._id] = { ...(JSON.parse(document.state) as object), eTag: document.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    await Promise.all(
      Object.entries(changes).map(([key, item]) => this.writeOne(key, item as Record<string, unknown>)),
    );
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length > 0) await this.collection.deleteMany({ _id: { $in: keys.map(String) } });
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const { eTag, ...rest } = item;
    const update = { eTag: randomUUID(), state: JSON.stringify(rest), updatedAt: this.now() };
    if (typeof eTag !== 'string' || eTag === '' || eTag === '*') {
      await this.collection.updateOne({ _id: key }, { $set: update }, { upsert: true });
      return;
    }
    const replaced = await this.collection.updateOne({ _id: key, eTag }, { $set: update });
    if (replaced.matchedCount === 1) return;
    try {
      await this.collection.insertOne({ _id: key, ...update });
    } catch (error) {
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY)
        throw new StorageConflictError(key);
      throw error;
    }
  }
}
