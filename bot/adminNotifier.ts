/**
 * Notices to the Page admins (moderators with role `admin`) from the modules and the jobs.
 */
import { noticeText } from '../dialogs/notices';
import type { Clock } from '../services/clock';
import type { Logger } from '../services/logger';
import type { NotifyAdmins } from '../services/messaging/notifier';
import { ModeratorBroadcast } from '../services/moderation/broadcast';
import type { BotCore } from './core';

/**
 * Sends a notice to every admin inside their 24-hour window; when none could be reached,
 * its French text waits in the moderators' `undelivered` queue instead of being lost.
 */
export function adminNotifier(core: BotCore, clock: Clock, logger: Logger): NotifyAdmins {
  const broadcast = new ModeratorBroadcast(core.notices, core.directory, logger);
  return async (notice) => {
    const admins = await core.moderation.moderators.admins();
    const result = await broadcast.send(admins, notice, clock());
    if (result.sent > 0) return;
    await core.moderation.undelivered.queueForModerators('admins', 'other', 'unknown_person', {
      text: noticeText(notice),
    });
    logger.warn('admin notice queued: no admin reachable', { admins: admins.length });
  };
}
