/**
 * Errors of the moderators' tools, with a code the menu can branch on.
 */
import { CodedError, ErrorCode } from '../errors';

/**
 * Why a moderation action was refused: one of the moderation members of {@link ErrorCode}
 * (`not_moderator`, `not_found`, `invalid_state`, `invalid_moderator`, `invalid_input`).
 */
export type ModerationErrorCode =
  | ErrorCode.NotModerator
  | ErrorCode.NotFound
  | ErrorCode.InvalidState
  | ErrorCode.InvalidModerator
  | ErrorCode.InvalidInput;

/**
 * A refused moderation action.
 *
 * @remarks
 * A refusal for good: never transient. The message is for logs and operators: identifiers
 * only, never a resident's text.
 */
export class ModerationError extends CodedError {
  declare readonly code: ModerationErrorCode;

  constructor(code: ModerationErrorCode, message: string) {
    super(code, message, { transient: false });
  }
}

/** A command line that does not follow `ADMIN_USAGE`; the script exits with status 2. */
export class UsageError extends CodedError {
  constructor(message: string) {
    super(ErrorCode.UsageInvalid, message);
  }
}
