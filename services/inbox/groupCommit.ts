/**
 * Group commit for the webhook: documents of deliveries that arrive together are stored
 * with one `insertMany`, so that acknowledging durably costs one database round trip per
 * batch rather than one per delivery.
 */
import { MongoBulkWriteError, type Collection, type WriteError } from 'mongodb';
import type { InboxDocument } from './inboxStore';

const DUPLICATE_KEY = 11000;

interface Waiting {
  documents: InboxDocument[];
  resolve: (inserted: number) => void;
  reject: (error: unknown) => void;
}

/** Options of {@link GroupCommit}. */
export interface GroupCommitOptions {
  /** Most documents in one insertMany. */
  maxDocuments?: number;
  /** Batches written at the same time; while they are all in flight, the next one grows. */
  maxInFlight?: number;
}

/**
 * Batches concurrent inserts into the inbox.
 *
 * @remarks
 * A delivery waits at most for the batches already in flight. Each caller learns how many of
 * its own documents were new: a duplicate key (a redelivery, or the same event twice in the
 * batch) only counts as "not new"; any other error rejects the callers it concerns, and a
 * failed round trip rejects the whole batch, so nothing is acknowledged that was not stored.
 */
export class GroupCommit {
  private queue: Waiting[] = [];
  private inFlight = 0;
  private readonly maxDocuments: number;
  private readonly maxInFlight: number;

  constructor(
    private readonly collection: Collection<InboxDocument>,
    options: GroupCommitOptions = {},
  ) {
    this.maxDocuments = options.maxDocuments ?? 500;
    this.maxInFlight = options.maxInFlight ?? 2;
  }

  /** Stores `documents` with whatever else is waiting; resolves with how many were new. */
  insert(documents: InboxDocument[]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ documents, resolve, reject });
      setImmediate(() => this.pump());
    });
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const batch: Waiting[] = [];
      let size = 0;
      while (
        this.queue.length > 0 &&
        (batch.length === 0 || size + this.queue[0].documents.length <= this.maxDocuments)
      ) {
        const next = this.queue.shift()!;
        batch.push(next);
        size += next.documents.length;
      }
      this.inFlight += 1;
      void this.write(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    const documents = batch.flatMap((waiting) => waiting.documents);
    let errors: WriteError[] = [];
    try {
      await this.collection.insertMany(documents, { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) {
        batch.forEach((waiting) => waiting.reject(error));
        return;
      }
      errors = ([] as WriteError[]).concat(error.writeErrors);
      // A round trip that failed midway (the database went away) also arrives as a bulk
      // error: unless every document is accounted for, nobody is told "stored".
      if (error.result.insertedCount + errors.length !== documents.length) {
        batch.forEach((waiting) => waiting.reject(error));
        return;
      }
    }
    let offset = 0;
    for (const waiting of batch) {
      const mine = errors.filter(
        (error) => error.index >= offset && error.index < offset + waiting.documents.length,
      );
      offset += waiting.documents.length;
      const other = mine.find((error) => error.code !== DUPLICATE_KEY);
      if (other) waiting.reject(new Error(`inbox insert failed with code ${String(other.code)}`));
      else waiting.resolve(waiting.documents.length - mine.length);
    }
  }
}
