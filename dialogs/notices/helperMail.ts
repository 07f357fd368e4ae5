/**
 * The e-mail that asks a helper outside their Messenger window (bot/helperMail.ts): the
 * request in a few words and the m.me link that reopens the conversation on it.
 *
 * @remarks
 * An e-mail leaves the network's tools: it says the category, the distance band and when,
 * never the resident's own words about their need, nor who or where they are.
 */
import { currentLocale, t } from '../../services/i18n';
import type { HelperAskedNotice } from '../../services/matching';
import { distanceText } from '../matching/distanceText';
import { categoryName } from '../replies';
import type { MailText } from './mail';

/** Renders the request `notice` as an e-mail whose link `link` is valid until `until`. */
export function renderHelperMail(notice: HelperAskedNotice, link: string, until: Date): MailText {
  const category = categoryName(notice.category);
  const text = [
    t('helperMail.greeting'),
    '',
    t('helperMail.request', {
      distance: distanceText(notice.distanceMeters),
      category: category.toLowerCase(),
      availability: notice.availability,
    }),
    '',
    t('helperMail.link', { link }),
    '',
    t('helperMail.until', { until: dateTime(until) }),
    '',
    t('helperMail.why'),
    t('mail.signature'),
  ].join('\n');
  return { subject: t('helperMail.subject', { category: category.toLowerCase() }), text };
}

/** "mardi 1 décembre à 20:15" (Paris time). */
function dateTime(date: Date): string {
  return date.toLocaleString(currentLocale() === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: 'Europe/Paris',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
}
