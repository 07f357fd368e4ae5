/**
 * The console's sign-in links, and how they reach a referent outside Messenger (e-mail).
 */
import type { Logger } from '../../services/logger';
import type { StaffAccess } from '../../services/moderation';
import type { AppConfig } from '../config';
import type { StaffMailer } from '../staffMailer';
import { CONSOLE_BASE } from './layout';

/** The URL a sign-in token opens: `<public URL>/console/lien/<token>`. */
export function consoleLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}${CONSOLE_BASE}/lien/${encodeURIComponent(token)}`;
}

/** What {@link emailedLinks} needs: the container's parts it reads. */
export interface EmailedLinksParts {
  get(name: 'staffAccess'): Pick<StaffAccess, 'issueLinkByEmail'>;
  get(name: 'staffMailer'): Pick<StaffMailer, 'sendLoginLink'>;
  readonly config: Pick<AppConfig, 'publicUrl'>;
}

/**
 * The sign-in page's "recevoir un lien par e-mail": a link for the referent with that
 * address, e-mailed at once; nothing when nobody has it (or too many were sent), and a
 * failed send is logged, never told to the page (which answers the same in every case).
 */
export function emailedLinks(parts: EmailedLinksParts, logger: Logger): (email: string) => Promise<void> {
  return async (email) => {
    const issued = await parts.get('staffAccess').issueLinkByEmail(email);
    if (!issued) {
      logger.info('console link by e-mail', { result: 'none' });
      return;
    }
    try {
      await parts
        .get('staffMailer')
        .sendLoginLink(issued.moderator, consoleLinkUrl(parts.config.publicUrl, issued.token));
    } catch (error) {
      logger.warn('console link by e-mail not sent', {
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  };
}
