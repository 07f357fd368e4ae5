/**
 * Several writes in one command, with what happened to each.
 */
import { Batcher, type Outcome } from './batcher';
import {
  MongoBulkWriteError,
  type AnyBulkWriteOperation,
  type Collection,
  type Document,
  type OptionalUnlessRequiredId,
  type WriteError,
} from 'mongodb';

const DUPLICATE_KEY = 11000;

/** What became of one write of a bulk. */
export type WriteOutcome = 'done' | 'duplicate' | { error: Error };

/**
 * Runs `operations` (all of one kind, so that they travel as one command) unordered, and
 * answers for each: done, refused as a duplicate key, or failed with its own error.
 *
 * @remarks
 * Throws when the command as a whole failed (the database went away): then nothing is
 * known of any write, and no caller may be told its write is stored.
 */
export async function writeEach<T extends Document>(
  collection: Collection<T>,
  operations: ReadonlyArray<AnyBulkWriteOperation<T>>,
): Promise<WriteOutcome[]> {
  return outcomesOf(operations.length, () => collection.bulkWrite([...operations], { ordered: false }), {
    accountedFor: (error) => writeErrorsOf(error).length > 0,
  });
}

/**
 * Inserts `documents` unordered in one command; for each, whether it was new ('done') or
 * its `_id` was already stored ('duplicate').
 *
 * @remarks
 * Unlike {@link writeEach}, it also checks that every document is accounted for, because
 * an insert that failed midway reports the documents it did not reach nowhere.
 */
export async function insertEach<T extends Document>(
  collection: Collection<T>,
  documents: ReadonlyArray<OptionalUnlessRequiredId<T>>,
): Promise<WriteOutcome[]> {
  return outcomesOf(documents.length, () => collection.insertMany([...documents], { ordered: false }), {
    accountedFor: (error) => error.result.insertedCount + writeErrorsOf(error).length === documents.length,
  });
}

/**
 * Runs one bulk command of `count` writes and tells what became of each; a bulk error that
 * does not account for the writes (`accountedFor` false) means the command failed as a whole.
 */
async function outcomesOf(
  count: number,
  run: () => Promise<unknown>,
  check: { accountedFor: (error: MongoBulkWriteError) => boolean },
): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = Array.from({ length: count }, () => 'done');
  if (count === 0) return outcomes;
  try {
    await run();
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    if (!check.accountedFor(error)) throw unwrapped(error); // nothing is known of any write
    for (const failed of writeErrorsOf(error)) {
      outcomes[failed.index] =
        failed.code === DUPLICATE_KEY
          ? 'duplicate'
          : { error: new Error(`write failed with code ${String(failed.code)}`) };
    }
  }
  return outcomes;
}

/**
 * A group commit of single writes: the requests of a batch become the operations of one
 * unordered bulk. A duplicate key fails its request, unless `onDuplicate` says what it means.
 */
export function writeBatcher<T extends Document, I>(
  collection: Collection<T>,
  toOperation: (item: I) => AnyBulkWriteOperation<T>,
  onDuplicate: (item: I) => Outcome<void> = () => ({ error: new Error('duplicate key') }),
): Batcher<I, void> {
  return new Batcher<I, void>(async (items) => {
    const outcomes = await writeEach(collection, items.map(toOperation));
    return outcomes.map((outcome, index): Outcome<void> => {
      if (outcome === 'done') return { value: undefined };
      return outcome === 'duplicate' ? onDuplicate(items[index]) : { error: outcome.error };
    });
  });
}

/**
 * The driver error a bulk error wraps when the command failed as a whole (a network error,
 * a server selection timeout): what callers recognise as "the database is unreachable".
 */
function unwrapped(error: MongoBulkWriteError): Error {
  const cause: unknown = error.errorResponse;
  return cause instanceof Error ? cause : error;
}

function writeErrorsOf(error: MongoBulkWriteError): WriteError[] {
  return ([] as WriteError[]).concat(error.writeErrors);
}
