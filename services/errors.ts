/**
 * One family of coded errors, so that callers branch on a code rather than on a message, and
 * one verdict on whether a failure is worth trying again.
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

/** Every error code the application raises on purpose. */
export enum ErrorCode {
  ConfigInvalid = 'config_invalid',
  SignatureInvalid = 'signature_invalid',
  PayloadInvalid = 'payload_invalid',
  BodyTooLarge = 'body_too_large',
  GraphRequestFailed = 'graph_request_failed',
  MessageInvalid = 'message_invalid',
  DatabaseUnavailable = 'database_unavailable',
  LocalEngineUnavailable = 'local_engine_unavailable',
  StorageConflict = 'storage_conflict',
  VerifyTokenInvalid = 'verify_token_invalid',
  NotSupported = 'not_supported',
  UsageInvalid = 'usage_invalid',
  /** Moderation: the caller is not a registered, active moderator (or not an admin for admin actions). */
  NotModerator = 'not_moderator',
  /** Moderation: no such entry or handover (or a malformed id). */
  NotFound = 'not_found',
  /** Moderation: the entry or handover is not in a state that allows the action (already published…). */
  InvalidState = 'invalid_state',
  /** Moderation: a moderator record is malformed (psid, role, hours). */
  InvalidModerator = 'invalid_moderator',
  /** Moderation: an argument is not one of the accepted values (a rejection reason…). */
  InvalidInput = 'invalid_input',
  /** E-mail: the SMTP server refused a message or could not be reached. */
  MailFailed = 'mail_failed',
}

/** Codes whose errors are worth retrying unless the thrower says otherwise: outages. */
const TRANSIENT_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set([ErrorCode.DatabaseUnavailable]);

/** Options of {@link CodedError}. */
export interface CodedErrorOptions {
  /** The error behind this one (never one that holds secrets or personal data). */
  cause?: unknown;
  /**
   * Whether the same operation may succeed later; defaults to true for
   * {@link ErrorCode.DatabaseUnavailable} and false for every other code.
   */
  transient?: boolean;
}

/**
 * Base class of the application's errors.
 *
 * @remarks
 * `transient` is the one verdict callers read to decide between trying again later (the
 * inbox keeps the event) and giving up (an apology, a refusal recorded); see
 * {@link isTransient}.
 */
export class CodedError extends Error {
  /** True when the same operation may succeed later (an outage, throttling, a timeout). */
  readonly transient: boolean;

  /**
   * @param code - what went wrong, for callers to branch on.
   * @param message - for developers and logs: never personal data.
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: CodedErrorOptions,
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.transient = options?.transient ?? TRANSIENT_BY_DEFAULT.has(code);
  }
}

/** Driver errors that mean "the database cannot be reached right now" (network errors include pool clears). */
const DRIVER_UNREACHABLE = [
  MongoNetworkError,
  MongoServerSelectionError,
  MongoNotConnectedError,
  MongoOperationTimeoutError,
  MongoServerClosedError,
  MongoTopologyClosedError,
] as const;

/**
 * Whether trying the same operation again later may succeed.
 *
 * @remarks
 * Our errors carry their own verdict ({@link CodedError.transient}). The MongoDB driver's
 * errors are judged by the driver's own classification: network errors (pool clears
 * included), no server selectable, a closed client or topology (shutdown: the event stays in
 * the inbox for the next process), an operation timeout, and the errors it labels retryable.
 * Anything else (a bug, a refusal for good) is not.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof CodedError) return error.transient;
  if (!(error instanceof MongoError)) return false;
  return (
    DRIVER_UNREACHABLE.some((type) => error instanceof type) ||
    error.hasErrorLabel(MongoErrorLabel.RetryableWriteError) ||
    error.hasErrorLabel(MongoErrorLabel.TransientTransactionError) ||
    error.name === 'WaitQueueTimeoutError'
  );
}
