/**
 * The console's pages without a session: how to sign in, the sign-in button of a link,
 * and the French answers to a refused link, a forbidden page, a missing one, an error.
 */
import type { VNode } from 'preact';
import { t } from '../../services/i18n';
import type { LinkRefusal } from '../../services/moderation';
import { consolePath, PublicLayout } from './layout';

/** "Sign in with a link from Messenger" (no session, or signed out). */
export function signInPage(signedOut = false): VNode {
  return (
    <PublicLayout title={t('console.signIn.title')}>
      {signedOut && <p role="status">{t('console.signIn.signedOut')}</p>}
      <p>{t('console.signIn.how')}</p>
      <p>{t('console.signIn.cli')}</p>
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
