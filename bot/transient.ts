/**
 * Which turn failures are worth trying again later (the inbox retries the event) rather than
 * answering the resident with an apology.
 */
import { DialogContextError } from '../dialogs/botbuilderDialogs';
import { isTransient } from '../services/errors';

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
 * True when the failure behind a turn's wrappers is transient (see {@link isTransient}):
 * a database outage, a transient Graph error, a flush the database did not answer in time.
 */
export function isTransientFailure(wrapped: unknown): boolean {
  return isTransient(rootCause(wrapped));
}
