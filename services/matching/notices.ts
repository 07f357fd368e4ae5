/**
 * What the matching module tells residents, as data (rendered in dialogs/notices/matching.ts).
 */
import type { Category } from '../domain/types';

/** Why the helper asked before is out of the picture: it chooses the resident's wording. */
export type MoveOnCause = 'declined' | 'expired';

/**
 * What a resident agreed to share with the neighbour they are put in touch with; null
 * (where a contact is expected) means "through the page only".
 */
export interface SharedContact {
  phone?: string;
  email?: string;
}

/** A helper is asked whether they can help a need (answered `MATCH_ACCEPT_` / `MATCH_DECLINE_<matchId>`). */
export interface HelperAskedNotice {
  readonly type: 'matching.helperAsked';
  matchId: string;
  category: Category;
  /** Between the centres of the two blocks: rendered as its band only. */
  distanceMeters: number;
  description: string;
  availability: string;
}

/**
 * Why a helper is suggested to a need's author: the previous helper declined or did not
 * answer (`MoveOnCause`), the author turned the previous suggestion down (`skipped`), or a
 * helper was found later (`found`: an offer published, resumed or renewed, the need approved,
 * or the scheduled re-examination).
 */
export type SuggestionCause = MoveOnCause | 'skipped' | 'found';

/**
 * The need's author: a helper could help; shall we ask them? (`MATCH_ASK_` / `MATCH_SKIP_<matchId>`).
 * Nothing of the author reaches the helper before the author says yes.
 */
export interface HelperSuggestedNotice {
  readonly type: 'matching.helperSuggested';
  matchId: string;
  cause: SuggestionCause;
  category: Category;
  /** Between the centres of the two blocks: rendered as its band only. */
  distanceMeters: number;
  /** The offer's description and availability, as the helper wrote them (screened when stored). */
  description: string;
  availability: string;
}

/**
 * The resident who asked, who accepted the order: the previous helper is out of the picture
 * and the next one was asked directly, `distanceMeters` away.
 */
export interface NextAskedNotice {
  readonly type: 'matching.nextAsked';
  cause: MoveOnCause;
  /** Between the centres of the two blocks: rendered as its band only. */
  distanceMeters: number;
}

/** The resident who asked: nobody (reachable) is left, a referent takes the need. */
export interface ToReferentNotice {
  readonly type: 'matching.toReferent';
  cause: MoveOnCause;
}

/** The resident who asked: the helper accepted; here is what the helper shares. */
export interface RequestAcceptedNotice {
  readonly type: 'matching.requestAccepted';
  category: Category;
  /** Null: the helper is reached through the page (a referent). */
  helperContact: SharedContact | null;
}

/** Both residents, a while after an acceptance: did the help happen? (`FOLLOWUP_YES_` / `FOLLOWUP_NO_<matchId>`). */
export interface FollowUpAskedNotice {
  readonly type: 'matching.followUpAsked';
  matchId: string;
  category: Category;
}

/** Every notice of the matching module. */
export type MatchingNotice =
  | HelperAskedNotice
  | HelperSuggestedNotice
  | NextAskedNotice
  | ToReferentNotice
  | RequestAcceptedNotice
  | FollowUpAskedNotice;
