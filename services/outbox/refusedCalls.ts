/**
 * The outbox's port for messages Meta refused for good: someone else keeps them so a person
 * can pass the news on (the moderators' `UndeliveredQueue` implements it).
 */

/** A message Meta refused for good, described for whoever passes it on by hand. */
export interface RefusedMessage {
  /** The person who should have received it. */
  psid: string;
  /** `outside_window`: the 24-hour window had closed; `refused`: any other permanent refusal. */
  reason: 'outside_window' | 'refused';
  /** The outbox record of the call. */
  ref: string;
  /** The French text the person should have received, when there was one. */
  text?: string;
}

/**
 * Where the outbox hands messages it could not deliver.
 *
 * @remarks
 * Owned by the outbox so that it depends on no consumer; wired in `bot/app.ts`.
 */
export interface RefusedCalls {
  /** Keeps `message` for a person to act upon. */
  keepRefused(message: RefusedMessage): Promise<void>;
}
