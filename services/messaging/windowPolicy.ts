/**
 * The messaging window, the one rule for who may write to a person, and how, depending on
 * when that person last wrote to the Page.
 *
 * @remarks
 * Pure functions over dates, used by every sender (the notifier, the directory, the
 * moderators' tools). Meta's rules (see the Messenger notes): an automated message
 * only within 24 hours of the person's last message (`RESPONSE`); after that, only a message
 * a human moderator wrote, tagged `HUMAN_AGENT`, up to 7 days. The bot never tags its own
 * messages `HUMAN_AGENT`. Both limits are inclusive.
 */

/** The automated-message window after a person's last message: 24 hours. */
export const RESPONSE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** How long a human moderator may still answer with the `HUMAN_AGENT` tag: 7 days. */
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/** Who wrote the message to be sent. */
export type Author = 'bot' | 'moderator';

/** Why a message cannot be sent. */
export type UndeliverableReason =
  /** We never heard from this person (no window at all). */
  | 'unknown_person'
  /** More than 24 hours since their last message: no automated message any more. */
  | 'outside_window'
  /** More than 7 days: not even a moderator may write first. */
  | 'human_agent_expired';

/** How to send, or why not. */
export type SendDecision =
  | { allowed: true; messagingType: 'RESPONSE' }
  | { allowed: true; messagingType: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT'; writtenByHuman: true }
  | { allowed: false; reason: UndeliverableReason };

/** True when `now` is at most `windowMs` after `lastMessageAt` (and not before it). */
function within(lastMessageAt: Date, now: Date, windowMs: number): boolean {
  const elapsed = now.getTime() - lastMessageAt.getTime();
  return elapsed >= 0 && elapsed <= windowMs;
}

/** True while an automated message may be sent: within 24 hours of the person's last message. */
export function canSendAutomated(lastMessageAt: Date | undefined, now: Date): boolean {
  return lastMessageAt !== undefined && within(lastMessageAt, now, RESPONSE_WINDOW_MS);
}

/** True while a moderator's own message may still be sent with `HUMAN_AGENT` (7 days). */
export function canSendAsHumanAgent(lastMessageAt: Date | undefined, now: Date): boolean {
  return lastMessageAt !== undefined && within(lastMessageAt, now, HUMAN_AGENT_WINDOW_MS);
}

/**
 * Decides how a message by `author` may be sent to someone whose last message was at
 * `lastMessageAt`.
 *
 * @remarks
 * Inside 24 hours everything goes as `RESPONSE` (a moderator does not need the tag there).
 * Between 24 hours and 7 days only a moderator's message goes, tagged `HUMAN_AGENT` with
 * `writtenByHuman: true` (pass both to `SendApi.sendMessage`). Beyond, nothing goes: queue it
 * for the moderators with {@link UndeliveredQueue.queueForModerators}.
 */
export function decideSend(author: Author, lastMessageAt: Date | undefined, now: Date): SendDecision {
  if (lastMessageAt === undefined) return { allowed: false, reason: 'unknown_person' };
  if (canSendAutomated(lastMessageAt, now)) return { allowed: true, messagingType: 'RESPONSE' };
  if (author === 'moderator' && canSendAsHumanAgent(lastMessageAt, now)) {
    return { allowed: true, messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', writtenByHuman: true };
  }
  return { allowed: false, reason: author === 'bot' ? 'outside_window' : 'human_agent_expired' };
}
