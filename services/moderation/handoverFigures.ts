/**
 * What the referents' console reads of hand-overs: when they began and were first answered,
 * in which neighbourhood; never a transcript, a summary or a psid.
 */
import type { Collection, Db } from 'mongodb';
import { HANDOVERS_COLLECTION, type Handover } from './handoverRepository';

/** One hand-over as the figures count it. */
export interface HandoverTiming {
  /** As stored ('' when unknown). */
  neighbourhood: string;
  createdAt: Date;
  /** The first reply a referent wrote, when there was one. */
  firstReplyAt?: Date;
}

/** The console's read model of `handoffs`. */
export class HandoverFigures {
  private readonly collection: Collection<Handover>;

  constructor(db: Db) {
    this.collection = db.collection<Handover>(HANDOVERS_COLLECTION);
  }

  /** Hand-overs begun in `[from, to)`. */
  async begunBetween(from: Date, to: Date): Promise<HandoverTiming[]> {
    const handovers = await this.collection
      .find(
        { createdAt: { $gte: from, $lt: to } },
        { projection: { _id: 0, neighbourhood: 1, createdAt: 1, firstReplyAt: 1 } },
      )
      .toArray();
    return handovers.map((handover) => ({
      neighbourhood: typeof handover.neighbourhood === 'string' ? handover.neighbourhood : '',
      createdAt: handover.createdAt,
      ...(handover.firstReplyAt instanceof Date ? { firstReplyAt: handover.firstReplyAt } : {}),
    }));
  }
}
