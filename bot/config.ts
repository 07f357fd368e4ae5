/**
 * Configuration, read once from the environment (and an optional `.env`), validated,
 * typed and frozen.
 *
 * @remarks
 * A missing or malformed value stops start-up with a {@link ConfigError} naming the
 * variable. Nothing else in the application reads `process.env`.
 */
import { CodedError, ErrorCode } from '../services/errors';

/** Raised when a variable is missing or malformed; its message names the variable. */
export class ConfigError extends CodedError {
  constructor(message: string) {
    super(ErrorCode.ConfigInvalid, message);
  }
}

/** The Messenger channel, on only when its three secrets are set. */
export interface MessengerConfig {
  readonly appSecret: string;
  readonly verifyToken: string;
  readonly pageAccessToken: string;
  readonly pageId: string | undefined;
}

/** Bot Framework authentication, passed to `ConfigurationBotFrameworkAuthentication`. */
export interface BotFrameworkConfig {
  readonly MicrosoftAppId: string;
  readonly MicrosoftAppPassword: string;
  readonly MicrosoftAppType: string;
  readonly MicrosoftAppTenantId: string;
}

/** The whole, validated configuration. */
export interface AppConfig {
  readonly port: number;
  /** Unset: the local engine is started. */
  readonly mongodbUri: string | undefined;
  readonly mongodbDb: string;
  readonly messenger: MessengerConfig | undefined;
  readonly graphApiUrl: string;
  readonly graphApiVersion: string;
  readonly pageInboxAppId: string;
  /** Our own Meta app id (tells our echoes from the page inbox's); optional. */
  readonly messengerAppId: string | undefined;
  readonly geocoderUrl: string;
  readonly botFramework: BotFrameworkConfig;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Whether this instance processes the inbox (an instance may only take webhooks in). */
  readonly inboxWorker: boolean;
  /** Hours a helper has to answer a request before the next offer is asked. */
  readonly matchTimeoutHours: number;
  /** Hours after a match was accepted before both sides are asked how it went. */
  readonly followUpAfterHours: number;
}

/** The environment as a plain map of strings. */
export type Env = Readonly<Record<string, string | undefined>>;

const MESSENGER_REQUIRED = [
  'MESSENGER_APP_SECRET',
  'MESSENGER_VERIFY_TOKEN',
  'MESSENGER_PAGE_ACCESS_TOKEN',
] as const;

/** Validates `env` into a frozen {@link AppConfig}; throws {@link ConfigError} on the first problem. */
export function parseConfig(env: Env): AppConfig {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const port = parsePort(read('PORT') ?? '3978');
  const mongodbUri = read('MONGODB_URI');
  if (mongodbUri !== undefined && !/^mongodb(\+srv)?:\/\/\S+$/.test(mongodbUri)) {
    throw new ConfigError('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  }
  const mongodbDb = read('MONGODB_DB') ?? 'voisins';
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(mongodbDb)) {
    throw new ConfigError('MONGODB_DB must be 1 to 63 letters, digits, "_" or "-"');
  }

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

  const graphApiVersion = read('GRAPH_API_VERSION') ?? 'v25.0';
  if (!/^v\d+\.\d+$/.test(graphApiVersion)) throw new ConfigError('GRAPH_API_VERSION must look like v25.0');
  const pageInboxAppId = read('PAGE_INBOX_APP_ID') ?? '263902037430900';
  if (!/^\d+$/.test(pageInboxAppId)) throw new ConfigError('PAGE_INBOX_APP_ID must be digits');

  const messengerAppId = read('MESSENGER_APP_ID');
  if (messengerAppId !== undefined && !/^\d+$/.test(messengerAppId)) {
    throw new ConfigError('MESSENGER_APP_ID must be digits');
  }

  const inboxWorker = read('INBOX_WORKER') ?? 'on';
  if (inboxWorker !== 'on' && inboxWorker !== 'off') throw new ConfigError('INBOX_WORKER must be on or off');

  const matchTimeoutHours = parseHours('MATCH_TIMEOUT_HOURS', read('MATCH_TIMEOUT_HOURS') ?? '6');
  const followUpAfterHours = parseHours('FOLLOW_UP_AFTER_HOURS', read('FOLLOW_UP_AFTER_HOURS') ?? '20');

  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (logLevel !== 'debug' && logLevel !== 'info' && logLevel !== 'warn' && logLevel !== 'error') {
    throw new ConfigError('LOG_LEVEL must be debug, info, warn or error');
  }

  return Object.freeze({
    port,
    mongodbUri,
    mongodbDb,
    messenger,
    graphApiUrl: parseUrl('GRAPH_API_URL', read('GRAPH_API_URL') ?? 'https://graph.facebook.com'),
    graphApiVersion,
    pageInboxAppId,
    messengerAppId,
    geocoderUrl: parseUrl('GEOCODER_URL', read('GEOCODER_URL') ?? 'https://api-adresse.data.gouv.fr'),
    botFramework: Object.freeze({
      MicrosoftAppId: read('MicrosoftAppId') ?? '',
      MicrosoftAppPassword: read('MicrosoftAppPassword') ?? '',
      MicrosoftAppType: read('MicrosoftAppType') ?? (read('MicrosoftAppId') ? 'MultiTenant' : ''),
      MicrosoftAppTenantId: read('MicrosoftAppTenantId') ?? '',
    }),
    logLevel,
    inboxWorker: inboxWorker === 'on',
    matchTimeoutHours,
    followUpAfterHours,
  });
}

/** A number of hours from 1 to 168 (a week), decimals allowed. */
function parseHours(name: string, value: string): number {
  const hours = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || hours < 1 || hours > 168) {
    throw new ConfigError(`${name} must be a number of hours from 1 to 168`);
  }
  return hours;
}

/**
 * Reads the process environment, after loading `.env` from the working directory when it
 * exists (variables already set win).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError(`.env could not be read: ${(error as Error).message}`);
    }
  }
  return parseConfig(env);
}

/** The database the application uses, without credentials, for the start-up log. */
export function describeDatabase(uri: string, db: string): string {
  try {
    const url = new URL(uri);
    return `${url.protocol}//${url.host}/${db}`;
  } catch {
    return `(unparsable URI)/${db}`;
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535)
    throw new ConfigError('PORT must be a number from 1 to 65535');
  return port;
}

function parseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`${name} must be an http(s) URL`);
  return value.replace(/\/+$/, '');
}
