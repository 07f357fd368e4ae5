/**
 * The channels' credentials in the configuration: Messenger's secrets, Bot Framework's
 * credentials and who may call its endpoint, and the key of personal links derived from them.
 * Each check names the variable it refuses in a {@link ConfigError}. Pure.
 */
import { createHmac } from 'node:crypto';
import type { BotFrameworkAccess, BotFrameworkConfig, MessengerConfig } from './configTypes';
import { ConfigError, MIN_SECRET_LENGTH, parseHosts, type ReadVariable } from './configValues';

/** Where the Bot Framework service and its channels live (Azure public and government clouds). */
const BOT_FRAMEWORK_HOSTS = ['*.botframework.com', '*.botframework.azure.us', 'smba.trafficmanager.net'];
/** Where the Bot Framework Emulator listens. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

const MESSENGER_REQUIRED = [
  'MESSENGER_APP_SECRET',
  'MESSENGER_VERIFY_TOKEN',
  'MESSENGER_PAGE_ACCESS_TOKEN',
] as const;

/**
 * The Messenger channel: on when its three secrets are set, off when none is, refused when
 * only some are; in production its secrets must be long and the page id set.
 */
export function parseMessenger(read: ReadVariable, production: boolean): MessengerConfig | undefined {
  const present = MESSENGER_REQUIRED.filter((name) => read(name) !== undefined);
  let messenger: MessengerConfig | undefined;
  if (present.length === MESSENGER_REQUIRED.length) {
    messenger = Object.freeze({
      appSecret: read('MESSENGER_APP_SECRET') as string,
      verifyToken: read('MESSENGER_VERIFY_TOKEN') as string,
      pageAccessToken: read('MESSENGER_PAGE_ACCESS_TOKEN') as string,
      pageId: read('MESSENGER_PAGE_ID'),
    });
  } else if (present.length > 0) {
    const missing = MESSENGER_REQUIRED.filter((name) => read(name) === undefined);
    throw new ConfigError(
      `Messenger is half configured: set ${missing.join(', ')} (or unset ${present.join(', ')})`,
    );
  }
  const pageId = read('MESSENGER_PAGE_ID');
  if (pageId !== undefined && !/^\d+$/.test(pageId))
    throw new ConfigError('MESSENGER_PAGE_ID must be digits');
  if (messenger && production) {
    for (const name of ['MESSENGER_APP_SECRET', 'MESSENGER_VERIFY_TOKEN'] as const) {
      if ((read(name) as string).length < MIN_SECRET_LENGTH) {
        throw new ConfigError(`${name} must be at least ${MIN_SECRET_LENGTH} characters in production`);
      }
    }
    if (pageId === undefined) {
      throw new ConfigError(
        'MESSENGER_PAGE_ID must be set in production (events for other pages are ignored)',
      );
    }
  }
  return messenger;
}

/** The Bot Framework endpoint's credentials, who may call it and the hosts it may answer. */
export interface BotFrameworkSettings {
  readonly botFramework: BotFrameworkConfig;
  readonly botFrameworkAccess: BotFrameworkAccess;
  readonly botFrameworkServiceHosts: readonly string[];
}

/** Reads the Bot Framework credentials, then who may call the endpoint and which hosts it answers. */
export function parseBotFramework(read: ReadVariable, production: boolean): BotFrameworkSettings {
  const botFramework = Object.freeze({
    MicrosoftAppId: read('MicrosoftAppId') ?? '',
    MicrosoftAppPassword: read('MicrosoftAppPassword') ?? '',
    MicrosoftAppType: read('MicrosoftAppType') ?? (read('MicrosoftAppId') ? 'MultiTenant' : ''),
    MicrosoftAppTenantId: read('MicrosoftAppTenantId') ?? '',
  });
  const botFrameworkAccess = parseBotFrameworkAccess(read('BOT_FRAMEWORK_LOCAL'), botFramework, production);
  const botFrameworkServiceHosts = Object.freeze(
    parseHosts(
      read('BOT_FRAMEWORK_SERVICE_HOSTS'),
      botFrameworkAccess === 'authenticated' ? BOT_FRAMEWORK_HOSTS : LOOPBACK_HOSTS,
    ),
  );
  return { botFramework, botFrameworkAccess, botFrameworkServiceHosts };
}
/** The development key of personal links when neither `LINK_SECRET` nor an app secret is set. */
const DEVELOPMENT_LINK_SECRET = 'voisins-solidaires/development-links';

/**
 * The key of personal m.me links: `LINK_SECRET` (16 characters or more in production), else
 * one derived from the Messenger app secret (so that it changes with it), else, outside
 * production, a development key.
 */
export function parseLinkSecret(
  given: string | undefined,
  appSecret: string | undefined,
  production: boolean,
): string {
  if (given !== undefined) {
    if (production && given.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`LINK_SECRET must be at least ${MIN_SECRET_LENGTH} characters in production`);
    }
    return given;
  }
  if (appSecret !== undefined)
    return createHmac('sha256', appSecret).update('voisins-solidaires/link-refs').digest('hex');
  if (production) throw new ConfigError('LINK_SECRET must be set in production without Messenger');
  return DEVELOPMENT_LINK_SECRET;
}

/**
 * Who may use the Bot Framework endpoint: token holders when an app id is set; otherwise
 * callers on this machine (`BOT_FRAMEWORK_LOCAL=loopback`, the default outside production)
 * or nobody (`off`, and always in production).
 */
function parseBotFrameworkAccess(
  local: string | undefined,
  credentials: BotFrameworkConfig,
  production: boolean,
): BotFrameworkAccess {
  if (local !== undefined && local !== 'loopback' && local !== 'off') {
    throw new ConfigError('BOT_FRAMEWORK_LOCAL must be loopback or off');
  }
  if (credentials.MicrosoftAppId !== '') {
    if (credentials.MicrosoftAppPassword === '' && credentials.MicrosoftAppType !== 'UserAssignedMSI') {
      throw new ConfigError('MicrosoftAppPassword must be set with MicrosoftAppId');
    }
    return 'authenticated';
  }
  if (production) {
    if (local === 'loopback') {
      throw new ConfigError(
        'BOT_FRAMEWORK_LOCAL=loopback is for development: set MicrosoftAppId in production',
      );
    }
    return 'off';
  }
  return local ?? 'loopback';
}
