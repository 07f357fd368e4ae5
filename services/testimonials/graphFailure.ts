/**
 * Turning a failed feed call into what the testimonial records and what the publisher does next.
 */
import { GraphError } from '../graph';
import type { TestimonialError } from './types';

/** What to do after a failed feed call. */
export type FailureVerdict =
  /** Meta answered and refused for good: tell the admins. */
  | 'refused'
  /** Meta answered with a temporary failure: the post was not made, try at the next run. */
  | 'try_later'
  /** No answer (network, timeout): the post may exist; reconcile from the feed at the next run. */
  | 'unknown';

/** Classifies a failed feed call; anything that is not a {@link GraphError} is rethrown by callers. */
export function verdictOf(error: GraphError): FailureVerdict {
  if (error.status === undefined) return 'unknown';
  return error.transient ? 'try_later' : 'refused';
}

/**
 * Whether a failed POST may be sent again at once: only a transient failure Meta answered
 * (5xx, throttling). A timeout may hide a post that was made, so it is never re-sent blindly.
 */
export function safeToRepost(error: unknown): boolean {
  return error instanceof GraphError && error.transient && error.status !== undefined;
}

/** The codes of `error`, as kept on the testimonial (no message text, no token). */
export function toTestimonialError(
  error: GraphError,
  operation: 'publish' | 'delete',
  at: Date,
): TestimonialError {
  const recorded: TestimonialError = { at, operation };
  if (error.status !== undefined) recorded.status = error.status;
  if (error.graphCode !== undefined) recorded.graphCode = error.graphCode;
  if (error.subcode !== undefined) recorded.subcode = error.subcode;
  return recorded;
}

/** A short code for the admins' notice: `190`, `HTTP 403`, `network`. */
export function describeCode(error: GraphError): string {
  if (error.graphCode !== undefined) return String(error.graphCode);
  return error.status === undefined ? 'network' : `HTTP ${error.status}`;
}
