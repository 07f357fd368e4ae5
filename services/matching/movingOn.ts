/**
 * Moving a need on when its helper declines or never answers: the next helper suggested to
 * its author (or asked directly when the author accepted the order), a referent when nobody
 * is left; and the scheduled expiry of requests left unanswered.
 */
import { redactId } from '../logger';
import { reached } from '../messaging/notifier';
import type { HelperRequests } from './helperRequests';
import type { HelperSearch } from './helperSearch';
import type { StoredMatch } from './matchDocuments';
import type { MatchingNotice, MoveOnCause } from './notices';
import type { MatchingPorts } from './ports';
import type { Suggestions } from './suggestions';

/** Hours a helper has to answer before the request goes elsewhere. */
export const DEFAULT_MATCH_TIMEOUT_HOURS = 6;
/** Matches expired per run at most (the rest wait for the next run, 15 minutes later). */
export const DEFAULT_MATCH_TIMEOUTS_PER_RUN = 50;

const HOUR_MS = 3_600_000;

/** What became of a need after its helper declined or did not answer. */
export type MoveOnOutcome =
  /** The next best helper was suggested to the need's author, who chooses whether to ask them. */
  | 'next_suggested'
  /** The author accepted the order: the next best helper was asked directly, and the author told. */
  | 'next_asked'
  /** The need's author could not be told of the next helper (the notice kept for the moderators). */
  | 'next_unreachable'
  /** Nobody left: the match went to the moderators. */
  | 'to_moderators'
  /** Nobody left for an urgent need: the conversation was handed to a referent. */
  | 'handed_over'
  /** The need is no longer waiting (withdrawn, closed, matched, gone): nothing to do. */
  | 'need_settled';

/** Figures of a `match-timeouts` run. */
export interface TimeoutSummary {
  expired: number;
  nextSuggested: number;
  nextAsked: number;
  nextUnreachable: number;
  toModerators: number;
  handedOver: number;
  needSettled: number;
  failed: number;
  [figure: string]: number;
}

/** Options of {@link MovingOn.expireUnanswered}. */
export interface ExpireOptions {
  /** Hours before an unanswered match expires; {@link DEFAULT_MATCH_TIMEOUT_HOURS} by default. */
  afterHours?: number;
  /** Matches expired per run at most; {@link DEFAULT_MATCH_TIMEOUTS_PER_RUN} by default. */
  perRun?: number;
}

/** The ports {@link MovingOn} calls. */
export type MovingOnPorts = Pick<
  MatchingPorts,
  'matches' | 'entries' | 'notices' | 'undelivered' | 'handover' | 'attention' | 'logger'
>;

/** What follows a declined or expired request. */
export class MovingOn {
  constructor(
    private readonly ports: MovingOnPorts,
    private readonly search: HelperSearch,
    private readonly requests: HelperRequests,
    private readonly suggestions: Suggestions,
  ) {}

  /**
   * After `previous` was declined or expired, suggests the next best helper not paired with
   * the need yet to the resident who asked, who chooses whether to ask them (their contact
   * never goes to a helper they did not choose); when they accepted the order, asks that
   * helper directly and tells them; with nobody left, the match goes to the
   * moderators (the conversation flagged), and an urgent need is handed over to a referent.
   * The need stays open and is re-examined on schedule.
   *
   * @param keepUndelivered - keep the resident's notices that cannot be sent for the
   * moderators (the job does; a decline, in the helper's turn, does not).
   */
  async moveOn(previous: StoredMatch, cause: MoveOnCause, keepUndelivered = false): Promise<MoveOnOutcome> {
    const { matches } = this.ports;
    const need = await this.ports.entries.get(previous.needId);
    if (!need || need.status === 'withdrawn' || need.status === 'closed' || need.status === 'matched') {
      return 'need_settled';
    }
    const ref = need._id.toHexString();
    const tell = async (notice: MatchingNotice): Promise<void> => {
      const result = await this.ports.notices.notify(need.psid, notice);
      if (!reached(result) && keepUndelivered) {
        await this.ports.undelivered.keepForModerators(need.psid, notice, result, ref);
      }
    };
    const next = await this.search.nextHelperFor(need);
    if (next && need.orderAccepted === true) {
      const asked = await matches.propose(need, next.offer, next.distanceMeters);
      if (await this.requests.request(asked, need)) {
        await tell({ type: 'matching.nextAsked', cause, distanceMeters: asked.distanceMeters });
        return 'next_asked';
      }
      // The helper could not be asked: a referent takes it (the match flagged and tasked).
      await tell({ type: 'matching.toReferent', cause });
      return 'to_moderators';
    }
    if (next) {
      const suggestion = await matches.suggest(need, next.offer, next.distanceMeters);
      const told = await this.suggestions.tell(suggestion, next.offer, cause);
      if (reached(told)) return 'next_suggested';
      if (keepUndelivered) {
        await this.ports.undelivered.keepForModerators(
          need.psid,
          { type: 'matching.toReferent', cause },
          told,
          ref,
        );
      }
      return 'next_unreachable';
    }
    await matches.toModerators(previous._id);
    if (need.urgency === 'high') {
      await this.ports.handover.handOverUrgentNeed(need, { keepUndelivered });
      return 'handed_over';
    }
    /** Tasks: the `tasks` module will turn this "un référent prend le relais" into a referent's task. */
    await this.ports.attention.flag(need.psid, 'asked_for_human', `no_helper_left ${ref}`);
    await tell({ type: 'matching.toReferent', cause });
    return 'to_moderators';
  }

  /**
   * Expires every match proposed at least `afterHours` before `now` and not answered, one at
   * a time (each claimed atomically, so two runs at once never act twice), and moves its
   * need on as after a decline.
   *
   * @remarks
   * The delay counts wall-clock time, nights included. The silent helper is sent nothing
   * more; a late answer on the expired match is `stale`, like any settled match.
   */
  async expireUnanswered(now: Date, options: ExpireOptions = {}): Promise<TimeoutSummary> {
    const hours = options.afterHours ?? DEFAULT_MATCH_TIMEOUT_HOURS;
    const before = new Date(now.getTime() - hours * HOUR_MS);
    const perRun = options.perRun ?? DEFAULT_MATCH_TIMEOUTS_PER_RUN;
    const summary: TimeoutSummary = {
      expired: 0,
      nextSuggested: 0,
      nextAsked: 0,
      nextUnreachable: 0,
      toModerators: 0,
      handedOver: 0,
      needSettled: 0,
      failed: 0,
    };
    while (summary.expired < perRun) {
      const [match] = await this.ports.matches.expireProposedBefore(before, 1);
      if (!match) break;
      summary.expired += 1;
      try {
        const outcome = await this.moveOn(match, 'expired', true);
        if (outcome === 'next_suggested') summary.nextSuggested += 1;
        else if (outcome === 'next_asked') summary.nextAsked += 1;
        else if (outcome === 'next_unreachable') summary.nextUnreachable += 1;
        else if (outcome === 'to_moderators') summary.toModerators += 1;
        else if (outcome === 'handed_over') summary.handedOver += 1;
        else summary.needSettled += 1;
      } catch (error) {
        summary.failed += 1;
        this.ports.logger.error('expired match not moved on', {
          match: match._id.toHexString(),
          resident: redactId(match.needPsid),
          error: error instanceof Error ? error.name : 'unknown',
        });
      }
    }
    return summary;
  }
}
