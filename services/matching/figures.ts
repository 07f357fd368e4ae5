/**
 * What the referents' console reads of matches: when needs found a helper, never who.
 */
import type { Collection, Db, ObjectId } from 'mongodb';
import type { Category, Match } from '../domain/types';
import { MATCHES_COLLECTION } from './matchDocuments';

/** One match accepted by its helper: its need, category and date (no psid). */
export interface AcceptedMatch {
  needId: ObjectId;
  category: Category;
  acceptedAt: Date;
}

/** The console's read model of `matches`. */
export class MatchFigures {
  private readonly collection: Collection<Match>;

  constructor(db: Db) {
    this.collection = db.collection<Match>(MATCHES_COLLECTION);
  }

  /** Matches accepted in `[from, to)` (uses the sparse `acceptedAt` index). */
  async acceptedBetween(from: Date, to: Date): Promise<AcceptedMatch[]> {
    const matches = await this.collection
      .find(
        { acceptedAt: { $gte: from, $lt: to } },
        { projection: { _id: 0, needId: 1, category: 1, acceptedAt: 1 } },
      )
      .toArray();
    return matches.map((match) => ({
      needId: match.needId,
      category: match.category,
      acceptedAt: match.acceptedAt as Date,
    }));
  }
}
