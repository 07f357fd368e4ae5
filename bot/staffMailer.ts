/**
 * E-mail to the staff as the application sends it: the modules' notices rendered in French
 * (dialogs/notices/mail.ts) and stored in the mail outbox, and the console's sign-in link.
 */
import { consoleLinks, isStaffMailNotice, renderStaffMail, type ConsoleLinks } from '../dialogs/notices/mail';
import { CodedError, ErrorCode } from '../services/errors';
import { redactId, type Logger } from '../services/logger';
import { isEmailAddress, type Mailer, type MailNotifier, type MailOutbox } from '../services/mail';

/** Options of {@link StaffMailer}. */
export interface StaffMailerOptions {
  outbox: Pick<MailOutbox, 'queue' | 'enabled'>;
  /** Sends the sign-in links directly (they are never stored). */
  mailer: Mailer;
  /** `PUBLIC_URL`: where the console's links point. */
  publicBaseUrl: string;
  logger: Logger;
}

/** Who may receive a sign-in link. */
export interface LoginLinkRecipient {
  psid: string;
  name: string;
  email?: string;
}

/** What became of a sign-in link. */
export type LoginLinkResult = 'sent' | 'off' | 'no_address';

/** The staff's e-mail. */
export class StaffMailer {
  private readonly links: ConsoleLinks;

  constructor(private readonly options: StaffMailerOptions) {
    this.links = consoleLinks(options.publicBaseUrl);
  }

  /**
   * The {@link MailNotifier} the modules are given: one message per recipient, stored under
   * `<key>:<psid>` (so each is e-mailed once) and sent at once in the background (the turn
   * that created an urgent task does not wait for the SMTP server), retried by `mail-retry`.
   *
   * @throws CodedError `not_supported` for a notice nobody renders as an e-mail.
   */
  readonly notify: MailNotifier = async (recipients, notice, key) => {
    if (!isStaffMailNotice(notice)) {
      throw new CodedError(ErrorCode.NotSupported, `no e-mail for the notice ${notice.type}`);
    }
    if (!this.options.outbox.enabled) return 'off';
    if (recipients.length === 0) return 'nobody';
    for (const recipient of recipients) {
      const { subject, text } = renderStaffMail(notice, recipient, this.links);
      await this.options.outbox.queue(`${key}:${recipient.psid}`, { to: recipient.email, subject, text });
    }
    return 'queued';
  };

  /**
   * E-mails the console's sign-in link ("valable 15 minutes"), once, at once: a link is a
   * credential, so it is neither stored nor retried (the referent asks again).
   *
   * @throws CodedError `mail_failed` when the SMTP server did not take it.
   */
  async sendLoginLink(moderator: LoginLinkRecipient, url: string): Promise<LoginLinkResult> {
    if (!this.options.mailer.enabled) return 'off';
    if (!isEmailAddress(moderator.email)) return 'no_address';
    const { subject, text } = renderStaffMail(
      { type: 'staff.loginLink', url },
      { psid: moderator.psid, name: moderator.name, email: moderator.email },
      this.links,
    );
    await this.options.mailer.send({ to: moderator.email, subject, text });
    this.options.logger.info('sign-in link e-mailed', { moderator: redactId(moderator.psid) });
    return 'sent';
  }
}
