/**
 * E-mail to referents and admins: the SMTP mailer, the durable mail outbox and its retry job.
 *
 * @remarks
 * Platform floor: no French and no knowledge of who is who. Modules declare a
 * {@link MailNotifier} port with their notice union; bot/ renders the notices
 * (dialogs/notices/mail.ts) and stores them in the {@link MailOutbox}.
 */
export * from './types';
export * from './smtpMailer';
export * from './mailOutbox';
export * from './jobs';
