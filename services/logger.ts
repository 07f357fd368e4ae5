/**
 * Structured, single-line JSON logging.
 *
 * @remarks
 * Log lines carry identifiers and counts only: never a message text, a phone number,
 * an e-mail, an address or a secret. Callers pass such values through {@link redactId}
 * when an identifier must be correlated without being readable.
 */
import { createHash } from 'node:crypto';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Fields attached to a log line: identifiers, counts, codes. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

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
}

/** A logger writing one JSON object per line. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = LEVELS[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const log =
    (level: LogLevel) =>
    (message: string, fields: LogFields = {}): void => {
      if (LEVELS[level] < threshold) return;
      write(JSON.stringify({ time: now().toISOString(), level, msg: message, ...fields }));
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
 * A short, stable, non-reversible tag for a page-scoped id, so that log lines about one
 * person can be correlated without the id itself appearing in the logs.
 */
export function redactId(id: string): string {
  return createHash('sha256').update(id).digest('hex').slice(0, 10);
}
