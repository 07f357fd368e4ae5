/**
 * The follow-up of accepted matches in the collection `matches` (field `followUp`): which
 * are due, the atomic claim, what became of each question, and the residents' answers.
 *
 * @remarks
 * Reached through `MatchRepository`, the one writer of the collection.
 */
import type { Collection, ObjectId } from 'mongodb';
import type { Match } from '../domain/types';
import type { NotifyResult } from '../messaging/notifier';
import { toObjectId } from '../validation';

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

/** A match as stored in `matches`, with its follow-up if one was asked. */
export type MatchDocument = Match & { followUp?: FollowUp };

/** A match with its id and its follow-up, if one was asked. */
export type FollowedMatch = MatchDocument & { _id: ObjectId };

/** One of the two residents of a match. */
export type MatchSide = 'need' | 'offer';

/** Reads and writes of the follow-up of matches. */
export class MatchFollowUps {
  constructor(private readonly collection: Collection<MatchDocument>) {}

  /**
   * The match whose follow-up question `psid` received (delivered) at `since` or later and has
   * not answered yet, the most recently asked first; null when none.
   */
  async latestAwaiting(psid: string, since: Date): Promise<FollowedMatch | null> {
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
  async due(due: Date): Promise<ObjectId[]> {
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
  async claim(id: ObjectId, at: Date): Promise<FollowedMatch | null> {
    return await this.collection.findOneAndUpdate(
      { _id: id, followUp: { $exists: false } },
      { $set: { followUp: { claimedAt: at } } },
      { returnDocument: 'after' },
    );
  }

  /** Records what became of the follow-up question to one side of a match. */
  async recordDelivery(id: ObjectId, side: MatchSide, delivery: FollowUpDelivery): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $set: { [`followUp.${side}`]: delivery } });
  }

  /**
   * Records one resident's answer to the follow-up question.
   *
   * @returns the match and the side `psid` stands on, or null when the match is unknown (or
   * the id malformed) or `psid` is not one of its residents (nothing is written then).
   */
  async recordAnswer(
    id: string | ObjectId,
    psid: string,
    yes: boolean,
    at: Date,
  ): Promise<{ match: FollowedMatch; side: MatchSide } | null> {
    const _id = toObjectId(id);
    if (!_id || typeof psid !== 'string' || psid === '') return null;
    const match = await this.collection.findOne({ _id });
    const side = match?.needPsid === psid ? 'need' : match?.offerPsid === psid ? 'offer' : undefined;
    if (!match || !side) return null;
    await this.collection.updateOne({ _id }, { $set: { [`followUp.answers.${side}`]: { yes, at } } });
    return { match, side };
  }
}
