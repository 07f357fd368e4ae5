/**
 * What the e-mail floor sends and to whom: plain messages, staff recipients and the port a
 * module declares to have its notices e-mailed.
 */
import type { Notice } from '../messaging/notifier';

/** One e-mail, already rendered (French, plain text; HTML optional). */
export interface MailMessage {
  /** One address per message: staff never see each other's addresses. */
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** What became of a message handed to a {@link Mailer}. */
export type MailSendResult = 'sent' | 'off';

/**
 * Sends one message through SMTP (or nowhere, when e-mail is off).
 *
 * @remarks
 * One attempt; the retries are {@link MailOutbox}'s. Throws a `CodedError` whose
 * `transient` says whether trying again may help.
 */
export interface Mailer {
  /** False when no `SMTP_URL` is configured: every send is a no-op that says so. */
  readonly enabled: boolean;
  send(message: MailMessage): Promise<MailSendResult>;
}

/** A referent or admin who may be e-mailed. */
export interface StaffRecipient {
  psid: string;
  name: string;
  email: string;
}

/** What became of a notice e-mailed to staff. */
export type MailOutcome =
  /** Stored in the mail outbox for every recipient (sent at once or retried). */
  | 'queued'
  /** E-mail is off (no `SMTP_URL`): nothing sent. */
  | 'off'
  /** Nobody to write to (no recipient with an address). */
  | 'nobody';

/**
 * E-mails a module's notice to staff, one message per recipient.
 *
 * @remarks
 * The port a module declares with its notice union, like `Notifier<N>`; implemented in bot/
 * by rendering the notice in French and storing it in the mail outbox. `key` names the
 * occasion (`task:<id>:urgent`): the same key and recipient are e-mailed once.
 */
export type MailNotifier<N extends Notice = Notice> = (
  recipients: readonly StaffRecipient[],
  notice: N,
  key: string,
) => Promise<MailOutcome>;

/** A syntactically plausible e-mail address (one `@`, a dotted domain, no spaces), at most 254 characters. */
export function isEmailAddress(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 254 &&
    /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/.test(
      value,
    )
  );
}
