/**
 * Reaching a helper outside their Messenger window by e-mail: the matching module's
 * {@link HelperReach} port (see `HelperRequests.request` in services/matching).
 *
 * @remarks
 * Messenger lets the page write only within 24 hours of the person's last message, and most
 * helpers registered days ago. A helper who chose to be reached by e-mail (their contact's
 * channels include `email`) is sent the request in a few words (dialogs/notices/helperMail.ts)
 * with an m.me link carrying a signed ref that expires when the match stops waiting for them
 * (`MATCH_TIMEOUT_HOURS`); following it reopens the conversation on the request
 * (dialogs/referralAnswer.ts). The message goes through the durable mail outbox under the key
 * `helper-ask:<matchId>`, so a request is e-mailed once.
 */
import { withLocale, type Locale } from '../services/i18n';
import { redactId, type Logger } from '../services/logger';
import { isEmailAddress, type MailOutbox } from '../services/mail';
import type { HelperReach } from '../services/matching';
import { messengerLink, signedRef } from '../services/referrals';
import type { ResidentRepository } from '../services/residents';
import type { Clock } from '../services/clock';
import { renderHelperMail } from '../dialogs/notices/helperMail';

const HOUR_MS = 3_600_000;

/** Options of {@link helperMail}. */
export interface HelperMailOptions {
  residents: Pick<ResidentRepository, 'get' | 'localeOf'>;
  outbox: Pick<MailOutbox, 'send' | 'enabled'>;
  /** `MESSENGER_PAGE_NAME`: the page of the m.me link. */
  pageName: string;
  /** `LINK_SECRET`: signs the link's ref. */
  linkSecret: string;
  /** `MATCH_TIMEOUT_HOURS`: how long the request waits for the helper, hence the link's life. */
  answerHours: number;
  clock: Clock;
  logger: Logger;
}

/** The e-mail way to a helper: false (a referent takes the request) without e-mail or an address. */
export function helperMail(options: HelperMailOptions): HelperReach {
  const { residents, outbox, clock, logger } = options;
  return async (helperPsid, notice) => {
    if (!outbox.enabled) return false;
    const resident = await residents.get(helperPsid);
    const contact = resident?.contact;
    if (!contact?.channels.includes('email') || !isEmailAddress(contact.email)) return false;
    const until = new Date(clock().getTime() + options.answerHours * HOUR_MS);
    const ref = signedRef({ kind: 'match', subject: notice.matchId, expiresAt: until }, options.linkSecret);
    const link = messengerLink(options.pageName, ref);
    const locale: Locale = await residents.localeOf(helperPsid);
    const { subject, text } = withLocale(locale, () => renderHelperMail(notice, link, until));
    const result = await outbox.send(`helper-ask:${notice.matchId}`, { to: contact.email, subject, text });
    logger.info('helper request e-mailed', { person: redactId(helperPsid), match: notice.matchId, result });
    // A message the SMTP server refused for good reaches nobody: a referent takes the request.
    return result !== 'failed';
  };
}
