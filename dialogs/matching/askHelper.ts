/**
 * Asking a helper, through the bot, whether they can help a need; and moving on to the
 * next nearest helper when one declines or does not answer in time.
 */
import { t } from '../../services/i18n';
import type { ResidentNotifier } from '../../services/messaging/notifier';
import type { UndeliveredQueue } from '../../services/moderation';
import type { Logger } from '../../services/logger';
import type {
  AttentionPort,
  EntriesPort,
  LimitsPort,
  MatcherPort,
  MatchesPort,
  NearbyOffer,
  StoredEntry,
  StoredMatch,
} from '../ports';
import { entrySummary, handOverProactively, type ProactiveHandOverDeps } from '../moderation/handOver';
import { PayloadPrefix } from '../payload';
import { distanceText } from './distanceText';
import { categoryName, choice, withChoices, withMenu } from '../replies';

/** What asking a helper calls. */
export interface AskHelperDeps {
  limits: Pick<LimitsPort, 'takeMatchRequest'>;
  matches: Pick<MatchesPort, 'propose' | 'toModerators'>;
  attention: AttentionPort;
  notifier: ResidentNotifier;
  logger: Logger;
}

/** What moving a need on to the next helper calls (the dialog after a decline, the job after no answer). */
export type MoveOnDeps = AskHelperDeps &
  ProactiveHandOverDeps & {
    entries: Pick<EntriesPort, 'get'>;
    matches: Pick<MatchesPort, 'forNeed'>;
    matcher: MatcherPort;
  };

/** What happened when a helper was asked. */
export interface AskResult {
  match: StoredMatch;
  /**
   * False when the helper could not be written to, or when the need's author had the day's
   * maximum of helpers asked: the match went to the moderators.
   */
  sent: boolean;
}

/**
 * Records the match and asks the helper; outside their window, or past the daily limit of
 * helpers asked for the need's author, hands it to the moderators instead.
 */
export async function askHelper(
  deps: AskHelperDeps,
  need: StoredEntry,
  nearby: NearbyOffer,
): Promise<AskResult> {
  const allowed = await deps.limits.takeMatchRequest(need.psid);
  const match = await deps.matches.propose(need, nearby.offer, nearby.distanceMeters);
  const id = match._id.toHexString();
  if (!allowed) {
    await deps.matches.toModerators(match._id);
    await deps.attention.flag(need.psid, 'asked_for_human', `match_limit ${id}`);
    deps.logger.info('match handed to moderators', { match: id, result: 'daily_limit' });
    return { match, sent: false };
  }
  const request = withChoices(
    t('match.helperAsk', {
      distance: distanceText(nearby.distanceMeters),
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

/** Why the helper asked before is out of the picture. */
export type MoveOnCause = 'declined' | 'expired';

/** What became of a need after its helper declined or did not answer. */
export type MoveOnOutcome =
  /** The next nearest helper was asked. */
  | 'next_asked'
  /** The next helper could not be written to: the match went to the moderators. */
  | 'next_unreachable'
  /** Nobody left: the match went to the moderators. */
  | 'to_moderators'
  /** Nobody left for an urgent need: the conversation was handed to a referent. */
  | 'handed_over'
  /** The need is no longer waiting (withdrawn, closed, matched, gone): nothing to do. */
  | 'need_settled';

/** Options of {@link moveToNextHelper}. */
export interface MoveOnOptions {
  /** Chooses the resident's texts (`match.*` after a decline, `matchTimeout.*` after no answer). */
  cause: MoveOnCause;
  /** Where the resident's notices go when they cannot be sent (closed window, unknown person). */
  undelivered?: Pick<UndeliveredQueue, 'queueForModerators'>;
}

/**
 * After `previous` was declined or expired, asks the next nearest helper not asked yet, and
 * tells the resident who asked; with nobody left, the match goes to the moderators (the
 * conversation flagged), and an urgent need is handed over to a referent.
 *
 * @remarks
 * Needs no turn: the dialog (a decline) and the `match-timeouts` job (no answer) both call it.
 */
export async function moveToNextHelper(
  deps: MoveOnDeps,
  previous: StoredMatch,
  options: MoveOnOptions,
): Promise<MoveOnOutcome> {
  const need = await deps.entries.get(previous.needId);
  if (!need || need.status === 'withdrawn' || need.status === 'closed' || need.status === 'matched') {
    return 'need_settled';
  }
  const texts = options.cause === 'expired' ? 'matchTimeout' : 'match';
  const tell = residentTeller(deps, options.undelivered, need._id.toHexString());
  const asked = await deps.matches.forNeed(need._id);
  const [next] = await deps.matcher.findOffersNear(need, {
    limit: 1,
    excludeOfferIds: asked.map((match) => match.offerId),
  });
  if (next) {
    const { sent } = await askHelper(deps, need, next);
    const text = sent
      ? t(`${texts}.nextAsked`, { distance: distanceText(next.distanceMeters) })
      : t(`${texts}.toReferent`);
    await tell.notify(need.psid, withMenu(text));
    return sent ? 'next_asked' : 'next_unreachable';
  }
  await deps.matches.toModerators(previous._id);
  if (need.urgency === 'high') {
    await handOverProactively({ ...deps, notifier: tell }, need.psid, 'no_match_urgent', {
      detail: need._id.toHexString(),
      neighbourhood: need.neighbourhood,
      summary: entrySummary(need),
    });
    return 'handed_over';
  }
  await deps.attention.flag(need.psid, 'asked_for_human', `no_helper_left ${need._id.toHexString()}`);
  await tell.notify(need.psid, withMenu(t(`${texts}.toReferent`)));
  return 'to_moderators';
}

/** After a decline: {@link moveToNextHelper} with the decline's texts. */
export async function askNextHelper(deps: MoveOnDeps, declined: StoredMatch): Promise<void> {
  await moveToNextHelper(deps, declined, { cause: 'declined' });
}

/**
 * The notifier for the resident's notices: what cannot be sent now waits in the moderators'
 * undelivered queue (when one is given), with the need's id.
 */
function residentTeller(
  deps: Pick<AskHelperDeps, 'notifier'>,
  undelivered: MoveOnOptions['undelivered'],
  ref: string,
): ResidentNotifier {
  return {
    async notify(psid, activity) {
      const result = await deps.notifier.notify(psid, activity);
      if (result !== 'sent' && undelivered) {
        await undelivered.queueForModerators(psid, 'other', result, { ref, text: activity.text ?? '' });
      }
      return result;
    },
  };
}
