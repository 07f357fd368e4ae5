/**
 * The matching module's use cases: finding offers near a need, asking a helper through the
 * bot, the helper's answer, moving on to the next helper when one declines or never
 * answers, and the follow-up question once the help should have happened.
 *
 * @remarks
 * The only writer of the collection `matches` (through {@link MatchRepository}); entries
 * change through the entries module. No French here: residents are told through
 * {@link MatchingNotice}s, and the outcomes are data the dialogs render.
 */
import type { ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import type { AttentionReason, Category, Resident } from '../domain/types';
import type { StoredEntry } from '../entries';
import { CodedError, ErrorCode } from '../errors';
import { redactId, type Logger } from '../logger';
import { reached, type Notifier, type NotifyResult } from '../messaging/notifier';
import type { MatchRepository, MatchSide, StoredMatch } from './matchRepository';
import {
  DEFAULT_MAX_DISTANCE_METERS,
  type FindOffersOptions,
  type NeedFinder,
  type OfferNearby,
} from './matcher';
import type {
  HelperAskedNotice,
  MatchingNotice,
  MoveOnCause,
  SharedContact,
  SuggestionCause,
} from './notices';
import { planReexamination } from './reexamination';
import { rankCandidates, rankScore, type RankSettings } from './ranking';

/** Hours a helper has to answer before the request goes elsewhere. */
export const DEFAULT_MATCH_TIMEOUT_HOURS = 6;
/** Matches expired per run at most (the rest wait for the next run, 15 minutes later). */
export const DEFAULT_MATCH_TIMEOUTS_PER_RUN = 50;
/** Hours after acceptance before the follow-up question is asked. */
export const DEFAULT_FOLLOW_UP_AFTER_HOURS = 20;
/** Times a helper may be put forward in 24 hours (suggested or asked), unless configured. */
export const DEFAULT_HELPER_ASKS_PER_DAY = 3;
/** Hours a suggestion waits for its author's choice before the need can be suggested another helper. */
export const DEFAULT_SUGGESTION_LAPSE_HOURS = 48;
/** Offers read around a need before ranking (the nearest ones). */
const RANKED_POOL = 20;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** True for a need still looking for help. */
function isOpen(need: StoredEntry): boolean {
  return need.status === 'published' || need.status === 'pending_review';
}

/** Finding published offers near a need (`Matcher`). */
export interface OffersPort {
  findOffersNear(need: StoredEntry, options?: FindOffersOptions): Promise<OfferNearby[]>;
}

/** Open needs near an offer, and the batch reads of the re-examination (`NeedFinder`). */
export type NeedsPort = Pick<NeedFinder, 'findNeedsNear' | 'openNeeds' | 'offersWithin'>;

/** Settings of {@link Matching}, every one with a default. */
export interface MatchingSettings {
  /** Times a helper may be put forward in 24 hours; {@link DEFAULT_HELPER_ASKS_PER_DAY} by default. */
  helperAsksPerDay?: number;
  /** Hours before an unanswered suggestion lapses; {@link DEFAULT_SUGGESTION_LAPSE_HOURS} by default. */
  suggestionLapseHours?: number;
}

/** What matching needs of the entries module (`Entries`). */
export interface MatchingEntriesPort {
  get(id: string | ObjectId): Promise<StoredEntry | null>;
  /** Marks the need and the offer of an accepted match `matched`. */
  markMatched(needId: ObjectId, offerId: ObjectId): Promise<void>;
  /** The author of the need accepts the order of helpers (asked in turn without asking again). */
  acceptOrder(needId: ObjectId, psid: string): Promise<boolean>;
}

/** The residents' contact preferences (`ResidentRepository`). */
export interface MatchingResidentsPort {
  get(psid: string): Promise<Resident | null>;
}

/** The per-person daily limit on helpers asked (`Limits`). */
export interface MatchingLimitsPort {
  takeMatchRequest(psid: string): Promise<boolean>;
}

/** Conversations the moderators must look at (`AttentionFlags`). */
export interface MatchingAttentionPort {
  flag(psid: string, reason: AttentionReason, detail?: string): Promise<unknown>;
}

/**
 * Keeps for the moderators a notice the resident could not be sent (closed window, unknown
 * person); implemented by the bot, which renders it.
 */
export interface UndeliveredNoticesPort {
  keepForModerators(
    psid: string,
    notice: MatchingNotice,
    result: Exclude<NotifyResult, 'sent' | 'to_referent'>,
    ref: string,
  ): Promise<void>;
}

/**
 * Hands an urgent need nobody can help to a referent, outside the resident's turn: the
 * resident is told who answers and when, the conversation flagged `no_match_urgent`, the
 * thread passed; implemented by the conversation layer.
 */
export interface UrgentNeedHandoverPort {
  handOverUrgentNeed(need: StoredEntry, options: { keepUndelivered: boolean }): Promise<void>;
}

/** What {@link Matching} is built from. */
export interface MatchingPorts {
  matches: MatchRepository;
  offers: OffersPort;
  needs: NeedsPort;
  entries: MatchingEntriesPort;
  residents: MatchingResidentsPort;
  limits: MatchingLimitsPort;
  attention: MatchingAttentionPort;
  /** Residents' notices, inside their 24-hour window only. */
  notices: Notifier<MatchingNotice>;
  /**
   * Reaches a helper whom {@link notices} could not (outside their window) another way they
   * chose (an e-mail with a link back to the conversation: bot/helperMail.ts); true when it
   * did, and the match then waits for their answer. Absent: such a request goes to a referent.
   */
  reachHelper?: HelperReach;
  undelivered: UndeliveredNoticesPort;
  handover: UrgentNeedHandoverPort;
  clock: Clock;
  logger: Logger;
  settings?: MatchingSettings;
}

/** See {@link MatchingPorts.reachHelper}. */
export type HelperReach = (helperPsid: string, notice: HelperAskedNotice) => Promise<boolean>;

/** See {@link Matching.requestAwaiting}. */
export type RequestAwaiting =
  { status: 'waiting'; notice: HelperAskedNotice } | { status: 'not_theirs' } | { status: 'settled' };

/** What happened when a helper was asked. */
export interface AskResult {
  match: StoredMatch;
  /**
   * False when the helper could not be written to, or when the need's author had the day's
   * maximum of helpers asked: the match went to the moderators.
   */
  sent: boolean;
}

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

/** What became of a helper's answer to a request. */
export type RequestAnswerOutcome =
  /** The match is unknown, not the helper's, or no longer waiting for an answer. */
  | { status: 'stale' }
  /** Declined: the need moved on. */
  | { status: 'declined'; next: MoveOnOutcome }
  /**
   * Accepted: both entries are matched and the asker was told (when `askerTold`) what the
   * helper shares; the helper is to be told `askerContact` (null: through a referent), and,
   * when `offerUsedUp` (a one-off offer), that their offer is now closed.
   */
  | {
      status: 'accepted';
      match: StoredMatch;
      askerContact: SharedContact | null;
      askerTold: boolean;
      offerUsedUp: boolean;
    };

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

/** Figures of a `follow-up` run. */
export interface FollowUpSummary {
  matches: number;
  sent: number;
  notReachable: number;
  failed: number;
  [figure: string]: number;
}

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

/** What a need's author is told of where their need stands. */
export type NeedState =
  /** Nobody yet: the need stays open and is re-examined. */
  | 'searching'
  /** A helper was suggested to the author, who has not chosen yet. */
  | 'suggested'
  /** The author chose a helper, who has not answered yet. */
  | 'asked'
  /** A helper accepted. */
  | 'accepted'
  /** A referent takes it (nobody left, or a helper who cannot be written to). */
  | 'referent';

/** Figures of a `reexamine-needs` run. */
export interface ReexaminationSummary {
  openNeeds: number;
  underWay: number;
  groups: number;
  suggested: number;
  authorsTold: number;
  nobody: number;
  lapsed: number;
  [figure: string]: number;
}

/** Options of {@link Matching.expireUnanswered}. */
export interface ExpireOptions {
  /** Hours before an unanswered match expires; {@link DEFAULT_MATCH_TIMEOUT_HOURS} by default. */
  afterHours?: number;
  /** Matches expired per run at most; {@link DEFAULT_MATCH_TIMEOUTS_PER_RUN} by default. */
  perRun?: number;
}

/** The contact details `resident` agreed to share, or null for "through the page only". */
export function sharedContactOf(resident: Resident | null): SharedContact | null {
  if (!resident) return null;
  const { channels, phone, email } = resident.contact;
  const shared: SharedContact = {};
  if (channels.includes('phone') && phone) shared.phone = phone;
  if (channels.includes('email') && email) shared.email = email;
  return shared.phone || shared.email ? shared : null;
}

/** Days during which a follow-up question stays answerable in words or from "Mes annonces". */
export const FOLLOW_UP_ANSWER_DAYS = 14;

/** A follow-up question waiting for a resident's answer. */
export interface PendingFollowUp {
  matchId: string;
  category: Category;
}

/** The use cases of putting needs in touch with offers. */
export class Matching {
  constructor(private readonly ports: MatchingPorts) {}

  /**
   * Published offers near `need`, best first (3 at most, within 1 km by default): the
   * nearest 20 are ranked by distance, availability against the need's time, and how often
   * their helper was put forward in the last 24 hours; helpers at the day's limit are left
   * out (see `rankScore`).
   */
  async findOffersFor(need: StoredEntry, options: FindOffersOptions = {}): Promise<OfferNearby[]> {
    const limit = options.limit ?? 3;
    const pool = await this.ports.offers.findOffersNear(need, { ...options, limit: RANKED_POOL });
    if (pool.length === 0) return [];
    const load = await this.ports.matches.helperLoadSince(new Date(this.ports.clock().getTime() - DAY_MS), [
      ...new Set(pool.map(({ offer }) => offer.psid)),
    ]);
    const ranked = rankCandidates(
      need.availability,
      pool.map((nearby) => ({
        ...nearby,
        availability: nearby.offer.availability,
        askedToday: load.get(nearby.offer.psid) ?? 0,
      })),
      this.rankSettings(options.maxDistanceMeters),
    );
    return ranked.slice(0, limit).map(({ offer, distanceMeters }) => ({ offer, distanceMeters }));
  }

  /**
   * The resident chose this helper: records the match and asks the helper; outside their
   * window, or past the daily limit of helpers asked for the need's author, hands it to the
   * moderators instead (the conversation flagged).
   */
  async askHelper(need: StoredEntry, nearby: OfferNearby): Promise<AskResult> {
    const match = await this.ports.matches.propose(need, nearby.offer, nearby.distanceMeters);
    return { match, sent: await this.requestHelper(match, need) };
  }

  /**
   * Suggests a helper to the author of `need` (a `suggested` match): the author chooses
   * whether to ask them; the helper learns nothing before that.
   *
   * @returns whether the author was told (otherwise the suggestion lapses unanswered).
   */
  async suggestHelper(need: StoredEntry, nearby: OfferNearby, cause: SuggestionCause): Promise<boolean> {
    const match = await this.ports.matches.suggest(need, nearby.offer, nearby.distanceMeters);
    return reached(await this.tellSuggestion(match, nearby.offer, cause));
  }

  /**
   * The need's author answers a suggested helper: yes asks the helper (the only way their
   * contact can reach a helper); no, or an offer no longer available, suggests the next
   * helper at once when there is one, and otherwise leaves the need open for the
   * re-examination. Only the need's author can answer, once.
   *
   * @param options.inOrder - yes, and the author accepts the order: recorded on the need, so
   * that after a decline or a timeout the next helper is asked directly (see {@link Matching.moveOn}).
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
    if (!need || !isOpen(need)) {
      await matches.toModerators(match._id);
      return { status: 'stale' };
    }
    const inOrder = options.inOrder === true && yes;
    if (inOrder) await this.ports.entries.acceptOrder(need._id, needPsid);
    if (!offer || offer.status !== 'published' || offer.paused === true) {
      await matches.lapse(match._id);
      return { status: 'gone', next: await this.suggestNext(need._id, 'skipped') };
    }
    const sent = await this.requestHelper(match, need);
    return { status: 'asked', sent, distanceMeters: match.distanceMeters, inOrder };
  }

  /**
   * An entry was published (approved by a referent), resumed or renewed: an offer is
   * suggested to the authors of the open needs of its category within reach (as many as
   * its helper may still be put forward today, urgent needs first, then best ranked); a need
   * is suggested its best helper, unless a match is under way.
   *
   * @returns how many authors were suggested a helper.
   */
  async entryPublished(entryId: string | ObjectId): Promise<number> {
    const entry = await this.ports.entries.get(entryId);
    if (!entry || entry.status !== 'published' || entry.paused === true) return 0;
    if (entry.expiresAt <= this.ports.clock()) return 0;
    if (entry.kind === 'need') return (await this.suggestNext(entry._id, 'found', false)) ? 1 : 0;
    const nearby = await this.ports.needs.findNeedsNear(entry, { maxDistanceMeters: this.maxDistance() });
    if (nearby.length === 0) return 0;
    const needIds = nearby.map(({ need }) => need._id);
    const [underWay, pairs, load] = await Promise.all([
      this.ports.matches.needsUnderWay(needIds),
      this.ports.matches.pairsOf(needIds),
      this.ports.matches.helperLoadSince(new Date(this.ports.clock().getTime() - DAY_MS), [entry.psid]),
    ]);
    const settings = this.rankSettings();
    let room = settings.helperAsksPerDay - (load.get(entry.psid) ?? 0);
    const offerHex = entry._id.toHexString();
    const candidates = nearby
      .filter(({ need }) => {
        const needHex = need._id.toHexString();
        return !underWay.has(needHex) && !pairs.has(`${needHex}:${offerHex}`);
      })
      .map((found) => ({
        ...found,
        score:
          rankScore(
            found.need.availability,
            { ...found, availability: entry.availability, askedToday: 0 },
            settings,
          ) ?? 0,
      }))
      .sort(
        (a, b) => Number(b.need.urgency === 'high') - Number(a.need.urgency === 'high') || a.score - b.score,
      );
    let suggested = 0;
    for (const { need, distanceMeters } of candidates) {
      if (room <= 0) break;
      await this.suggestHelper(need, { offer: entry, distanceMeters }, 'found');
      suggested += 1;
      room -= 1;
    }
    return suggested;
  }

  /**
   * The scheduled pass over every open need (see `planReexamination`): unanswered
   * suggestions lapse, then each open need with nothing under way is suggested its best
   * helper not suggested before, within the helpers' daily limit.
   */
  async reexamineOpenNeeds(now: Date): Promise<ReexaminationSummary> {
    const { matches, needs } = this.ports;
    const lapseHours = this.ports.settings?.suggestionLapseHours ?? DEFAULT_SUGGESTION_LAPSE_HOURS;
    const lapsed = await matches.lapseSuggestionsBefore(new Date(now.getTime() - lapseHours * HOUR_MS));
    const plan = await planReexamination(
      {
        openNeeds: (at) => needs.openNeeds(at),
        offersWithin: (category, centre, radius, at) => needs.offersWithin(category, centre, radius, at),
        allNeedsUnderWay: () => matches.allNeedsUnderWay(),
        pairsOf: (ids) => matches.pairsOf(ids),
        helperLoadSince: (since) => matches.helperLoadSince(since),
      },
      now,
      this.rankSettings(),
    );
    const stored = await matches.suggestMany(
      plan.suggestions.map(({ need, offer, distanceMeters }) => ({
        need: need as StoredEntry,
        offer: offer as StoredEntry,
        distanceMeters,
      })),
    );
    let authorsTold = 0;
    for (const [index, match] of stored.entries()) {
      const told = await this.tellSuggestion(match, plan.suggestions[index].offer, 'found');
      if (reached(told)) authorsTold += 1;
    }
    return {
      openNeeds: plan.openNeeds,
      underWay: plan.underWay,
      groups: plan.groups,
      suggested: stored.length,
      authorsTold,
      nobody: plan.nobody,
      lapsed,
    };
  }

  /** Where each of the author's needs stands, by need id (what "Mes annonces" shows). */
  async needStates(needs: readonly StoredEntry[]): Promise<Map<string, NeedState>> {
    const open = needs.filter((entry) => entry.kind === 'need');
    const latest = await this.ports.matches.latestByNeed(open.map((need) => need._id));
    const states = new Map<string, NeedState>();
    for (const need of open) {
      const id = need._id.toHexString();
      const status = latest.get(id)?.status;
      states.set(
        id,
        need.status === 'matched' || status === 'accepted'
          ? 'accepted'
          : status === 'proposed'
            ? 'asked'
            : status === 'suggested'
              ? 'suggested'
              : status === 'to_moderators'
                ? 'referent'
                : 'searching',
      );
    }
    return states;
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
    return need && isOpen(need)
      ? { status: 'waiting', notice: helperAskedNotice(match, need) }
      : { status: 'settled' };
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
   * The follow-up question ("did the help happen?") `psid` was asked in the last
   * {@link FOLLOW_UP_ANSWER_DAYS} days and has not answered, or null: what a typed "oui" or
   * "non, personne n'est venu" answers, and what "Mes annonces" offers to answer.
   */
  async pendingFollowUpFor(psid: string): Promise<PendingFollowUp | null> {
    const since = new Date(this.ports.clock().getTime() - FOLLOW_UP_ANSWER_DAYS * 24 * HOUR_MS);
    const match = await this.ports.matches.latestFollowUpAwaiting(psid, since);
    return match ? { matchId: match._id.toHexString(), category: match.category } : null;
  }

  /**
   * A helper's answer to a request. Accepted: the entries become matched, the asker is told
   * what the helper shares, and a contact through the page only flags the conversation for
   * a referent. Declined: the need moves on to the next nearest helper (see
   * {@link Matching.moveOn}). Only the offer's owner can answer, once.
   */
  async answerRequest(matchId: string, helperPsid: string, accepted: boolean): Promise<RequestAnswerOutcome> {
    const { matches, attention } = this.ports;
    if (!accepted) {
      const declined = await matches.decline(matchId, helperPsid);
      if (!declined) return { status: 'stale' };
      return { status: 'declined', next: await this.moveOn(declined, 'declined') };
    }
    const match = await matches.accept(matchId, helperPsid);
    if (!match) return { status: 'stale' };
    await this.ports.entries.markMatched(match.needId, match.offerId);
    const offer = await this.ports.entries.get(match.offerId);
    const offerUsedUp = offer?.status === 'matched' && offer.recurring !== true;
    const [asker, helper] = await Promise.all([
      this.ports.residents.get(match.needPsid),
      this.ports.residents.get(helperPsid),
    ]);
    const askerContact = sharedContactOf(asker);
    const helperContact = sharedContactOf(helper);
    if (!askerContact || !helperContact) {
      await attention.flag(match.needPsid, 'asked_for_human', `contact_via_referent ${matchId}`);
    }
    const told = await this.ports.notices.notify(match.needPsid, {
      type: 'matching.requestAccepted',
      category: match.category,
      helperContact,
    });
    if (!reached(told)) await attention.flag(match.needPsid, 'match_outside_window', matchId);
    return { status: 'accepted', match, askerContact, askerTold: reached(told), offerUsedUp };
  }

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
    const next = await this.nextHelperFor(need);
    if (next && need.orderAccepted === true) {
      const asked = await matches.propose(need, next.offer, next.distanceMeters);
      if (await this.requestHelper(asked, need)) {
        await tell({ type: 'matching.nextAsked', cause, distanceMeters: asked.distanceMeters });
        return 'next_asked';
      }
      // The helper could not be asked: a referent takes it (the match flagged and tasked).
      await tell({ type: 'matching.toReferent', cause });
      return 'to_moderators';
    }
    if (next) {
      const suggestion = await matches.suggest(need, next.offer, next.distanceMeters);
      const told = await this.tellSuggestion(suggestion, next.offer, cause);
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

  /**
   * Asks both residents whether the help happened, for every match accepted at least
   * `afterHours` before `now` and not followed up yet: once per match (claimed atomically),
   * only inside each resident's window; what became of each question is recorded.
   */
  async sendFollowUps(now: Date, afterHours = DEFAULT_FOLLOW_UP_AFTER_HOURS): Promise<FollowUpSummary> {
    const { matches } = this.ports;
    const due = new Date(now.getTime() - afterHours * HOUR_MS);
    const summary: FollowUpSummary = { matches: 0, sent: 0, notReachable: 0, failed: 0 };
    for (const id of await matches.dueForFollowUp(due)) {
      const match = await matches.claimFollowUp(id, now);
      if (!match) continue;
      summary.matches += 1;
      for (const side of ['need', 'offer'] as const satisfies readonly MatchSide[]) {
        const psid = side === 'need' ? match.needPsid : match.offerPsid;
        const result = await this.askFollowUp(psid, match);
        await matches.recordFollowUpDelivery(id, side, { result, at: now });
        if (reached(result)) summary.sent += 1;
        else if (result === 'failed') summary.failed += 1;
        else summary.notReachable += 1;
      }
    }
    return summary;
  }

  /**
   * Stores a resident's answer to the follow-up question; a "no" flags their conversation
   * for the moderators (reason `complaint`).
   *
   * @returns false when the match is unknown or `psid` is not one of its residents.
   */
  async recordFollowUp(matchId: string | ObjectId, psid: string, yes: boolean): Promise<boolean> {
    const recorded = await this.ports.matches.recordFollowUpAnswer(
      matchId,
      psid,
      yes === true,
      this.ports.clock(),
    );
    if (!recorded) return false;
    if (yes !== true) {
      await this.ports.attention.flag(
        psid,
        'complaint',
        `follow-up: help did not happen (match ${recorded.match._id.toHexString()})`,
      );
    }
    return true;
  }

  /**
   * Asks the helper of a `proposed` match (the author chose them): past the author's daily
   * limit of helpers asked, or when the helper cannot be written to, the match goes to the
   * moderators (the conversation flagged).
   *
   * @returns whether the helper was asked.
   */
  private async requestHelper(match: StoredMatch, need: StoredEntry): Promise<boolean> {
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

  /** Tells the author of a suggested match about its helper; what became of the notice. */
  private async tellSuggestion(
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

  /** The best helper not paired with `need` yet, or undefined. */
  private async nextHelperFor(need: StoredEntry): Promise<OfferNearby | undefined> {
    const paired = await this.ports.matches.forNeed(need._id);
    const [next] = await this.findOffersFor(need, {
      limit: 1,
      excludeOfferIds: paired.map((match) => match.offerId),
    });
    return next;
  }

  /**
   * Suggests the next helper to the author of the need `needId` when it is open and (unless
   * `underWayAllowed`) nothing is under way for it.
   *
   * @returns whether a helper was suggested and the author told.
   */
  private async suggestNext(
    needId: ObjectId,
    cause: SuggestionCause,
    underWayAllowed = true,
  ): Promise<boolean> {
    const need = await this.ports.entries.get(needId);
    if (!need || !isOpen(need) || need.paused === true) return false;
    if (!underWayAllowed && (await this.ports.matches.needsUnderWay([need._id])).size > 0) return false;
    const next = await this.nextHelperFor(need);
    return next ? this.suggestHelper(need, next, cause) : false;
  }

  private maxDistance(): number {
    return DEFAULT_MAX_DISTANCE_METERS;
  }

  private rankSettings(maxDistanceMeters?: number): RankSettings {
    return {
      maxDistanceMeters: maxDistanceMeters ?? this.maxDistance(),
      helperAsksPerDay: this.ports.settings?.helperAsksPerDay ?? DEFAULT_HELPER_ASKS_PER_DAY,
    };
  }

  private async askFollowUp(psid: string, match: StoredMatch): Promise<NotifyResult | 'failed'> {
    try {
      return await this.ports.notices.notify(psid, {
        type: 'matching.followUpAsked',
        matchId: match._id.toHexString(),
        category: match.category,
      });
    } catch (error) {
      if (!(error instanceof CodedError && error.code === ErrorCode.GraphRequestFailed)) throw error;
      const code: unknown = (error as CodedError & { graphCode?: unknown }).graphCode;
      this.ports.logger.warn('follow-up refused by Messenger', {
        resident: redactId(psid),
        code: typeof code === 'number' ? code : undefined,
      });
      return 'failed';
    }
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
