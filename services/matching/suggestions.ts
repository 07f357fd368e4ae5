/**
 * Suggesting a helper to a need's author, who chooses whether to ask them (the helper learns
 * nothing before that), and the author's answer: yes asks the helper, no moves on to the next
 * one.
 */
import type { ObjectId } from 'mongodb';
import type { StoredEntry } from '../entries';
import { reached, type NotifyResult } from '../messaging/notifier';
import type { HelperRequests } from './helperRequests';
import type { HelperSearch } from './helperSearch';
import type { StoredMatch } from './matchDocuments';
import type { OfferNearby } from './matcher';
import { isOpenNeed } from './needStates';
import type { SuggestionCause } from './notices';
import type { MatchingPorts } from './ports';

/** What became of the author's answer to a suggested helper. */
export type SuggestionAnswerOutcome =
  /** The suggestion is unknown, not the author's, or already answered. */
  | { status: 'stale' }
  /**
   * Yes: the helper was asked (`sent`), or the request went to a referent; `inOrder` when the
   * author also accepted the order (the next helpers will be asked without asking them).
   */
  | { status: 'asked'; sent: boolean; distanceMeters: number; inOrder: boolean }
  /** Yes, but the offer is no longer available; `next`: another helper was suggested. */
  | { status: 'gone'; next: boolean }
  /** No: `next` when another helper was suggested at once; otherwise the need stays open. */
  | { status: 'skipped'; next: boolean };

/** The ports {@link Suggestions} calls. */
export type SuggestionPorts = Pick<MatchingPorts, 'matches' | 'entries' | 'notices' | 'logger'>;

/** Suggestions of helpers to needs' authors. */
export class Suggestions {
  constructor(
    private readonly ports: SuggestionPorts,
    private readonly search: HelperSearch,
    private readonly requests: HelperRequests,
  ) {}

  /**
   * Suggests a helper to the author of `need` (a `suggested` match): the author chooses
   * whether to ask them; the helper learns nothing before that.
   *
   * @returns whether the author was told (otherwise the suggestion lapses unanswered).
   */
  async suggestHelper(need: StoredEntry, nearby: OfferNearby, cause: SuggestionCause): Promise<boolean> {
    const match = await this.ports.matches.suggest(need, nearby.offer, nearby.distanceMeters);
    return reached(await this.tell(match, nearby.offer, cause));
  }

  /**
   * The need's author answers a suggested helper: yes asks the helper (the only way their
   * contact can reach a helper); no, or an offer no longer available, suggests the next
   * helper at once when there is one, and otherwise leaves the need open for the
   * re-examination. Only the need's author can answer, once.
   *
   * @param options.inOrder - yes, and the author accepts the order: recorded on the need, so
   * that after a decline or a timeout the next helper is asked directly (see `MovingOn.moveOn`).
   */
  async answerSuggestion(
    matchId: string,
    needPsid: string,
    yes: boolean,
    options: { inOrder?: boolean } = {},
  ): Promise<SuggestionAnswerOutcome> {
    const { matches } = this.ports;
    if (!yes) {
      const skipped = await matches.skipSuggestion(matchId, needPsid);
      if (!skipped) return { status: 'stale' };
      return { status: 'skipped', next: await this.suggestNext(skipped.needId, 'skipped') };
    }
    const match = await matches.confirmSuggestion(matchId, needPsid);
    if (!match) return { status: 'stale' };
    const [need, offer] = await Promise.all([
      this.ports.entries.get(match.needId),
      this.ports.entries.get(match.offerId),
    ]);
    if (!need || !isOpenNeed(need)) {
      await matches.toModerators(match._id);
      return { status: 'stale' };
    }
    const inOrder = options.inOrder === true && yes;
    if (inOrder) await this.ports.entries.acceptOrder(need._id, needPsid);
    if (!offer || offer.status !== 'published' || offer.paused === true) {
      await matches.lapse(match._id);
      return { status: 'gone', next: await this.suggestNext(need._id, 'skipped') };
    }
    const sent = await this.requests.request(match, need);
    return { status: 'asked', sent, distanceMeters: match.distanceMeters, inOrder };
  }

  /**
   * The helper last suggested to `needPsid` that they have not answered yet, or null: what
   * a typed "oui, demandez-lui" or "non merci" answers, and what "Mes annonces" offers.
   */
  async pendingSuggestionFor(needPsid: string): Promise<string | null> {
    const match = await this.ports.matches.latestSuggestedTo(needPsid);
    return match ? match._id.toHexString() : null;
  }

  /**
   * Suggests the next helper to the author of the need `needId` when it is open and (unless
   * `underWayAllowed`) nothing is under way for it.
   *
   * @returns whether a helper was suggested and the author told.
   */
  async suggestNext(needId: ObjectId, cause: SuggestionCause, underWayAllowed = true): Promise<boolean> {
    const need = await this.ports.entries.get(needId);
    if (!need || !isOpenNeed(need) || need.paused === true) return false;
    if (!underWayAllowed && (await this.ports.matches.needsUnderWay([need._id])).size > 0) return false;
    const next = await this.search.nextHelperFor(need);
    return next ? this.suggestHelper(need, next, cause) : false;
  }

  /** Tells the author of a suggested match about its helper; what became of the notice. */
  async tell(
    match: StoredMatch,
    offer: Pick<StoredEntry, 'description' | 'availability'>,
    cause: SuggestionCause,
  ): Promise<NotifyResult> {
    const result = await this.ports.notices.notify(match.needPsid, {
      type: 'matching.helperSuggested',
      matchId: match._id.toHexString(),
      cause,
      category: match.category,
      distanceMeters: match.distanceMeters,
      description: offer.description,
      availability: offer.availability,
    });
    if (!reached(result)) {
      // An author without Messenger is reached through their referent (`to_referent`); one
      // outside their window is not: the suggestion lapses unanswered.
      this.ports.logger.info('suggestion not delivered', { match: match._id.toHexString(), result });
    }
    return result;
  }
}
