/**
 * Asking a helper, through the bot, whether they can help a need; and moving on to the
 * next nearest helper when one declines.
 */
import { t } from '../../services/i18n';
import { roundDistance } from '../../services/matching/matcher';
import type { DialogDeps, NearbyOffer, StoredEntry, StoredMatch } from '../deps';
import { entrySummary, handOverProactively } from '../moderation/handOver';
import { PayloadPrefix } from '../payload';
import { categoryName, choice, withChoices, withMenu } from '../replies';

/** What happened when a helper was asked. */
export interface AskResult {
  match: StoredMatch;
  /** False when the helper could not be written to: the match went to the moderators. */
  sent: boolean;
}

/** Records the match and asks the helper; outside their window, hands it to the moderators. */
export async function askHelper(
  deps: DialogDeps,
  need: StoredEntry,
  nearby: NearbyOffer,
): Promise<AskResult> {
  const match = await deps.matches.propose(need, nearby.offer, nearby.distanceMeters);
  const id = match._id.toHexString();
  const request = withChoices(
    t('match.helperAsk', {
      distance: roundDistance(nearby.distanceMeters),
      category: categoryName(need.category),
      description: need.description,
      availability: need.availability,
    }),
    [
      choice(t('match.accept'), `${PayloadPrefix.matchAccept}${id}`),
      choice(t('match.decline'), `${PayloadPrefix.matchDecline}${id}`),
    ],
  );
  const result = await deps.notifier.notify(nearby.offer.psid, request);
  if (result === 'sent') return { match, sent: true };
  await deps.matches.toModerators(match._id);
  await deps.attention.flag(need.psid, 'match_outside_window', id);
  deps.logger.info('match handed to moderators', { match: id, result });
  return { match, sent: false };
}

/**
 * After `declined`, asks the next nearest helper not asked yet, and tells the resident who
 * asked; with nobody left, the match goes to the moderators, and an urgent need is handed
 * over to a referent.
 */
export async function askNextHelper(deps: DialogDeps, declined: StoredMatch): Promise<void> {
  const need = await deps.entries.get(declined.needId);
  if (!need || need.status === 'withdrawn' || need.status === 'closed' || need.status === 'matched') return;
  const asked = await deps.matches.forNeed(need._id);
  const [next] = await deps.matcher.findOffersNear(need, {
    limit: 1,
    excludeOfferIds: asked.map((match) => match.offerId),
  });
  if (next) {
    const { sent } = await askHelper(deps, need, next);
    const text = sent
      ? t('match.nextAsked', { distance: roundDistance(next.distanceMeters) })
      : t('match.toReferent');
    await deps.notifier.notify(need.psid, withMenu(text));
    return;
  }
  await deps.matches.toModerators(declined._id);
  if (need.urgency === 'high') {
    await handOverProactively(deps, need.psid, 'no_match_urgent', {
      detail: need._id.toHexString(),
      neighbourhood: need.neighbourhood,
      summary: entrySummary(need),
    });
    return;
  }
  await deps.notifier.notify(need.psid, withMenu(t('match.toReferent')));
}
