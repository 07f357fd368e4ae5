/**
 * The mail outbox's scheduled job, scheduled by name (services/jobs/scheduler.ts).
 */
import type { Job } from '../jobs/types';
import type { MailOutbox } from './mailOutbox';

/**
 * `mail-retry`, every 5 minutes (Europe/Paris): an e-mail the SMTP server did not take is
 * tried again with backoff, until it is sent or given up.
 */
export function createMailRetryJob(outbox: Pick<MailOutbox, 'deliverDue'>): Job {
  return {
    name: 'mail-retry',
    description: 'Sends again the e-mails the SMTP server did not take (with backoff)',
    schedule: '*/5 * * * *',
    run: ({ now }) => outbox.deliverDue(now),
  };
}
