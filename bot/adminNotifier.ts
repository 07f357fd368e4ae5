/**
 * Messages to the Page admins (moderators with role `admin`) from the scheduled jobs.
 */
import type { Clock } from '../services/clock';
import type { Logger } from '../services/logger';
import { ModeratorBroadcast } from '../services/moderation/broadcast';
import { textActivity } from '../services/moderation';
import type { BotCore } from './core';

/**
 * Sends a French text to every admin inside their 24-hour window; when none could be
 * reached, the text waits in the moderators' `undelivered` queue instead of being lost.
 */
export function adminNotifier(core: BotCore, clock: Clock, logger: Logger): (text: string) => Promise<void> {
  const broadcast = new ModeratorBroadcast(core.deps.notifier, core.directory, logger);
  return async (text) => {
    const admins = await core.moderation.moderators.admins();
    const result = await broadcast.send(admins, textActivity(text), clock());
    if (result.sent > 0) return;
    await core.moderation.undelivered.queueForModerators('admins', 'other', 'unknown_person', { text });
    logger.warn('admin notice queued: no admin reachable', { admins: admins.length });
  };
}
