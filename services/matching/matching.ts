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
import type { Notifier, NotifyResult } from '../messaging/notifier';
import type { MatchRepository, MatchSide, StoredMatch } from './matchRepository';
import type { FindOffersOptions, OfferNearby } from './matcher';
import type { MatchingNotice, MoveOnCause, SharedContact } from './notices';

/** Hours a helper has to answer before the request goes elsewhere. */
export const DEFAULT_MATCH_TIMEOUT_HOURS = 6;
/** Matches expired per run at most (the rest wait for the next run, 15 minutes later). */
export const DEFAULT_MATCH_TIMEOUTS_PER_RUN = 50;
/** Hours after acceptance before the follow-up question is asked. */
export const DEFAULT_FOLLOW_UP_AFTER_HOURS = 20;

const HOUR_MS = 3_600_000;

/** Finding published offers near a need (`Matcher`). */
export interface OffersPort {
  findOffersNear(need: StoredEntry, options?: FindOffersOptions): Promise<OfferNearby[]>;
}

/** What matching needs of the entries module (`Entries`). */
export interface MatchingEntriesPort {
  get(id: string | ObjectId): Promise<StoredEntry | null>;
  /** Marks the need and the offer of an accepted match `matched`. */
  markMatched(needId: ObjectId, offerId: ObjectId): Promise<void>;
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
    result: Exclude<NotifyResult, 'sent'>,
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
  entries: MatchingEntriesPort;
  residents: MatchingResidentsPort;
  limits: MatchingLimitsPort;
  attention: MatchingAttentionPort;
  /** Residents' notices, inside their 24-hour window only. */
  notices: Notifier<MatchingNotice>;
  undelivered: UndeliveredNoticesPort;
  handover: UrgentNeedHandoverPort;
  clock: Clock;
  logger: Logger;
}

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

/** What became of a helper's answer to a request. */
export type RequestAnswerOutcome =
  /** The match is unknown, not the helper's, or no longer waiting for an answer. */
  | { status: 'stale' }
  /** Declined: the need moved on. */
  | { status: 'declined'; next: MoveOnOutcome }
  /**
   * Accepted: both entries are matched and the asker was told (when `askerTold`) what the
   * helper shares; the helper is to be told `askerContact` (null: through a referent).
   */
  | { status: 'accepted'; match: StoredMatch; askerContact: SharedContact | null; askerTold: boolean };

/** Figures of a `match-timeouts` run. */
export interface TimeoutSummary {
  expired: number;
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

  /** Published offers near `need`, nearest first (3 at most, within 1 km by default). */
  findOffersFor(need: StoredEntry, options?: FindOffersOptions): Promise<OfferNearby[]> {
    return this.ports.offers.findOffersNear(need, options);
  }

  /**
   * Records the match and asks the helper; outside their window, or past the daily limit of
   * helpers asked for the need's author, hands it to the moderators instead (the
   * conversation flagged).
   */
  async askHelper(need: StoredEntry, nearby: OfferNearby): Promise<AskResult> {
    const { matches, attention, logger } = this.ports;
    const allowed = await this.ports.limits.takeMatchRequest(need.psid);
    const match = await matches.propose(need, nearby.offer, nearby.distanceMeters);
    const id = match._id.toHexString();
    if (!allowed) {
      await matches.toModerators(match._id);
      await attention.flag(need.psid, 'asked_for_human', `match_limit ${id}`);
      logger.info('match handed to moderators', { match: id, result: 'daily_limit' });
      return { match, sent: false };
    }
    const result = await this.ports.notices.notify(nearby.offer.psid, {
      type: 'matching.helperAsked',
      matchId: id,
      category: need.category,
      distanceMeters: nearby.distanceMeters,
      description: need.description,
      availability: need.availability,
    });
    if (result === 'sent') return { match, sent: true };
    await matches.toModerators(match._id);
    await attention.flag(need.psid, 'match_outside_window', id);
    logger.info('match handed to moderators', { match: id, result });
    return { match, sent: false };
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
    if (told !== 'sent') await attention.flag(match.needPsid, 'match_outside_window', matchId);
    return { status: 'accepted', match, askerContact, askerTold: told === 'sent' };
  }

  /**
   * After `previous` was declined or expired, asks the next nearest helper not asked yet, and
   * tells the resident who asked; with nobody left, the match goes to the moderators (the
   * conversation flagged), and an urgent need is handed over to a referent.
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
      if (result !== 'sent' && keepUndelivered) {
        await this.ports.undelivered.keepForModerators(need.psid, notice, result, ref);
      }
    };
    const asked = await matches.forNeed(need._id);
    const [next] = await this.ports.offers.findOffersNear(need, {
      limit: 1,
      excludeOfferIds: asked.map((match) => match.offerId),
    });
    if (next) {
      const { sent } = await this.askHelper(need, next);
      await tell(
        sent
          ? { type: 'matching.nextHelperAsked', cause, distanceMeters: next.distanceMeters }
          : { type: 'matching.toReferent', cause },
      );
      return sent ? 'next_asked' : 'next_unreachable';
    }
    await matches.toModerators(previous._id);
    if (need.urgency === 'high') {
      await this.ports.handover.handOverUrgentNeed(need, { keepUndelivered });
      return 'handed_over';
    }
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
        if (outcome === 'next_asked') summary.nextAsked += 1;
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
        if (result === 'sent') summary.sent += 1;
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
