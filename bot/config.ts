/**
 * Configuration, read once from the environment (and an optional `.env`), validated,
 * typed and frozen.
 *
 * @remarks
 * A missing or malformed value stops start-up with a {@link ConfigError} naming the
 * variable. Nothing else in the application reads `process.env`.
 */
import { createHmac } from 'node:crypto';
import {
  ConfigError,
  parseHosts,
  parseHours,
  parseMailFrom,
  parseMinutes,
  parsePort,
  parseSmtpUrl,
  parseTileUrl,
  parseUrl,
} from './configValues';

export { ConfigError };

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

/**
 * Who may use `POST /api/messages`: Bot Framework callers with a valid token
 * (`authenticated`, when `MicrosoftAppId` is set), callers on this machine only (`loopback`,
 * the default without credentials outside production: the Emulator, local tests), or nobody
 * (`off`, the default in production without credentials).
 */
export type BotFrameworkAccess = 'authenticated' | 'loopback' | 'off';

/** E-mail to referents and admins; off when `smtpUrl` is undefined. */
export interface MailConfig {
  /** `SMTP_URL`, e.g. `smtp://user:pass@host:587` (never logged: it holds a password). */
  readonly smtpUrl: string | undefined;
  /** `MAIL_FROM`, the sender (`Voisins Solidaires <bot@example.org>`); required with `SMTP_URL`. */
  readonly from: string;
}

/** The whole, validated configuration. */
export interface AppConfig {
  /** `NODE_ENV=production`: stricter checks (secret lengths, no unauthenticated Bot Framework). */
  readonly production: boolean;
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
  /**
   * The page's username as in `https://m.me/<name>` (posters, e-mails), or its id; the
   * default is a placeholder to replace before printing.
   */
  readonly messengerPageName: string;
  /** True when {@link messengerPageName} is the placeholder (nothing configured). */
  readonly messengerPageNameIsDefault: boolean;
  /** Answer a comment publicly too ("Nous vous avons écrit en message privé"), besides the private reply. */
  readonly commentsPublicAnswer: boolean;
  readonly geocoderUrl: string;
  readonly botFramework: BotFrameworkConfig;
  readonly botFrameworkAccess: BotFrameworkAccess;
  /**
   * Hosts a Bot Framework `serviceUrl` may point to (`*.example.com` also allows its
   * subdomains); the bot never calls any other.
   */
  readonly botFrameworkServiceHosts: readonly string[];
  /** Webhook events older than this are ignored (Meta retries for about an hour). */
  readonly maxEventAgeMinutes: number;
  /** Key of the keyed hash that stands for a person in log lines. */
  readonly logHashKey: string | undefined;
  /**
   * Key of the signed refs of personal m.me links (a request e-mailed to a helper):
   * `LINK_SECRET`, by default derived from the Messenger app secret.
   */
  readonly linkSecret: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Whether this instance processes the inbox (an instance may only take webhooks in). */
  readonly inboxWorker: boolean;
  /** Hours a helper has to answer a request before the next offer is asked. */
  readonly matchTimeoutHours: number;
  /** Hours after a match was accepted before both sides are asked how it went. */
  readonly followUpAfterHours: number;
  /**
   * Fairness: times a helper may be put forward in a day (suggested to an author or asked),
   * `MATCH_HELPER_MAX_PER_DAY`, 3 by default.
   */
  readonly helperAsksPerDay: number;
  /** E-mail to the staff (`SMTP_URL`, `MAIL_FROM`). */
  readonly mail: MailConfig;
  /** Minutes a referent has to take a task before it is due (`TASK_DUE_MINUTES`, 120). */
  readonly taskDueMinutes: number;
  /** The same for an urgent task (`TASK_URGENT_DUE_MINUTES`, 30). */
  readonly urgentTaskDueMinutes: number;
  /**
   * Minutes an untaken task may stay past its due time before the admins are told
   * (`TASK_ESCALATION_DELAY_MINUTES`, 0).
   */
  readonly taskEscalationDelayMinutes: number;
  /**
   * Where the bot is reached from outside (`PUBLIC_URL`, no trailing slash), for the console's
   * links; `http://localhost:<port>` by default. An https URL makes the console's cookie `Secure`.
   */
  readonly publicUrl: string;
  /** The Page's inbox, where a referent answers a conversation handed over (`PAGE_INBOX_URL`). */
  readonly pageInboxUrl: string;
  /** The console map's tile server (`MAP_TILE_URL`), '' for none: see `parseTileUrl`. */
  readonly mapTileUrl: string;
}

/** The environment as a plain map of strings. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Where the Bot Framework service and its channels live (Azure public and government clouds). */
const BOT_FRAMEWORK_HOSTS = ['*.botframework.com', '*.botframework.azure.us', 'smba.trafficmanager.net'];
/** Where the Bot Framework Emulator listens. */
/** Placeholder page username until `MESSENGER_PAGE_NAME` is set. */
const DEFAULT_PAGE_NAME = 'VoisinsSolidairesMiramas';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
/** A week, the longest delay a task may be given. */
const WEEK_MINUTES = 7 * 24 * 60;
/** The shortest app secret or verify token accepted in production. */
const MIN_SECRET_LENGTH = 16;

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

  const production = read('NODE_ENV') === 'production';
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

  const graphApiVersion = read('GRAPH_API_VERSION') ?? 'v25.0';
  if (!/^v\d+\.\d+$/.test(graphApiVersion)) throw new ConfigError('GRAPH_API_VERSION must look like v25.0');
  const pageInboxAppId = read('PAGE_INBOX_APP_ID') ?? '263902037430900';
  if (!/^\d+$/.test(pageInboxAppId)) throw new ConfigError('PAGE_INBOX_APP_ID must be digits');

  const messengerAppId = read('MESSENGER_APP_ID');
  if (messengerAppId !== undefined && !/^\d+$/.test(messengerAppId)) {
    throw new ConfigError('MESSENGER_APP_ID must be digits');
  }

  const configuredPageName = read('MESSENGER_PAGE_NAME') ?? messenger?.pageId;
  if (configuredPageName !== undefined && !/^[A-Za-z0-9.]{1,100}$/.test(configuredPageName)) {
    throw new ConfigError(
      'MESSENGER_PAGE_NAME must be the page username of https://m.me/<name> (letters, digits, dots)',
    );
  }

  const commentsPublicAnswer = read('COMMENTS_PUBLIC_ANSWER') ?? 'on';
  if (commentsPublicAnswer !== 'on' && commentsPublicAnswer !== 'off')
    throw new ConfigError('COMMENTS_PUBLIC_ANSWER must be on or off');

  const inboxWorker = read('INBOX_WORKER') ?? 'on';
  if (inboxWorker !== 'on' && inboxWorker !== 'off') throw new ConfigError('INBOX_WORKER must be on or off');

  const matchTimeoutHours = parseHours('MATCH_TIMEOUT_HOURS', read('MATCH_TIMEOUT_HOURS') ?? '6');
  const followUpAfterHours = parseHours('FOLLOW_UP_AFTER_HOURS', read('FOLLOW_UP_AFTER_HOURS') ?? '20');
  const helperAsksPerDay = Number(read('MATCH_HELPER_MAX_PER_DAY') ?? '3');
  if (!Number.isInteger(helperAsksPerDay) || helperAsksPerDay < 1 || helperAsksPerDay > 50)
    throw new ConfigError('MATCH_HELPER_MAX_PER_DAY must be a whole number from 1 to 50');

  const taskDueMinutes = parseMinutes('TASK_DUE_MINUTES', read('TASK_DUE_MINUTES') ?? '120', 5, WEEK_MINUTES);
  const urgentTaskDueMinutes = parseMinutes(
    'TASK_URGENT_DUE_MINUTES',
    read('TASK_URGENT_DUE_MINUTES') ?? '30',
    5,
    WEEK_MINUTES,
  );
  if (urgentTaskDueMinutes > taskDueMinutes) {
    throw new ConfigError(
      `TASK_URGENT_DUE_MINUTES (${urgentTaskDueMinutes}) must not be longer than TASK_DUE_MINUTES (${taskDueMinutes})`,
    );
  }
  const taskEscalationDelayMinutes = parseMinutes(
    'TASK_ESCALATION_DELAY_MINUTES',
    read('TASK_ESCALATION_DELAY_MINUTES') ?? '0',
    0,
    WEEK_MINUTES,
  );

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

  const maxEventAgeMinutes = Number(read('MESSENGER_MAX_EVENT_AGE_MINUTES') ?? '180');
  if (!Number.isInteger(maxEventAgeMinutes) || maxEventAgeMinutes < 75 || maxEventAgeMinutes > 10_080) {
    throw new ConfigError(
      'MESSENGER_MAX_EVENT_AGE_MINUTES must be a whole number of minutes from 75 to 10080',
    );
  }
  const logHashKey = read('LOG_HASH_KEY');
  if (logHashKey !== undefined && logHashKey.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`LOG_HASH_KEY must be at least ${MIN_SECRET_LENGTH} characters`);
  }

  const linkSecret = parseLinkSecret(read('LINK_SECRET'), messenger?.appSecret, production);

  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (logLevel !== 'debug' && logLevel !== 'info' && logLevel !== 'warn' && logLevel !== 'error') {
    throw new ConfigError('LOG_LEVEL must be debug, info, warn or error');
  }

  const smtpUrl = parseSmtpUrl(read('SMTP_URL'));
  const mailFrom = read('MAIL_FROM');
  if (smtpUrl !== undefined && mailFrom === undefined) {
    throw new ConfigError('MAIL_FROM must be set with SMTP_URL (the sender of the e-mails)');
  }
  const mail = Object.freeze({
    smtpUrl,
    from: parseMailFrom(mailFrom ?? 'Voisins Solidaires Miramas <no-reply@localhost>'),
  });

  return Object.freeze({
    production,
    port,
    mongodbUri,
    mongodbDb,
    messenger,
    graphApiUrl: parseUrl('GRAPH_API_URL', read('GRAPH_API_URL') ?? 'https://graph.facebook.com'),
    graphApiVersion,
    pageInboxAppId,
    messengerAppId,
    messengerPageName: configuredPageName ?? DEFAULT_PAGE_NAME,
    messengerPageNameIsDefault: configuredPageName === undefined,
    commentsPublicAnswer: commentsPublicAnswer === 'on',
    geocoderUrl: parseUrl('GEOCODER_URL', read('GEOCODER_URL') ?? 'https://api-adresse.data.gouv.fr'),
    botFramework,
    botFrameworkAccess,
    botFrameworkServiceHosts,
    maxEventAgeMinutes,
    logHashKey,
    linkSecret,
    logLevel,
    inboxWorker: inboxWorker === 'on',
    matchTimeoutHours,
    followUpAfterHours,
    helperAsksPerDay,
    mail,
    taskDueMinutes,
    urgentTaskDueMinutes,
    taskEscalationDelayMinutes,
    publicUrl: parseUrl('PUBLIC_URL', read('PUBLIC_URL') ?? `http://localhost:${port}`),
    pageInboxUrl: parseUrl(
      'PAGE_INBOX_URL',
      read('PAGE_INBOX_URL') ?? 'https://business.facebook.com/latest/inbox',
    ),
    mapTileUrl: parseTileUrl(env.MAP_TILE_URL, production),
  });
}

/** The development key of personal links when neither `LINK_SECRET` nor an app secret is set. */
const DEVELOPMENT_LINK_SECRET = 'voisins-solidaires/development-links';

/**
 * The key of personal m.me links: `LINK_SECRET` (16 characters or more in production), else
 * one derived from the Messenger app secret (so that it changes with it), else, outside
 * production, a development key.
 */
function parseLinkSecret(
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
