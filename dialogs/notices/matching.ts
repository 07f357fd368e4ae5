/**
 * The matching module's notices (services/matching/notices.ts) in French.
 */
import type { CardAction } from 'botbuilder';
import { t } from '../../services/i18n';
import type { MatchingNotice, MoveOnCause, SharedContact } from '../../services/matching';
import { distanceText } from '../matching/distanceText';
import { PayloadPrefix } from '../payload';
import { categoryName, choice, withChoices, withMenu } from '../replies';
import type { NoticeRenderers } from './renderers';

/** The texts after a decline (`match.*`) or after no answer in time (`matchTimeout.*`). */
function movedOnTexts(cause: MoveOnCause): 'match' | 'matchTimeout' {
  return cause === 'expired' ? 'matchTimeout' : 'match';
}

/** "Pour le joindre : téléphone …, e-mail …." for what a resident shares; null when nothing is. */
export function contactText(shared: SharedContact | null): string | null {
  if (!shared) return null;
  const parts: string[] = [];
  if (shared.phone) parts.push(t('match.phone', { phone: shared.phone }));
  if (shared.email) parts.push(t('match.email', { email: shared.email }));
  return parts.length > 0 ? t('match.contactOf', { contact: parts.join(', ') }) : null;
}

/**
 * The answers to a suggested helper: ask them; ask them and accept the order (the next ones
 * are then asked without asking again); not them.
 */
export function suggestionChoices(matchId: string): CardAction[] {
  return [
    choice(t('suggest.ask'), `${PayloadPrefix.matchAsk}${matchId}`),
    choice(t('suggest.inOrder'), `${PayloadPrefix.matchInOrder}${matchId}`),
    choice(t('suggest.skip'), `${PayloadPrefix.matchSkip}${matchId}`),
  ];
}

/** One renderer per matching notice. */
export const MATCHING_NOTICES: NoticeRenderers<MatchingNotice> = {
  'matching.helperAsked': (notice) =>
    withChoices(
      t('match.helperAsk', {
        distance: distanceText(notice.distanceMeters),
        category: categoryName(notice.category),
        description: notice.description,
        availability: notice.availability,
      }),
      [
        choice(t('match.accept'), `${PayloadPrefix.matchAccept}${notice.matchId}`),
        choice(t('match.decline'), `${PayloadPrefix.matchDecline}${notice.matchId}`),
      ],
    ),
  'matching.helperSuggested': (notice) =>
    withChoices(
      [
        t(`suggest.intro.${notice.cause}`),
        t('suggest.offer', {
          distance: distanceText(notice.distanceMeters),
          category: categoryName(notice.category),
          description: notice.description,
          availability: notice.availability,
        }),
        t('suggest.orderHint'),
      ].join(' '),
      suggestionChoices(notice.matchId),
    ),
  'matching.nextAsked': (notice) =>
    withMenu(t(`${movedOnTexts(notice.cause)}.nextAsked`, { distance: distanceText(notice.distanceMeters) })),
  'matching.toReferent': (notice) => withMenu(t(`${movedOnTexts(notice.cause)}.toReferent`)),
  'matching.requestAccepted': (notice) =>
    withMenu(
      t('match.needAccepted', {
        category: categoryName(notice.category),
        contact: contactText(notice.helperContact) ?? t('match.contactPrivate'),
      }),
    ),
  'matching.followUpAsked': (notice) =>
    withChoices(t('jobs.followUp.ask', { category: categoryName(notice.category) }), [
      choice(t('jobs.followUp.yes'), `${PayloadPrefix.followUpYes}${notice.matchId}`),
      choice(t('jobs.followUp.no'), `${PayloadPrefix.followUpNo}${notice.matchId}`),
    ]),
};
