/**
 * Structured, single-line JSON logging.
 *
 * @remarks
 * Log lines carry identifiers and counts only: never a message text, a phone number,
 * an e-mail, an address or a secret. Callers pass such values through {@link redactId}
 * when an identifier must be correlated without being readable.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * A person's id on its way to a log line: the logger writes a keyed hash of it, never the
 * id (see {@link redactId}). Serialised by anything else, it shows nothing.
 */
export class PersonTag {
  readonly #id: string;

  constructor(id: string) {
    this.#id = id;
  }

  /** The tag of this id under `key`: 16 hex digits of HMAC-SHA256. */
  tagWith(key: Buffer): string {
    return createHmac('sha256', key).update(this.#id).digest('hex').slice(0, 16);
  }
}

/** Fields attached to a log line: identifiers, counts, codes, people as {@link PersonTag}. */
export type LogFields = Record<string, string | number | boolean | null | undefined | PersonTag>;

/** What the application logs through; tests pass {@link silentLogger} or a recorder. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; defaults to standard error. */
  write?: (line: string) => void;
  /** Clock for the timestamp. */
  now?: () => Date;
  /**
   * Key of the hash that stands for a person ({@link redactId}); random per process when
   * absent (tags then match within one process only).
   */
  idKey?: string | Buffer;
}

/** A logger writing one JSON object per line. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LEVELS[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const key = options.idKey === undefined ? randomBytes(32) : Buffer.from(options.idKey);
  const replacer = (_name: string, value: unknown): unknown =>
    value instanceof PersonTag ? value.tagWith(key) : value;
  const log =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}): void => {
      if (LEVELS[level] < threshold) return;
      write(JSON.stringify({ time: now().toISOString(), level, msg: message, ...fields }, replacer));
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** A logger that drops everything. */
export const silentLogger: Logger = Object.freeze({
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
});

/**
 * A person's id (or anything that contains one, such as an event key) as a log field: the
 * logger writes a keyed hash (HMAC with its secret key), stable for correlating lines, and
 * which nobody without the key can link back to the id, even by trying every psid.
 */
export function redactId(id: string): PersonTag {
  return new PersonTag(id);
}

/** The key of the log hash: `LOG_HASH_KEY`, else one derived from a secret the instances share. */
export function logHashKey(
  explicit: string | undefined,
  sharedSecret: string | undefined,
): string | undefined {
  if (explicit !== undefined) return explicit;
  if (sharedSecret === undefined) return undefined;
  return createHmac('sha256', sharedSecret).update('voisins-solidaires/log-ids').digest('hex');
}
