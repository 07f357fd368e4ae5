/**
 * The shapes of the validated configuration ({@link AppConfig} and its parts), apart from
 * the parsing in `config.ts` that builds them.
 */

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
