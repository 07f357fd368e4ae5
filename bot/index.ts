/**
 * Entry point: read configuration, connect, build, listen.
 */
import { createLogger, logHashKey } from '../services/logger';
import { followTimedOutFlushes } from '../services/db/batcher';
import { connectDatabase } from '../services/db/connect';
import { DatabaseWatchdog } from '../services/db/watchdog';
import { createApp } from './app';
import { ConfigError, describeDatabase, loadConfig } from './config';
import { resolveDatabaseUri } from './devDatabase';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({
    level: config.logLevel,
    idKey: logHashKey(config.logHashKey, config.messenger?.appSecret),
  });
  const { client, uri } = await connectDatabase({
    uri: await resolveDatabaseUri(config, {
      log: (line) => logger.info('local database', { progress: line }),
    }),
  });
  // A flush failed by its timeout: say whether its command came back late or never.
  followTimedOutFlushes((flush) => logger.warn('timed-out flush', { ...flush }));
  const watchdog = new DatabaseWatchdog({ client, uri, logger });
  watchdog.start();
  const app = await createApp({ config, db: client.db(config.mongodbDb), logger });
  const address = await app.listen(config.port);

  logger.info(
    config.messenger
      ? 'Messenger channel on: POST /api/messenger'
      : 'Messenger channel off: set MESSENGER_APP_SECRET, MESSENGER_VERIFY_TOKEN and MESSENGER_PAGE_ACCESS_TOKEN to turn it on',
  );
  if (config.botFrameworkAccess === 'authenticated') {
    logger.info('Bot Framework channel on: POST /api/messages, Bot Framework tokens required');
  } else if (config.botFrameworkAccess === 'loopback') {
    logger.warn(
      'Bot Framework channel WITHOUT AUTHENTICATION: POST /api/messages answers callers on this machine only (set MicrosoftAppId, or BOT_FRAMEWORK_LOCAL=off)',
    );
  } else {
    logger.info(
      'Bot Framework channel off: POST /api/messages answers 401 (set MicrosoftAppId to turn it on)',
    );
  }
  logger.info('database', {
    database: describeDatabase(uri, config.mongodbDb),
    engine: config.mongodbUri ? 'MONGODB_URI' : 'local engine',
  });
  logger.info('listening', { port: address.port });

  const shutdown = (signal: string): void => {
    logger.info('shutting down', { signal });
    void app
      .close()
      .then(() => {
        watchdog.stop();
        return client.close();
      })
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
