/**
 * Group commit for the webhook: documents of deliveries that arrive together are stored
 * with one `insertMany`, so that acknowledging durably costs one database round trip per
 * batch rather than one per delivery.
 */
import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';
import { Batcher, type Outcome } from '../db/batcher';
import { insertEach } from '../db/bulk';

/** Options of {@link GroupCommit}. */
export interface GroupCommitOptions {
  /** Most documents in one insertMany. */
  maxDocuments?: number;
  /** Batches written at the same time; while they are all in flight, the next one grows. */
  maxInFlight?: number;
}

/**
 * Batches concurrent inserts (the inbox's deliveries).
 *
 * @remarks
 * A delivery waits at most for the batches already in flight. Each caller learns how many of
 * its own documents were new: a duplicate key (a redelivery, or the same event twice in the
 * batch) only counts as "not new"; any other error rejects the callers it concerns, and a
 * failed round trip rejects the whole batch, so nothing is acknowledged that was not stored.
 */
export class GroupCommit<D extends Document> {
  private readonly batcher: Batcher<OptionalUnlessRequiredId<D>[], number>;

  constructor(collection: Collection<D>, options: GroupCommitOptions = {}) {
    this.batcher = new Batcher(
      async (deliveries) => {
        const outcomes = await insertEach(collection, deliveries.flat());
        let offset = 0;
        return deliveries.map((documents): Outcome<number> => {
          const mine = outcomes.slice(offset, (offset += documents.length));
          const failed = mine.find((outcome) => typeof outcome === 'object');
          if (failed) return { error: failed.error };
          return { value: mine.filter((outcome) => outcome === 'done').length };
        });
      },
      {
        maxWeight: options.maxDocuments ?? 500,
        weight: (documents) => documents.length,
        maxInFlight: options.maxInFlight ?? 2,
      },
    );
  }

  /** Stores `documents` with whatever else is waiting; resolves with how many were new. */
  insert(documents: OptionalUnlessRequiredId<D>[]): Promise<number> {
    return this.batcher.submit(documents);
  }
}
