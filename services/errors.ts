/**
 * One family of coded errors, so that callers branch on a code rather than on a message.
 */

/** Every error code the application raises on purpose. */
export enum ErrorCode {
  ConfigInvalid = 'config_invalid',
  SignatureInvalid = 'signature_invalid',
  PayloadInvalid = 'payload_invalid',
  GraphRequestFailed = 'graph_request_failed',
  MessageInvalid = 'message_invalid',
  DatabaseUnavailable = 'database_unavailable',
  LocalEngineUnavailable = 'local_engine_unavailable',
  StorageConflict = 'storage_conflict',
  VerifyTokenInvalid = 'verify_token_invalid',
  NotSupported = 'not_supported',
}

/** Base class of the application's errors. */
export class CodedError extends Error {
  /**
   * @param code - what went wrong, for callers to branch on.
   * @param message - for developers and logs: never personal data.
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
