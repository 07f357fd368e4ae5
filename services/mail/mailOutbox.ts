/**
 * The mail outbox (collection `mail_outbox`): every e-mail is stored before it is sent, sent
 * at once, and retried with backoff by the `mail-retry` job until the SMTP server takes it,
 * so a failed send never loses the fact that someone must be told.
 *
 * @remarks
 * A record holds what a retry needs (one address, the subject and the text, which carry no
 * resident's personal data by construction: see dialogs/notices/mail.ts) and is forgotten by
 * a TTL index: 2 days after it was sent, 14 days after it was stored otherwise. Each message
 * has a key by meaning (`task:<id>:urgent:<psid>`): the same key is stored and sent once.
 */
import { MongoServerError, type Collection, type Db } from 'mongodb';
import type { Clock } from '../clock';
import { isTransient } from '../errors';
import type { Logger } from '../logger';
import type { Mailer, MailMessage } from './types';

/** Name of the mail outbox collection. */
export const MAIL_OUTBOX_COLLECTION = 'mail_outbox';

/** Minutes to wait after the n-th failed attempt (the last value repeats). */
export const MAIL_RETRY_MINUTES: readonly number[] = [1, 5, 15, 60, 180, 360];
/** Attempts before a message is given up (about a day and a half of retries). */
export const MAIL_MAX_ATTEMPTS = 10;
/** Minutes a claimed message is left to its sender before another run may try it. */
const CLAIM_MINUTES = 2;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Where a message stands. */
export type MailStatus = 'pending' | 'sent' | 'failed';

/** One e-mail, as stored. */
export interface MailDocument {
  /** The message's key by meaning. */
  _id: string;
  message: MailMessage;
  status: MailStatus;
  attempts: number;
  /** When the next attempt may be made (pending messages). */
  nextAttemptAt: Date;
  createdAt: Date;
  sentAt?: Date;
  /** The last failure's code, never its text (SMTP replies may quote the address). */
  lastError?: string;
  /** The TTL index forgets the record after this. */
  expiresAt: Date;
}

/** What {@link MailOutbox.send} did. */
export type MailOutboxResult = 'sent' | 'retrying' | 'failed' | 'duplicate';

/** Options of {@link MailOutbox}. */
export interface MailOutboxOptions {
  db: Db;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
}

/** The occasion of a key (`task:<id>:urgent:<psid>` → `task`): loggable, unlike the key's ids. */
function occasionOf(key: string): string {
  return key.split(':')[0];
}

/** A failure's code (nodemailer's `EENVELOPE`, `ECONNECTION`...), never its text. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'unknown';
}

/** The SMTP reply code of a refusal (550...), when the server gave one. */
function responseCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown } | undefined)?.responseCode;
  return typeof code === 'number' ? code : undefined;
}

/** Stores, sends and retries e-mails. */
export class MailOutbox {
  private readonly collection: Collection<MailDocument>;
  /** The attempts {@link queue} started and that have not settled yet. */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly options: MailOutboxOptions) {
    this.collection = options.db.collection<MailDocument>(MAIL_OUTBOX_COLLECTION);
  }

  /** Whether e-mail is on (an `SMTP_URL` is configured). */
  get enabled(): boolean {
    return this.options.mailer.enabled;
  }

  /** Creates the indexes of `mail_outbox` (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndexes([
      { key: { status: 1, nextAttemptAt: 1 }, name: 'due' },
      { key: { expiresAt: 1 }, name: 'forget_old', expireAfterSeconds: 0 },
    ]);
  }

  /**
   * Stores `message` under `key`, then tries it once; a message already stored under `key`
   * is not sent again.
   *
   * @returns what became of it now (`retrying`: the `mail-retry` job tries again).
   */
  async send(key: string, message: MailMessage): Promise<MailOutboxResult> {
    const now = this.options.clock();
    if (!(await this.store(key, message, now))) return 'duplicate';
    return (await this.attempt(key, now)) ?? 'retrying';
  }

  /**
   * Stores `message` under `key` and tries it in the background: a resident's turn that
   * creates an urgent task never waits for the SMTP server (up to its timeouts when it hangs);
   * what fails is retried by `mail-retry`, from the record.
   *
   * @returns `queued`, or `duplicate` when a message is already stored under `key`.
   */
  async queue(key: string, message: MailMessage): Promise<'queued' | 'duplicate'> {
    const now = this.options.clock();
    if (!(await this.store(key, message, now))) return 'duplicate';
    const attempt = this.attempt(key, now).then(
      () => undefined,
      (error: unknown) => {
        // The record stays pending: `mail-retry` takes it once its claim lapses.
        this.options.logger.warn('e-mail attempt failed', {
          occasion: occasionOf(key),
          error: errorCode(error),
        });
      },
    );
    this.inFlight.add(attempt);
    void attempt.finally(() => this.inFlight.delete(attempt));
    return 'queued';
  }

  /** Resolves once the background attempts this instance started have settled (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  /** Inserts the pending record; false when `key` is already stored. */
  private async store(key: string, message: MailMessage, now: Date): Promise<boolean> {
    try {
      await this.collection.insertOne({
        _id: key,
        message,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
        expiresAt: new Date(now.getTime() + 14 * DAY_MS),
      });
      return true;
    } catch (error) {
      if (error instanceof MongoServerError && error.code === 11000) return false;
      throw error;
    }
  }

  /** Tries every pending message whose time has come, `limit` at most; counts what happened. */
  async deliverDue(now: Date, limit = 100): Promise<Record<MailOutboxResult, number>> {
    const counts: Record<MailOutboxResult, number> = { sent: 0, retrying: 0, failed: 0, duplicate: 0 };
    const due = await this.collection
      .find({ status: 'pending', nextAttemptAt: { $lte: now } })
      .project<{ _id: string }>({ _id: 1 })
      .sort({ nextAttemptAt: 1 })
      .limit(limit)
      .toArray();
    for (const { _id } of due) {
      const result = await this.attempt(_id, now);
      if (result) counts[result] += 1;
    }
    return counts;
  }

  /** The stored message (tests and diagnostics). */
  get(key: string): Promise<MailDocument | null> {
    return this.collection.findOne({ _id: key });
  }

  /** Claims the message and sends it; undefined when another sender holds it or it is done. */
  private async attempt(key: string, now: Date): Promise<MailOutboxResult | undefined> {
    const claimed = await this.collection.findOneAndUpdate(
      { _id: key, status: 'pending', nextAttemptAt: { $lte: now } },
      { $set: { nextAttemptAt: new Date(now.getTime() + CLAIM_MINUTES * MINUTE_MS) }, $inc: { attempts: 1 } },
      { returnDocument: 'after' },
    );
    if (!claimed) return undefined;
    const occasion = occasionOf(key);
    try {
      const result = await this.options.mailer.send(claimed.message);
      if (result === 'off') {
        // E-mail was turned off since it was stored: nothing can be sent, the record says so.
        await this.collection.updateOne({ _id: key }, { $set: { status: 'failed', lastError: 'mail_off' } });
        return 'failed';
      }
      const sentAt = this.options.clock();
      await this.collection.updateOne(
        { _id: key },
        { $set: { status: 'sent', sentAt, expiresAt: new Date(sentAt.getTime() + 2 * DAY_MS) } },
      );
      this.options.logger.info('e-mail sent', { occasion, attempts: claimed.attempts });
      return 'sent';
    } catch (error) {
      const lastError = errorCode(error);
      const giveUp = !isTransient(error) || claimed.attempts >= MAIL_MAX_ATTEMPTS;
      const wait = MAIL_RETRY_MINUTES[Math.min(claimed.attempts, MAIL_RETRY_MINUTES.length) - 1];
      await this.collection.updateOne(
        { _id: key },
        giveUp
          ? { $set: { status: 'failed', lastError } }
          : { $set: { lastError, nextAttemptAt: new Date(now.getTime() + wait * MINUTE_MS) } },
      );
      // Not the error's message: an SMTP refusal quotes the recipient's address.
      const fields = {
        occasion,
        attempts: claimed.attempts,
        error: lastError,
        response: responseCode(error),
      };
      if (giveUp) this.options.logger.error('e-mail given up', fields);
      else this.options.logger.warn('e-mail not sent, will retry', fields);
      return giveUp ? 'failed' : 'retrying';
    }
  }
}
