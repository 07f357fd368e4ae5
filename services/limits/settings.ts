/**
 * The per-person limits: how much one person may cost the Page's quota or others' attention.
 */

/**
 * Figures of the per-person limits; "a day" is 24 hours from the first counted action.
 *
 * @remarks
 * A resident filling a form writes a message every few seconds at most; twenty in a minute
 * is a flood or a script. Three hundred answered messages is several long conversations.
 * Needs are capped low because each one is matched against the offers around a point the
 * resident chooses (and shows their distances): many needs from chosen points would locate a
 * helper. Offers are capped the same way, because each one waits for a referent's review.
 * The local allowances spare the shared store a round trip for the first messages of a
 * window: most conversations stay within them and cost no store command at all.
 */
export interface LimitSettings {
  /** Messages answered per person within {@link LimitSettings.burstSeconds}. */
  readonly messagesPerBurst: number;
  readonly burstSeconds: number;
  /** How long a person who went over the burst is not answered. */
  readonly burstBlockSeconds: number;
  /** Messages answered per person a day. */
  readonly messagesPerDay: number;
  /**
   * Messages of a person within a burst that one instance answers without asking the shared
   * store (clipped to `messagesPerBurst - 1`); see `LocalTier`.
   */
  readonly localMessagesPerBurst: number;
  /** The same local allowance for the day (clipped to `messagesPerDay - 1`). */
  readonly localMessagesPerDay: number;
  /** Needs one person may store a day. */
  readonly needsPerDay: number;
  /** Offers one person may store a day. */
  readonly offersPerDay: number;
  /** Helpers the bot asks a day on behalf of one need author. */
  readonly matchRequestsPerDay: number;
}

/** The limits in force unless a caller (a test) gives others. */
export const DEFAULT_LIMITS: LimitSettings = Object.freeze({
  messagesPerBurst: 20,
  burstSeconds: 60,
  burstBlockSeconds: 5 * 60,
  messagesPerDay: 300,
  localMessagesPerBurst: 5,
  localMessagesPerDay: 30,
  needsPerDay: 5,
  offersPerDay: 5,
  matchRequestsPerDay: 10,
});

/** Seconds in the 24 hours of a daily limit. */
export const DAY_SECONDS = 24 * 60 * 60;
