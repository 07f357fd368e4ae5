/**
 * The console's pages without a session: how to sign in, the sign-in button of a link,
 * and the French answers to a refused link, a forbidden page, a missing one, an error.
 */
import type { VNode } from 'preact';
import { t } from '../../services/i18n';
import type { LinkRefusal } from '../../services/moderation';
import { consolePath, PublicLayout } from './layout';

/** What the sign-in page shows besides how to get a link. */
export interface SignInPageOptions {
  /** The person just signed out. */
  signedOut?: boolean;
  /** E-mail is on: offer to send a link to a referent's address. */
  byEmail?: boolean;
  /** The address typed in the form was not an address. */
  invalidEmail?: boolean;
}

/** "Sign in with a link from Messenger" (no session, or signed out), or by e-mail. */
export function signInPage(options: SignInPageOptions = {}): VNode {
  return (
    <PublicLayout title={t('console.signIn.title')}>
      {options.signedOut && <p role="status">{t('console.signIn.signedOut')}</p>}
      <p>{t('console.signIn.how')}</p>
      {options.byEmail && (
        <form method="post" action={consolePath('/lien-par-email')}>
          <label for="email">{t('console.signIn.emailLabel')}</label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            required
            {...(options.invalidEmail ? { 'aria-invalid': 'true', 'aria-describedby': 'email-error' } : {})}
          />
          {options.invalidEmail && (
            <p id="email-error" role="alert">
              {t('console.signIn.emailInvalid')}
            </p>
          )}
          <button type="submit">{t('console.signIn.emailButton')}</button>
        </form>
      )}
      <p>{t('console.signIn.cli')}</p>
    </PublicLayout>
  );
}

/** The same answer whatever the address: whether it is a referent's is never told. */
export function emailLinkSentPage(): VNode {
  return (
    <PublicLayout title={t('console.signIn.title')}>
      <p role="status">{t('console.signIn.emailSent')}</p>
    </PublicLayout>
  );
}

/**
 * The page a link opens: one button that uses it (a GET never uses a link, so that a link
 * preview fetched by Messenger does not spend it).
 */
export function linkPage(token: string): VNode {
  return (
    <PublicLayout title={t('console.signIn.title')}>
      <form method="post" action={consolePath('/lien')}>
        <input type="hidden" name="token" value={token} />
        <p>{t('console.signIn.confirm')}</p>
        <button type="submit">{t('console.signIn.button')}</button>
      </form>
    </PublicLayout>
  );
}

/** Why a link did not sign the person in. */
export function refusedLinkPage(refusal: LinkRefusal): VNode {
  return (
    <PublicLayout title={t('console.signIn.refusedTitle')}>
      <p role="alert">{t(`console.signIn.refused.${refusal}`)}</p>
      <p>{t('console.signIn.how')}</p>
    </PublicLayout>
  );
}

/** An error page: 403, 404, 409 (already done), 400 (bad form), 500. */
export function errorPage(
  kind: 'forbidden' | 'notFound' | 'conflict' | 'badRequest' | 'csrf' | 'error',
): VNode {
  return (
    <PublicLayout title={t(`console.error.${kind}.title`)}>
      <p role="alert">{t(`console.error.${kind}.text`)}</p>
      <p>
        <a href={consolePath('/')}>{t('console.error.back')}</a>
      </p>
    </PublicLayout>
  );
}
