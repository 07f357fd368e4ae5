/**
 * The matching module's use cases in one object (`Matching`), what the composition root
 * builds and the dialogs and jobs call: finding offers near a need, suggesting and asking
 * helpers, the helpers' answers, moving on when one declines or never answers, entries
 * published, the re-examination of open needs, and the follow-up question.
 *
 * @remarks
 * Each use case lives in a file of its own; this class only assembles them over the
 * {@link MatchingPorts} and hands each call to its part:
 * - `helperSearch.ts`: the ranked offers near a need;
 * - `helperRequests.ts`: asking a helper, the request waiting for their answer;
 * - `suggestions.ts`: a helper suggested to a need's author, and their answer;
 * - `helperAnswers.ts`: the helper's answer (accepted, declined);
 * - `movingOn.ts`: the next helper after a decline or a timeout, the timeouts;
 * - `publishedEntries.ts`: an entry published, resumed or renewed;
 * - `reexamineNeeds.ts`: the scheduled pass over open needs;
 * - `followUps.ts`: the follow-up question and its answer;
 * - `needStates.ts`: where each need stands.
 *
 * The only writer of the collection `matches` (through `MatchRepository`); entries change
 * through the entries module. No French here: residents are told through `MatchingNotice`s,
 * and the outcomes are data the dialogs render.
 */
import type { ObjectId } from 'mongodb';
import type { StoredEntry } from '../entries';
import { FollowUps, type FollowUpSummary, type PendingFollowUp } from './followUps';
import { HelperAnswers, type RequestAnswerOutcome } from './helperAnswers';
import { HelperRequests, type AskResult, type RequestAwaiting } from './helperRequests';
import { HelperSearch } from './helperSearch';
import type { StoredMatch } from './matchDocuments';
import type { FindOffersOptions, OfferNearby } from './matcher';
import { MovingOn, type ExpireOptions, type MoveOnOutcome, type TimeoutSummary } from './movingOn';
import { needStatesOf, type NeedState } from './needStates';
import type { MoveOnCause, SuggestionCause } from './notices';
import type { MatchingPorts } from './ports';
import { PublishedEntries } from './publishedEntries';
import { NeedReexamination, type ReexaminationSummary } from './reexamineNeeds';
import { Suggestions, type SuggestionAnswerOutcome } from './suggestions';

/** The use cases of putting needs in touch with offers. */
export class Matching {
  private readonly search: HelperSearch;
  private readonly requests: HelperRequests;
  private readonly suggestions: Suggestions;
  private readonly movingOn: MovingOn;
  private readonly answers: HelperAnswers;
  private readonly published: PublishedEntries;
  private readonly reexamination: NeedReexamination;
  private readonly followUps: FollowUps;

  constructor(private readonly ports: MatchingPorts) {
    this.search = new HelperSearch(ports);
    this.requests = new HelperRequests(ports);
    this.suggestions = new Suggestions(ports, this.search, this.requests);
    this.movingOn = new MovingOn(ports, this.search, this.requests, this.suggestions);
    this.answers = new HelperAnswers(ports, this.movingOn);
    this.published = new PublishedEntries(ports, this.search, this.suggestions);
    this.reexamination = new NeedReexamination(ports, this.search, this.suggestions);
    this.followUps = new FollowUps(ports);
  }

  /** Published offers near `need`, best first: see {@link HelperSearch.findOffersFor}. */
  findOffersFor(need: StoredEntry, options: FindOffersOptions = {}): Promise<OfferNearby[]> {
    return this.search.findOffersFor(need, options);
  }

  /** The resident chose this helper: see {@link HelperRequests.askHelper}. */
  askHelper(need: StoredEntry, nearby: OfferNearby): Promise<AskResult> {
    return this.requests.askHelper(need, nearby);
  }

  /** Suggests a helper to the author of `need`: see {@link Suggestions.suggestHelper}. */
  suggestHelper(need: StoredEntry, nearby: OfferNearby, cause: SuggestionCause): Promise<boolean> {
    return this.suggestions.suggestHelper(need, nearby, cause);
  }

  /** The need's author answers a suggested helper: see {@link Suggestions.answerSuggestion}. */
  answerSuggestion(
    matchId: string,
    needPsid: string,
    yes: boolean,
    options: { inOrder?: boolean } = {},
  ): Promise<SuggestionAnswerOutcome> {
    return this.suggestions.answerSuggestion(matchId, needPsid, yes, options);
  }

  /** An entry was published, resumed or renewed: see {@link PublishedEntries.entryPublished}. */
  entryPublished(entryId: string | ObjectId): Promise<number> {
    return this.published.entryPublished(entryId);
  }

  /** The scheduled pass over every open need: see {@link NeedReexamination.reexamineOpenNeeds}. */
  reexamineOpenNeeds(now: Date): Promise<ReexaminationSummary> {
    return this.reexamination.reexamineOpenNeeds(now);
  }

  /** Where each of the author's needs stands, by need id (what "Mes annonces" shows). */
  needStates(needs: readonly StoredEntry[]): Promise<Map<string, NeedState>> {
    return needStatesOf(this.ports.matches, needs);
  }

  /** The request a helper has not answered yet: see {@link HelperRequests.pendingRequestFor}. */
  pendingRequestFor(helperPsid: string): Promise<string | null> {
    return this.requests.pendingRequestFor(helperPsid);
  }

  /** The request `matchId` while it waits for its helper: see {@link HelperRequests.requestAwaiting}. */
  requestAwaiting(matchId: string, helperPsid: string): Promise<RequestAwaiting> {
    return this.requests.requestAwaiting(matchId, helperPsid);
  }

  /** The helper suggested to `needPsid` not answered yet: see {@link Suggestions.pendingSuggestionFor}. */
  pendingSuggestionFor(needPsid: string): Promise<string | null> {
    return this.suggestions.pendingSuggestionFor(needPsid);
  }

  /** The follow-up question `psid` has not answered: see {@link FollowUps.pendingFollowUpFor}. */
  pendingFollowUpFor(psid: string): Promise<PendingFollowUp | null> {
    return this.followUps.pendingFollowUpFor(psid);
  }

  /** A helper's answer to a request: see {@link HelperAnswers.answerRequest}. */
  answerRequest(matchId: string, helperPsid: string, accepted: boolean): Promise<RequestAnswerOutcome> {
    return this.answers.answerRequest(matchId, helperPsid, accepted);
  }

  /** After a decline or a timeout, the next helper or a referent: see {@link MovingOn.moveOn}. */
  moveOn(previous: StoredMatch, cause: MoveOnCause, keepUndelivered = false): Promise<MoveOnOutcome> {
    return this.movingOn.moveOn(previous, cause, keepUndelivered);
  }

  /** Expires the requests left unanswered: see {@link MovingOn.expireUnanswered}. */
  expireUnanswered(now: Date, options: ExpireOptions = {}): Promise<TimeoutSummary> {
    return this.movingOn.expireUnanswered(now, options);
  }

  /** Asks the follow-up questions due: see {@link FollowUps.sendFollowUps}. */
  sendFollowUps(now: Date, afterHours?: number): Promise<FollowUpSummary> {
    return this.followUps.sendFollowUps(now, afterHours);
  }

  /** Stores a resident's answer to the follow-up question: see {@link FollowUps.recordFollowUp}. */
  recordFollowUp(matchId: string | ObjectId, psid: string, yes: boolean): Promise<boolean> {
    return this.followUps.recordFollowUp(matchId, psid, yes);
  }
}
