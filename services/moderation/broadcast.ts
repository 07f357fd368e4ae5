/**
 * Messages to moderators through the Page, only to those inside their own 24-hour window.
 */
import { redactId, type Logger } from '../logger';
import type { ConversationDirectory } from '../messaging/conversationDirectory';
import type { Notice, Notifier } from '../messaging/notifier';
import { ErrorCode } from '../errors';
import { ModerationError } from './errors';
import type { Moderator, ModeratorRepository } from './moderatorRepository';

/** What a broadcast did (counts only). */
export interface BroadcastResult {
  sent: number;
  /** Moderators outside their window (they see it in the menu instead). */
  skipped: number;
  failed: number;
}

/**
 * Keeps a notice a moderator could not be sent (outside their 24-hour window) where they
 * will see it (the tasks module's `undelivered_notice` task): never dropped.
 */
export type KeepForModerator = (moderatorPsid: string, notice: Notice) => Promise<void>;

/** Sends one notice to several moderators. */
export class ModeratorBroadcast {
  constructor(
    private readonly notifier: Notifier,
    private readonly directory: Pick<ConversationDirectory, 'canMessage'>,
    private readonly logger: Logger,
    private readonly keep?: KeepForModerator,
  ) {}

  /**
   * Sends `notice` to each moderator who wrote to the Page within 24 hours.
   *
   * @remarks
   * One moderator's failure does not stop the others: it is counted and logged (with a
   * redacted id and the error's code, never the text).
   */
  async send(moderators: Moderator[], notice: Notice, now: Date): Promise<BroadcastResult> {
    const result: BroadcastResult = { sent: 0, skipped: 0, failed: 0 };
    for (const moderator of moderators) {
      try {
        if (!(await this.directory.canMessage(moderator.psid, now))) {
          result.skipped += 1;
          await this.keep?.(moderator.psid, notice);
          continue;
        }
        const outcome = await this.notifier.notify(moderator.psid, notice);
        if (outcome === 'sent') result.sent += 1;
        else {
          result.skipped += 1;
          await this.keep?.(moderator.psid, notice);
        }
      } catch (error) {
        result.failed += 1;
        this.logger.warn('moderator notice failed', {
          moderator: redactId(moderator.psid),
          error: error instanceof Error ? error.name : 'unknown',
          code: (error as { code?: string | number }).code,
        });
      }
    }
    return result;
  }
}

/**
 * Resolves when `psid` is an active moderator.
 *
 * @throws ModerationError `not_moderator` otherwise.
 */
export async function requireModerator(moderators: ModeratorRepository, psid: string): Promise<void> {
  if (!(await moderators.isModerator(psid))) {
    throw new ModerationError(ErrorCode.NotModerator, 'caller is not an active moderator');
  }
}
