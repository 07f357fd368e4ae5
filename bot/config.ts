/**
 * Configuration, read once from the environment (and an optional `.env`), validated,
 * typed and frozen.
 *
 * @remarks
 * A missing or malformed value stops start-up with a {@link ConfigError} naming the
 * variable. Nothing else in the application reads `process.env`. The shapes are in
 * `configTypes.ts`, the channels' credentials in `configChannels.ts`, the value checks in
 * `configValues.ts`.
 */
import { parseBotFramework, parseLinkSecret, parseMessenger } from './configChannels';
import type { AppConfig, Env } from './configTypes';
import {
  ConfigError,
  MIN_SECRET_LENGTH,
  parseHours,
  parseMailFrom,
  parseMinutes,
  parsePort,
  parseSmtpUrl,
  parseTileUrl,
  parseUrl,
  variablesOf,
} from './configValues';

export { ConfigError };
export type {
  AppConfig,
  BotFrameworkAccess,
  BotFrameworkConfig,
  Env,
  MailConfig,
  MessengerConfig,
} from './configTypes';

/** Placeholder page username until `MESSENGER_PAGE_NAME` is set. */
const DEFAULT_PAGE_NAME = 'VoisinsSolidairesMiramas';
/** A week, the longest delay a task may be given. */
const WEEK_MINUTES = 7 * 24 * 60;

/** Validates `env` into a frozen {@link AppConfig}; throws {@link ConfigError} on the first problem. */
export function parseConfig(env: Env): AppConfig {
  const read = variablesOf(env);

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

  const messenger = parseMessenger(read, production);

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

  const { botFramework, botFrameworkAccess, botFrameworkServiceHosts } = parseBotFramework(read, production);

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
