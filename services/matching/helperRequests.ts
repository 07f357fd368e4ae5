/**
 * Asking a helper: the request put to the helper a need's author chose (in Messenger, or by
 * e-mail outside their window), handed to the moderators when it cannot be made, and the
 * request a helper has yet to answer.
 */
import type { StoredEntry } from '../entries';
import { reached } from '../messaging/notifier';
import type { StoredMatch } from './matchDocuments';
import type { OfferNearby } from './matcher';
import { isOpenNeed } from './needStates';
import type { HelperAskedNotice } from './notices';
import type { MatchingPorts } from './ports';

/** What happened when a helper was asked. */
export interface AskResult {
  match: StoredMatch;
  /**
   * False when the helper could not be written to, or when the need's author had the day's
   * maximum of helpers asked: the match went to the moderators.
   */
  sent: boolean;
}

/** See {@link HelperRequests.requestAwaiting}. */
export type RequestAwaiting =
  { status: 'waiting'; notice: HelperAskedNotice } | { status: 'not_theirs' } | { status: 'settled' };

/** The ports {@link HelperRequests} calls. */
export type HelperRequestPorts = Pick<
  MatchingPorts,
  'matches' | 'entries' | 'limits' | 'attention' | 'notices' | 'reachHelper' | 'logger'
>;

/** Requests to helpers: making them, and reading those waiting for an answer. */
export class HelperRequests {
  constructor(private readonly ports: HelperRequestPorts) {}

  /**
   * The resident chose this helper: records the match and asks the helper; outside their
   * window, or past the daily limit of helpers asked for the need's author, hands it to the
   * moderators instead (the conversation flagged).
   */
  async askHelper(need: StoredEntry, nearby: OfferNearby): Promise<AskResult> {
    const match = await this.ports.matches.propose(need, nearby.offer, nearby.distanceMeters);
    return { match, sent: await this.request(match, need) };
  }

  /**
   * Asks the helper of a `proposed` match (the author chose them): past the author's daily
   * limit of helpers asked, or when the helper cannot be written to, the match goes to the
   * moderators (the conversation flagged).
   *
   * @returns whether the helper was asked.
   */
  async request(match: StoredMatch, need: StoredEntry): Promise<boolean> {
    const { matches, attention, logger } = this.ports;
    const id = match._id.toHexString();
    if (!(await this.ports.limits.takeMatchRequest(need.psid))) {
      await matches.toModerators(match._id);
      /** Tasks: here the `tasks` module will create a task ("a referent puts them in touch"). */
      await attention.flag(need.psid, 'asked_for_human', `match_limit ${id}`);
      logger.info('match handed to moderators', { match: id, result: 'daily_limit' });
      return false;
    }
    const notice = helperAskedNotice(match, need);
    const result = await this.ports.notices.notify(match.offerPsid, notice);
    if (reached(result)) return true;
    if (result === 'outside_window' && (await this.ports.reachHelper?.(match.offerPsid, notice))) {
      // Reached elsewhere (e-mail): the match waits for their answer, as in Messenger.
      logger.info('helper reached outside Messenger', { match: id });
      return true;
    }
    await matches.toModerators(match._id);
    /** Tasks: a helper outside the window (or offline) becomes a referent's task in the `tasks` module. */
    await attention.flag(need.psid, 'match_outside_window', id);
    logger.info('match handed to moderators', { match: id, result });
    return false;
  }

  /**
   * The request a helper was asked last and has not answered yet (its match id), or null:
   * what a helper's typed "oui" or "désolé, je ne peux pas" answers.
   */
  async pendingRequestFor(helperPsid: string): Promise<string | null> {
    const match = await this.ports.matches.latestProposedTo(helperPsid);
    return match ? match._id.toHexString() : null;
  }

  /**
   * The request `matchId` as it was put to its helper, while it waits for their answer: what
   * a helper who follows the link of an e-mailed request is asked again in Messenger.
   *
   * @returns `waiting` with the request; `not_theirs` when `helperPsid` is not the match's
   * helper (or the match is unknown); `settled` when it no longer waits (answered, expired,
   * handed to a referent, the need closed).
   */
  async requestAwaiting(matchId: string, helperPsid: string): Promise<RequestAwaiting> {
    const match = await this.ports.matches.get(matchId);
    if (!match || match.offerPsid !== helperPsid) return { status: 'not_theirs' };
    if (match.status !== 'proposed') return { status: 'settled' };
    const need = await this.ports.entries.get(match.needId);
    return need && isOpenNeed(need)
      ? { status: 'waiting', notice: helperAskedNotice(match, need) }
      : { status: 'settled' };
  }
}

/** What a helper is asked about a need (the `matching.helperAsked` notice). */
function helperAskedNotice(match: StoredMatch, need: StoredEntry): HelperAskedNotice {
  return {
    type: 'matching.helperAsked',
    matchId: match._id.toHexString(),
    category: need.category,
    distanceMeters: match.distanceMeters,
    description: need.description,
    availability: need.availability,
  };
}
