/**
 * Notices a resident could not be sent, kept in French for the moderators (the matching
 * module's {@link UndeliveredNoticesPort}).
 */
import type { MatchingNotice, UndeliveredNoticesPort } from '../../services/matching';
import type { NotifyResult } from '../../services/messaging/notifier';
import type { UndeliveredQueue } from '../../services/moderation';
import { renderNotice } from './index';

/** Renders the notice and queues its text for the moderators (kind `other`, with its reference). */
export class UndeliveredNotices implements UndeliveredNoticesPort {
  constructor(private readonly queue: Pick<UndeliveredQueue, 'queueForModerators'>) {}

  async keepForModerators(
    psid: string,
    notice: MatchingNotice,
    result: Exclude<NotifyResult, 'sent' | 'to_referent'>,
    ref: string,
  ): Promise<void> {
    const text = renderNotice(notice).text ?? '';
    await this.queue.queueForModerators(psid, 'other', result, { ref, text });
  }
}
