/**
 * Errors of the moderators' tools, with a code the menu can branch on.
 */

/** Why a moderation action was refused. */
export type ModerationErrorCode =
  /** The caller is not a registered, active moderator (or not an admin for admin actions). */
  | 'not_moderator'
  /** No such entry or hand-over (or a malformed id). */
  | 'not_found'
  /** The entry or hand-over is not in a state that allows the action (already published…). */
  | 'invalid_state'
  /** A moderator record is malformed (psid, role, hours). */
  | 'invalid_moderator'
  /** An argument is not one of the accepted values (a rejection reason…). */
  | 'invalid_input';

/**
 * A refused moderation action.
 *
 * @remarks
 * The message is for logs and operators: identifiers only, never a resident's text.
 */
export class ModerationError extends Error {
  constructor(
    readonly code: ModerationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ModerationError';
  }
}
