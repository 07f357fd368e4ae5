/**
 * Which failures are worth trying again later (the inbox retries the event) rather than
 * answering the resident with an apology.
 */
import {
  MongoError,
  MongoErrorLabel,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { GraphError } from '../services/graph';

/** Driver errors that mean "the database cannot be reached right now" (network errors include pool clears). */
const UNREACHABLE = [
  MongoNetworkError,
  MongoServerSelectionError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoTopologyClosedError,
] as const;

/**
 * True for database outages and transient Graph API errors.
 *
 * @remarks
 * A closed client (shutdown) counts as transient too: the event stays in the inbox for the
 * next process instead of being answered with an apology and marked done.
 */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof GraphError) return error.transient;
  if (UNREACHABLE.some((type) => error instanceof type)) return true;
  return (
    error instanceof MongoError &&
    (error.hasErrorLabel(MongoErrorLabel.RetryableWriteError) ||
      error.hasErrorLabel(MongoErrorLabel.TransientTransactionError) ||
      error.name === 'WaitQueueTimeoutError')
  );
}
