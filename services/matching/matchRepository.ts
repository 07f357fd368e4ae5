/**
 * Needs put in touch with offers (collection `matches`), and what their owners decide: the
 * module's one writer of the collection.
 *
 * @remarks
 * A match's life is written here (proposed, accepted, declined, expired, lapsed, with the
 * moderators), except three parts kept in files of their own and reached through this class:
 * the suggestions to a need's author (`MatchSuggestions`, matchSuggestions.ts), the
 * follow-up (`MatchFollowUps`, matchFollowUps.ts), and the reads of past matches the ranking
 * makes (`MatchHistory`, matchHistory.ts).
 */
import type { Collection, Db, ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import type { Entry, Match, MatchStatus } from '../domain/types';
import { toObjectId } from '../validation';
import {
  MatchFollowUps,
  type FollowedMatch,
  type FollowUpDelivery,
  type MatchDocument,
  type MatchSide,
} from './matchFollowUps';
import { MatchHistory } from './matchHistory';
import { MatchSuggestions } from './matchSuggestions';
import { MATCHES_COLLECTION, type StoredMatch } from './matchDocuments';
import { validNewMatch } from './newMatch';

export { MATCHES_COLLECTION, type StoredMatch } from './matchDocuments';

/**
 * Records proposals and the offer owner's answer.
 *
 * @remarks
 * Malformed ids find nothing (null / empty). Only the owner of the offer can accept or
 * decline, and only while the match is `proposed` (the entries module marks the entries
 * `matched` after an acceptance).
 */
export class MatchRepository {
  private readonly collection: Collection<MatchDocument>;
  private readonly followUps: MatchFollowUps;
  private readonly history: MatchHistory;
  private readonly suggestions: MatchSuggestions;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<MatchDocument>(MATCHES_COLLECTION);
    this.followUps = new MatchFollowUps(this.collection);
    this.history = new MatchHistory(this.collection);
    this.suggestions = new MatchSuggestions(this.collection, clock);
  }

  /** Creates the lookup indexes (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndexes([
      { key: { needId: 1 }, name: 'needId' },
      { key: { offerId: 1 }, name: 'offerId' },
      { key: { needPsid: 1 }, name: 'needPsid' },
      { key: { offerPsid: 1 }, name: 'offerPsid' },
      { key: { status: 1, createdAt: 1 }, name: 'statusCreatedAt' },
      { key: { status: 1, askedAt: 1 }, name: 'statusAskedAt' },
      { key: { acceptedAt: 1 }, name: 'acceptedAt', sparse: true },
    ]);
  }

  /** The matches `psid` is in (asking or helping), newest first. */
  async byResident(psid: string, limit = 50): Promise<StoredMatch[]> {
    return this.collection
      .find({ $or: [{ needPsid: psid }, { offerPsid: psid }] })
      .sort({ createdAt: -1 })
      .limit(limit)
      .toArray();
  }

  /**
   * Records that `offer` was proposed for `need`, `distanceMeters` apart.
   *
   * @throws CodedError `payload_invalid` when the entries are not a stored need and offer of the same category.
   */
  async propose(need: Entry, offer: Entry, distanceMeters: number): Promise<StoredMatch> {
    const match = validNewMatch(need, offer, distanceMeters, 'proposed', this.clock());
    const { insertedId } = await this.collection.insertOne(match);
    return { ...match, _id: insertedId };
  }

  /**
   * Records that `offer` was suggested to the author of `need` (status `suggested`): the
   * helper knows nothing until the author chooses them ({@link MatchRepository.confirmSuggestion}).
   *
   * @throws CodedError `payload_invalid` as {@link MatchRepository.propose}.
   */
  async suggest(need: Entry, offer: Entry, distanceMeters: number): Promise<StoredMatch> {
    const [match] = await this.suggestMany([{ need, offer, distanceMeters }]);
    return match;
  }

  /**
   * Records many suggestions, in parallel batches (see {@link MatchSuggestions.store}); same
   * checks as {@link MatchRepository.suggest}.
   */
  suggestMany(
    pairs: ReadonlyArray<{ need: Entry; offer: Entry; distanceMeters: number }>,
  ): Promise<StoredMatch[]> {
    return this.suggestions.store(pairs);
  }

  /** The need's author chooses the suggested helper: the match becomes `proposed`; null when stale. */
  confirmSuggestion(id: string | ObjectId, needPsid: string): Promise<StoredMatch | null> {
    return this.suggestions.confirm(id, needPsid);
  }

  /** The need's author turns the suggestion down; null when not theirs or no longer `suggested`. */
  skipSuggestion(id: string | ObjectId, needPsid: string): Promise<StoredMatch | null> {
    return this.suggestions.skip(id, needPsid);
  }

  /** Suggestions made at `before` or earlier and never answered become `lapsed`; how many. */
  lapseSuggestionsBefore(before: Date): Promise<number> {
    return this.suggestions.lapseBefore(before);
  }

  /** The latest helper suggested to `needPsid` and not answered yet (what a typed "oui" answers). */
  latestSuggestedTo(needPsid: string): Promise<StoredMatch | null> {
    return this.suggestions.latestTo(needPsid);
  }

  /** A match asked of an offer no longer available lapses; null when unknown or settled. */
  async lapse(id: ObjectId): Promise<StoredMatch | null> {
    return await this.collection.findOneAndUpdate(
      { _id: id, status: { $in: ['suggested', 'proposed'] } },
      { $set: { status: 'lapsed', updatedAt: this.clock() } },
      { returnDocument: 'after' },
    );
  }

  /** Of `needIds`, the needs with a match under way (see {@link MatchHistory.needsUnderWay}). */
  needsUnderWay(needIds: readonly ObjectId[]): Promise<Set<string>> {
    return this.history.needsUnderWay(needIds);
  }

  /** Every need with a match under way (hex ids). */
  allNeedsUnderWay(): Promise<Set<string>> {
    return this.history.allNeedsUnderWay();
  }

  /** Every (need, offer) pair already made for `needIds`, as `needHex:offerHex`: never suggested twice. */
  pairsOf(needIds: readonly ObjectId[]): Promise<Set<string>> {
    return this.history.pairsOf(needIds);
  }

  /** Times each helper was put forward (suggested or asked) since `since`, by psid. */
  helperLoadSince(since: Date, helperPsids?: readonly string[]): Promise<Map<string, number>> {
    return this.history.helperLoadSince(since, helperPsids);
  }

  /** The latest match of each of `needIds` (what its author is told of it), by need id. */
  latestByNeed(needIds: readonly ObjectId[]): Promise<Map<string, StoredMatch>> {
    return this.history.latestByNeed(needIds);
  }

  /** The match with this id, or null (also for a malformed id). */
  async get(id: string | ObjectId): Promise<StoredMatch | null> {
    const _id = toObjectId(id);
    return _id ? this.collection.findOne({ _id }) : null;
  }

  /**
   * The offer's owner accepts: the match becomes `accepted`.
   *
   * @returns the accepted match, or null when the id is unknown, `offerPsid` is not the
   * offer's owner, or the match is no longer `proposed`.
   */
  async accept(id: string | ObjectId, offerPsid: string): Promise<StoredMatch | null> {
    return this.transition(id, offerPsid, 'accepted', { acceptedAt: this.clock() });
  }

  /** The latest request still waiting for `offerPsid`'s answer, or null. */
  async latestProposedTo(offerPsid: string): Promise<StoredMatch | null> {
    if (typeof offerPsid !== 'string' || offerPsid === '') return null;
    return await this.collection.findOne(
      { offerPsid, status: 'proposed' },
      { sort: { createdAt: -1, _id: -1 } },
    );
  }

  /** The offer's owner declines; null when not theirs or no longer `proposed`. */
  async decline(id: string | ObjectId, offerPsid: string): Promise<StoredMatch | null> {
    return this.transition(id, offerPsid, 'declined', {});
  }

  /** Hands a proposed, declined or expired match to the moderators; null when unknown or already settled. */
  async toModerators(id: string | ObjectId): Promise<StoredMatch | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    return await this.collection.findOneAndUpdate(
      { _id, status: { $in: ['proposed', 'declined', 'expired'] } },
      { $set: { status: 'to_moderators', updatedAt: this.clock() } },
      { returnDocument: 'after' },
    );
  }

  /**
   * Expires the oldest match still `proposed` since `before` or earlier (the helper never
   * answered), in one atomic step: of two callers at once, only one gets each match.
   *
   * @returns up to `limit` matches, each now `expired` by this call, oldest first.
   */
  async expireProposedBefore(before: Date, limit: number): Promise<StoredMatch[]> {
    const expired: StoredMatch[] = [];
    while (expired.length < limit) {
      // Matches asked before `askedAt` existed count from their creation.
      const match = await this.collection.findOneAndUpdate(
        {
          status: 'proposed',
          $or: [{ askedAt: { $lte: before } }, { askedAt: { $exists: false }, createdAt: { $lte: before } }],
        },
        { $set: { status: 'expired', updatedAt: this.clock() } },
        { sort: { createdAt: 1, _id: 1 }, returnDocument: 'after' },
      );
      if (!match) break;
      expired.push(match);
    }
    return expired;
  }

  /** Every match of a need, oldest first (an invalid id gives none). */
  async forNeed(needId: string | ObjectId): Promise<StoredMatch[]> {
    const _id = toObjectId(needId);
    if (!_id) return [];
    return await this.collection.find({ needId: _id }).sort({ createdAt: 1, _id: 1 }).toArray();
  }

  /** The follow-up question `psid` has yet to answer (see {@link MatchFollowUps.latestAwaiting}). */
  latestFollowUpAwaiting(psid: string, since: Date): Promise<FollowedMatch | null> {
    return this.followUps.latestAwaiting(psid, since);
  }

  /** Ids of the matches accepted at `due` or earlier whose follow-up was never asked. */
  dueForFollowUp(due: Date): Promise<ObjectId[]> {
    return this.followUps.due(due);
  }

  /** Claims the follow-up of a match, atomically; null when already claimed. */
  claimFollowUp(id: ObjectId, at: Date): Promise<FollowedMatch | null> {
    return this.followUps.claim(id, at);
  }

  /** Records what became of the follow-up question to one side of a match. */
  recordFollowUpDelivery(id: ObjectId, side: MatchSide, delivery: FollowUpDelivery): Promise<void> {
    return this.followUps.recordDelivery(id, side, delivery);
  }

  /** Records one resident's answer to the follow-up question (see {@link MatchFollowUps.recordAnswer}). */
  recordFollowUpAnswer(
    id: string | ObjectId,
    psid: string,
    yes: boolean,
    at: Date,
  ): Promise<{ match: StoredMatch; side: MatchSide } | null> {
    return this.followUps.recordAnswer(id, psid, yes, at);
  }

  private async transition(
    id: string | ObjectId,
    offerPsid: string,
    status: MatchStatus,
    extra: Partial<Match>,
  ): Promise<StoredMatch | null> {
    const _id = toObjectId(id);
    if (!_id || typeof offerPsid !== 'string' || offerPsid === '') return null;
    return await this.collection.findOneAndUpdate(
      { _id, offerPsid, status: 'proposed' },
      { $set: { ...extra, status, updatedAt: this.clock() } },
      { returnDocument: 'after' },
    );
  }
}
