/**
 * The console's sign-in links, and the seam through which they reach a referent outside
 * Messenger (e-mail, wired by the lead once `services/mail` exists).
 */
import { CONSOLE_BASE } from './layout';

/** The URL a sign-in token opens: `<public URL>/console/lien/<token>`. */
export function consoleLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}${CONSOLE_BASE}/lien/${encodeURIComponent(token)}`;
}

/**
 * Sends a referent their sign-in link by another way than Messenger (e-mail).
 *
 * @remarks
 * The port the mail service implements; the console and the Messenger menu only need
 * {@link consoleLinkUrl}. Resolves `false` when the referent has no address.
 */
export interface LoginLinkSender {
  sendLoginLink(psid: string, url: string, expiresAt: Date): Promise<boolean>;
}
