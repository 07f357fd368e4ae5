/**
 * The staff's side: e-mail to referents and admins (SMTP, its outbox, the French e-mails)
 * and the referents' console (sign-in, figures).
 */
import { createMailer, MailOutbox } from '../../services/mail';
import { StaffAccess } from '../../services/moderation';
import { createConsoleFigures } from '../console/figures/figures';
import type { PartFactories } from '../parts';
import { StaffMailer } from '../staffMailer';

/** The staff's e-mail and console parts, by name. */
export const staffParts = {
  mailer: (c) => createMailer({ smtpUrl: c.config.mail.smtpUrl, from: c.config.mail.from, logger: c.logger }),
  mailOutbox: (c) =>
    new MailOutbox({ db: c.get('db'), mailer: c.get('mailer'), clock: c.clock, logger: c.logger }),
  staffMailer: (c) =>
    new StaffMailer({
      outbox: c.get('mailOutbox'),
      mailer: c.get('mailer'),
      publicBaseUrl: c.config.publicUrl,
      logger: c.logger,
    }),
  staffAccess: (c) => {
    const { moderators, audit } = c.get('moderation');
    return new StaffAccess({ db: c.get('db'), clock: c.clock, moderators, audit });
  },
  figures: (c) => createConsoleFigures(c.get('db'), c.clock),
} satisfies Partial<PartFactories>;
