/**
 * Notices to the Page admins (moderators with role `admin`) from the modules and the jobs.
 */
import { noticeText } from '../dialogs/notices';
import type { Clock } from '../services/clock';
import type { Logger } from '../services/logger';
import type { ConversationDirectory } from '../services/messaging/conversationDirectory';
import type { Notifier, NotifyAdmins } from '../services/messaging/notifier';
import type { Moderation } from '../services/moderation';
import { ModeratorBroadcast } from '../services/moderation';

/** What {@link adminNotifier} sends with. */
export interface AdminNotifierOptions {
  moderation: Pick<Moderation, 'moderators' | 'undelivered'>;
  notices: Notifier;
  directory: ConversationDirectory;
  clock: Clock;
  logger: Logger;
}

/**
 * Sends a notice to every admin inside their 24-hour window; when none could be reached,
 * its French text waits in the moderators' `undelivered` queue instead of being lost.
 */
export function adminNotifier(options: AdminNotifierOptions): NotifyAdmins {
  const { moderation, notices, directory, clock, logger } = options;
  const broadcast = new ModeratorBroadcast(notices, directory, logger);
  return async (notice) => {
    const admins = await moderation.moderators.admins();
    const result = await broadcast.send(admins, notice, clock());
    if (result.sent > 0) return;
    await moderation.undelivered.queueForModerators('admins', 'other', 'unknown_person', {
      text: noticeText(notice),
    });
    logger.warn('admin notice queued: no admin reachable', { admins: admins.length });
  };
}
