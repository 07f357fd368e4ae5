/**
 * What the matching use cases are built from: the ports of the other modules and of the bot
 * they call ({@link MatchingPorts}), and their settings.
 *
 * @remarks
 * Types only. Each use case of the module takes the part of {@link MatchingPorts} it calls.
 */
import type { ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import type { AttentionReason, Resident } from '../domain/types';
import type { StoredEntry } from '../entries';
import type { Logger } from '../logger';
import type { Notifier, NotifyResult } from '../messaging/notifier';
import type { MatchRepository } from './matchRepository';
import type { FindOffersOptions, NeedFinder, OfferNearby } from './matcher';
import type { HelperAskedNotice, MatchingNotice } from './notices';

/** Finding published offers near a need (`Matcher`). */
export interface OffersPort {
  findOffersNear(need: StoredEntry, options?: FindOffersOptions): Promise<OfferNearby[]>;
}

/** Open needs near an offer, and the batch reads of the re-examination (`NeedFinder`). */
export type NeedsPort = Pick<NeedFinder, 'findNeedsNear' | 'openNeeds' | 'offersWithin'>;

/** Settings of the matching use cases, every one with a default. */
export interface MatchingSettings {
  /** Times a helper may be put forward in 24 hours; `DEFAULT_HELPER_ASKS_PER_DAY` by default. */
  helperAsksPerDay?: number;
  /** Hours before an unanswered suggestion lapses; `DEFAULT_SUGGESTION_LAPSE_HOURS` by default. */
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

/** What `Matching` is built from. */
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
