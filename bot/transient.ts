/**
 * Which failures are worth trying again later (the inbox retries the event) rather than
 * answering the resident with an apology.
 */
import { MongoNetworkError, MongoServerSelectionError, MongoNotConnectedError } from 'mongodb';
import { GraphError } from '../services/graph';

/** True for database outages and transient Graph API errors. */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof GraphError) return error.transient;
  return (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError
  );
}
