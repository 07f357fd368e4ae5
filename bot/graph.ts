/**
 * The Graph API clients of the configured page, or none when Messenger is off.
 */
import { createGraphClients, type GraphClients } from '../services/graph';
import type { Logger } from '../services/logger';
import type { AppConfig } from './config';

/** One set of Graph clients over one axios instance, built from the configuration. */
export function graphFromConfig(config: AppConfig, logger: Logger): GraphClients | undefined {
  if (!config.messenger) return undefined;
  return createGraphClients({
    graphApiUrl: config.graphApiUrl,
    graphApiVersion: config.graphApiVersion,
    accessToken: config.messenger.pageAccessToken,
    appSecret: config.messenger.appSecret,
    logger,
  });
}
