/**
 * Needs put in touch with offers (collection `matches`), and what their owners decide.
 */
import { ObjectId, type Collection, type Db } from 'mongodb';
import type { Clock } from '../clock';
import type { Entry, Match, MatchStatus } from '../domain/types';
import { CodedError, ErrorCode } from '../errors';
import { requirePsid, toObjectId } from '../validation';
import type { NotifyResult } from '../messaging/notifier';

/** Name of the collection of matches. */
export const MATCHES_COLLECTION = 'matches';

/**
 * Statuses of a match under way: its need is not suggested anything else meanwhile. A match
 * with the moderators is not: a new helper near may still be suggested to the author.
 */
const UNDER_WAY: MatchStatus[] = ['suggested', 'proposed', 'accepted'];

/** Suggestions stored by one insert command of {@link MatchRepository.suggestMany}. */
const SUGGESTIONS_PER_COMMAND = 1000;
/** Insert commands of {@link MatchRepository.suggestMany} running at once. */
const SUGGESTION_COMMANDS_AT_ONCE = 4;

/** A match as stored, with its id. */
export type StoredMatch = Match & { _id: ObjectId };

/** What became of the follow-up question to one resident (`failed`: the channel refused it). */
export type FollowUpDelivery = { result: NotifyResult | 'failed'; at: Date };

/** What a match records of its follow-up (field `followUp` of `matches`). */
export interface FollowUp {
  /** Set first, atomically: the question is never asked twice, even by two runs at once. */
  claimedAt: Date;
  need?: FollowUpDelivery;
  offer?: FollowUpDelivery;
  answers?: { need?: { yes: boolean; at: Date }; offer?: { yes: boolean; at: Date } };
}

/** A match with its follow-up, if one was asked. */
export type FollowedMatch = StoredMatch & { followUp?: FollowUp };

/** One of the two residents of a match. */
export type MatchSide = 'need' | 'offer';

/**
 * Records proposals and the offer owner's answer.
 *
 * @remarks
 * Malformed ids find nothing (null / empty). Only the owner of the offer can accept or
 * decline, and only while the match is `proposed` (the entries module marks the entries
 * `matched` after an acceptance).
 */
export class MatchRepository {
  private readonly collection: Collection<Match & { followUp?: FollowUp }>;

  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<Match & { followUp?: FollowUp }>(MATCHES_COLLECTION);
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
    const match = this.newMatch(need, offer, distanceMeters, 'proposed');
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
   * Records many suggestions in unordered commands of {@link SUGGESTIONS_PER_COMMAND}, up to
   * {@link SUGGESTION_COMMANDS_AT_ONCE} at a time (the scheduled re-examination: the engine
   * need not keep their order, and several commands use several of its connections); same
   * checks as {@link MatchRepository.suggest}.
   *
   * @throws the first command's failure once every command has been tried (the others'
   * suggestions are stored, as with one unordered command).
   */
  async suggestMany(
    pairs: ReadonlyArray<{ need: Entry; offer: Entry; distanceMeters: number }>,
  ): Promise<StoredMatch[]> {
    if (pairs.length === 0) return [];
    const matches: StoredMatch[] = pairs.map(({ need, offer, distanceMeters }) => ({
      _id: new ObjectId(),
      ...this.newMatch(need, offer, distanceMeters, 'suggested'),
    }));
    const chunks: StoredMatch[][] = [];
    for (let at = 0; at < matches.length; at += SUGGESTIONS_PER_COMMAND)
      chunks.push(matches.slice(at, at + SUGGESTIONS_PER_COMMAND));
    const failures: unknown[] = [];
    const insertNext = async (): Promise<void> => {
      for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
        await this.collection.insertMany(chunk, { ordered: false }).catch((error: unknown) => {
          failures.push(error);
        });
      }
    };
    await Promise.all(Array.from({ length: SUGGESTION_COMMANDS_AT_ONCE }, insertNext));
    if (failures.length > 0) throw failures[0];
    return matches;
  }

  /**
   * The need's author chooses the suggested helper: the match becomes `proposed` (asked now).
   *
   * @returns the match, or null when unknown, not `needPsid`'s, or no longer `suggested`.
   */
  async confirmSuggestion(id: string | ObjectId, needPsid: string): Promise<StoredMatch | null> {
    const _id = toObjectId(id);
    if (!_id || typeof needPsid !== 'string' || needPsid === '') return null;
    const now = this.clock();
    return await this.collection.findOneAndUpdate(
      { _id, needPsid, status: 'suggested' },
      { $set: { status: 'proposed', askedAt: now, updatedAt: now } },
      { returnDocument: 'after' },
    );
  }

  /** The need's author turns the suggestion down; null when not theirs or no longer `suggested`. */
  async skipSuggestion(id: string | ObjectId, needPsid: string): Promise<StoredMatch | null> {
    const _id = toObjectId(id);
    if (!_id || typeof needPsid !== 'string' || needPsid === '') return null;
    return await this.collection.findOneAndUpdate(
      { _id, needPsid, status: 'suggested' },
      { $set: { status: 'skipped', updatedAt: this.clock() } },
      { returnDocument: 'after' },
    );
  }

  /** A match asked of an offer no longer available lapses; null when unknown or settled. */
  async lapse(id: ObjectId): Promise<StoredMatch | null> {
    return await this.collection.findOneAndUpdate(
      { _id: id, status: { $in: ['suggested', 'proposed'] } },
      { $set: { status: 'lapsed', updatedAt: this.clock() } },
      { returnDocument: 'after' },
    );
  }

  /** Suggestions made at `before` or earlier and never answered become `lapsed`; how many. */
  async lapseSuggestionsBefore(before: Date): Promise<number> {
    const result = await this.collection.updateMany(
      { status: 'suggested', createdAt: { $lte: before } },
      { $set: { status: 'lapsed', updatedAt: this.clock() } },
    );
    return result.modifiedCount;
  }

  /**
   * Of `needIds`, the needs that already have a match under way (suggested to their author,
   * asked of a helper, accepted, or with the moderators): they are not re-examined.
   */
  async needsUnderWay(needIds: readonly ObjectId[]): Promise<Set<string>> {
    if (needIds.length === 0) return new Set();
    const ids: ObjectId[] = await this.collection.distinct('needId', {
      needId: { $in: [...needIds] },
      status: { $in: UNDER_WAY },
    });
    return new Set(ids.map((id) => id.toHexString()));
  }

  /** Every need with a match under way (hex ids), whatever the need: one read on `statusCreatedAt`. */
  async allNeedsUnderWay(): Promise<Set<string>> {
    const ids: ObjectId[] = await this.collection.distinct('needId', { status: { $in: UNDER_WAY } });
    return new Set(ids.map((id) => id.toHexString()));
  }

  /** Every (need, offer) pair already made for `needIds`, as `needHex:offerHex`: never suggested twice. */
  async pairsOf(needIds: readonly ObjectId[]): Promise<Set<string>> {
    if (needIds.length === 0) return new Set();
    const found = await this.collection
      .find({ needId: { $in: [...needIds] } })
      .project<{ needId: ObjectId; offerId: ObjectId }>({ _id: 0, needId: 1, offerId: 1 })
      .toArray();
    return new Set(found.map(({ needId, offerId }) => `${needId.toHexString()}:${offerId.toHexString()}`));
  }

  /** Times each helper was put forward (suggested or asked) since `since`, by psid. */
  async helperLoadSince(since: Date, helperPsids?: readonly string[]): Promise<Map<string, number>> {
    const match: Record<string, unknown> = { createdAt: { $gte: since } };
    if (helperPsids) match.offerPsid = { $in: [...helperPsids] };
    const rows = await this.collection
      .aggregate<{ _id: string; count: number }>([
        { $match: match },
        { $group: { _id: '$offerPsid', count: { $sum: 1 } } },
      ])
      .toArray();
    return new Map(rows.map((row) => [row._id, row.count]));
  }

  /** The latest match of each of `needIds` (what its author is told of it), by need id. */
  async latestByNeed(needIds: readonly ObjectId[]): Promise<Map<string, StoredMatch>> {
    if (needIds.length === 0) return new Map();
    const found = await this.collection
      .find({ needId: { $in: [...needIds] } })
      .sort({ createdAt: 1, _id: 1 })
      .toArray();
    return new Map(found.map((match) => [match.needId.toHexString(), match]));
  }

  private newMatch(need: Entry, offer: Entry, distanceMeters: number, status: MatchStatus): Match {
    const needId = toObjectId(need._id);
    const offerId = toObjectId(offer._id);
    if (
      !needId ||
      !offerId ||
      need.kind !== 'need' ||
      offer.kind !== 'offer' ||
      need.category !== offer.category
    ) {
      throw new CodedError(ErrorCode.PayloadInvalid, 'a match needs a stored need and offer of one category');
    }
    if (!Number.isFinite(distanceMeters) || distanceMeters < 0) {
      throw new CodedError(ErrorCode.PayloadInvalid, 'distanceMeters is invalid');
    }
    const now = this.clock();
    return {
      needId,
      offerId,
      needPsid: requirePsid(need.psid),
      offerPsid: requirePsid(offer.psid),
      category: need.category,
      distanceMeters: Math.round(distanceMeters),
      status,
      createdAt: now,
      updatedAt: now,
      ...(status === 'proposed' ? { askedAt: now } : {}),
    };
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

  /** The latest helper suggested to `needPsid` and not answered yet (what a typed "oui" answers). */
  async latestSuggestedTo(needPsid: string): Promise<StoredMatch | null> {
    if (typeof needPsid !== 'string' || needPsid === '') return null;
    return await this.collection.findOne(
      { needPsid, status: 'suggested' },
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

  /**
   * The match whose follow-up question `psid` received (delivered) at `since` or later and has
   * not answered yet, the most recently asked first; null when none.
   */
  async latestFollowUpAwaiting(psid: string, since: Date): Promise<FollowedMatch | null> {
    if (typeof psid !== 'string' || psid === '') return null;
    const awaiting = (side: MatchSide) => ({
      [`${side}Psid`]: psid,
      [`followUp.${side}.result`]: 'sent',
      [`followUp.${side}.at`]: { $gte: since },
      [`followUp.answers.${side}`]: { $exists: false },
    });
    return await this.collection.findOne(
      { $or: [awaiting('need'), awaiting('offer')] },
      { sort: { 'followUp.claimedAt': -1, _id: -1 } },
    );
  }

  /** Ids of the matches accepted at `due` or earlier whose follow-up was never asked. */
  async dueForFollowUp(due: Date): Promise<ObjectId[]> {
    const found = await this.collection
      .find({ status: 'accepted', acceptedAt: { $lte: due }, followUp: { $exists: false } })
      .project<{ _id: ObjectId }>({ _id: 1 })
      .toArray();
    return found.map(({ _id }) => _id);
  }

  /**
   * Claims the follow-up of a match, atomically: of two callers at once, only one gets it.
   *
   * @returns the match, or null when its follow-up was already claimed.
   */
  async claimFollowUp(id: ObjectId, at: Date): Promise<FollowedMatch | null> {
    return await this.collection.findOneAndUpdate(
      { _id: id, followUp: { $exists: false } },
      { $set: { followUp: { claimedAt: at } } },
      { returnDocument: 'after' },
    );
  }

  /** Records what became of the follow-up question to one side of a match. */
  async recordFollowUpDelivery(id: ObjectId, side: MatchSide, delivery: FollowUpDelivery): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $set: { [`followUp.${side}`]: delivery } });
  }

  /**
   * Records one resident's answer to the follow-up question.
   *
   * @returns the side `psid` stands on, or null when the match is unknown (or the id
   * malformed) or `psid` is not one of its residents (nothing is written then).
   */
  async recordFollowUpAnswer(
    id: string | ObjectId,
    psid: string,
    yes: boolean,
    at: Date,
  ): Promise<{ match: StoredMatch; side: MatchSide } | null> {
    const _id = toObjectId(id);
    if (!_id || typeof psid !== 'string' || psid === '') return null;
    const match = await this.collection.findOne({ _id });
    const side = match?.needPsid === psid ? 'need' : match?.offerPsid === psid ? 'offer' : undefined;
    if (!match || !side) return null;
    await this.collection.updateOne({ _id }, { $set: { [`followUp.answers.${side}`]: { yes, at } } });
    return { match, side };
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
