/**
 * The jobs' dependencies for a one-off run from the command line, built from the same
 * configuration as the app (bot/config.ts).
 *
 * @remarks
 * Residents are written to through Messenger only when it is configured (a MessengerAdapter
 * over the Send API, as the app builds it); otherwise the notifier finds no adapter and
 * reports `unknown_person`. Admin notices are printed: the moderators' broadcast needs the
 * running app's moderators and windows.
 */
import type { Db } from 'mongodb';
import type { AppConfig } from '../../bot/config';
import { MessengerAdapter } from '../../bot/messenger/adapter';
import { AdapterNotifier } from '../../bot/notifier';
import { systemClock } from '../../services/clock';
import { createGraphClients } from '../../services/graph';
import type { JobDeps } from '../../services/jobs';
import type { Logger } from '../../services/logger';
import { ConversationDirectory } from '../../services/messaging/conversationDirectory';

/** Builds {@link JobDeps} for `npm run jobs`; `print` receives the admins' notices. */
export function buildScriptJobDeps(
  config: AppConfig,
  db: Db,
  logger: Logger,
  print: (line: string) => void,
): JobDeps {
  const graph = config.messenger
    ? createGraphClients({
        graphApiUrl: config.graphApiUrl,
        graphApiVersion: config.graphApiVersion,
        accessToken: config.messenger.pageAccessToken,
        appSecret: config.messenger.appSecret,
        logger,
      })
    : undefined;
  const messenger = graph ? new MessengerAdapter({ send: graph.send, logger }) : undefined;
  return {
    db,
    logger,
    notifier: new AdapterNotifier({
      directory: new ConversationDirectory(db),
      adapterFor: (channelId) => (channelId === 'facebook' ? messenger : undefined),
      botAppId: config.botFramework.MicrosoftAppId,
      clock: systemClock,
    }),
    notifyAdmins: (text) => {
      print(`[message to the admins]\n${text}`);
      return Promise.resolve();
    },
    feed: graph?.feed,
    pageId: config.messenger?.pageId,
  };
}
