/**
 * The {@link Mailer} over nodemailer's SMTP transport, configured by `SMTP_URL` and
 * `MAIL_FROM`; without `SMTP_URL`, a mailer that sends nothing and says so.
 *
 * @remarks
 * nodemailer (about forty files) is loaded with the first message sent, never by an
 * instance without `SMTP_URL`.
 */
import type { Transporter } from 'nodemailer';
import { CodedError, ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { Mailer, MailMessage, MailSendResult } from './types';

/** Options of {@link createMailer}. */
export interface MailerOptions {
  /** `smtp://user:pass@host:587` or `smtps://…`; undefined turns e-mail off. */
  smtpUrl: string | undefined;
  /** The sender, `Voisins Solidaires <bot@example.org>`. */
  from: string;
  logger: Logger;
  /** Milliseconds for connecting and for each SMTP command; 20 s by default. */
  timeoutMs?: number;
}

/**
 * Builds the application's mailer; logs once that e-mail is off when `smtpUrl` is unset.
 * Never logs an address, a subject or a body.
 */
export function createMailer(options: MailerOptions): Mailer {
  const { logger } = options;
  if (options.smtpUrl === undefined) {
    logger.info('e-mail is off: SMTP_URL is not set, staff are not e-mailed');
    return {
      enabled: false,
      send: () => {
        logger.debug('e-mail is off: message not sent');
        return Promise.resolve('off');
      },
    };
  }
  const timeout = options.timeoutMs ?? 20_000;
  const url = new URL(options.smtpUrl);
  for (const [name, value] of [
    ['connectionTimeout', timeout],
    ['greetingTimeout', timeout],
    ['socketTimeout', timeout],
  ] as const) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(value));
  }
  let transport: Promise<Transporter> | undefined;
  return {
    enabled: true,
    async send(message: MailMessage): Promise<MailSendResult> {
      try {
        transport ??= import('nodemailer').then(({ default: nodemailer }) =>
          nodemailer.createTransport(url.toString()),
        );
        const smtp = await transport;
        await smtp.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
        });
        return 'sent';
      } catch (error) {
        throw mailError(error);
      }
    },
  };
}

/** SMTP reply codes 4xx and network failures are worth retrying; 5xx refusals are not. */
function mailError(error: unknown): CodedError {
  const details = error as { responseCode?: unknown; code?: unknown };
  const responseCode = typeof details.responseCode === 'number' ? details.responseCode : undefined;
  const transient = responseCode === undefined ? true : responseCode < 500;
  const code = typeof details.code === 'string' ? details.code : 'unknown';
  return new CodedError(
    ErrorCode.MailFailed,
    `e-mail not sent (${code}${responseCode ? ` ${responseCode}` : ''})`,
    {
      cause: error,
      transient,
    },
  );
}
