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
import { DialogContextError } from 'botbuilder-dialogs';
import { CodedError, ErrorCode } from '../services/errors';
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
 * The error behind the wrappers a turn adds: botbuilder-dialogs wraps whatever a dialog step
 * throws in a `DialogContextError` (the original in `.error`).
 */
export function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10 && current instanceof DialogContextError; depth += 1)
    current = current.error;
  return current;
}

/**
 * True for database outages and transient Graph API errors, wrapped or not.
 *
 * @remarks
 * A closed client (shutdown) counts as transient too: the event stays in the inbox for the
 * next process instead of being answered with an apology and marked done.
 */
export function isTransientFailure(wrapped: unknown): boolean {
  const error = rootCause(wrapped);
  if (error instanceof GraphError) return error.transient;
  if (UNREACHABLE.some((type) => error instanceof type)) return true;
  if (error instanceof CodedError && error.code === ErrorCode.DatabaseUnavailable) return true;
  return (
    error instanceof MongoError &&
    (error.hasErrorLabel(MongoErrorLabel.RetryableWriteError) ||
      error.hasErrorLabel(MongoErrorLabel.TransientTransactionError) ||
      error.name === 'WaitQueueTimeoutError')
  );
}
