/**
 * Conversations handed to the referents (collection `handoffs`), with what was said while
 * they held them.
 *
 * @remarks
 * `transcript` and `summary` hold what residents and moderators wrote: they are for the
 * moderators' eyes only and must never reach a log line. The summary, sent to every referent
 * of the neighbourhood, is screened (`services/screening/screenText`) before it is stored.
 */
import type { Collection, Db, Filter, ObjectId } from 'mongodb';
import type { AttentionReason } from '../domain/types';
import { toObjectId } from '../validation';
import { NEUTRAL_SCREENING_WORDS, screenText, type ScreeningWords } from '../screening/screenText';

/**
 * Name of the handovers collection.
 *
 * @remarks
 * Stored data: the collection keeps its historical name `handoffs` (the code says handover).
 */
export const HANDOVERS_COLLECTION = 'handoffs';
/** Longest summary kept. */
export const MAX_SUMMARY_LENGTH = 500;
/** Longest transcript line kept (a Messenger text is at most 2000 characters). */
export const MAX_TRANSCRIPT_TEXT = 2000;
/** Transcript lines kept per handover (the oldest go first). */
export const MAX_TRANSCRIPT_LINES = 200;

/** Life of a handover: waiting, taken by a moderator, back with the bot. */
export type HandoverStatus = 'open' | 'taken' | 'closed';

/** One line of a handover transcript. */
export interface TranscriptLine {
  from: 'resident' | 'moderator';
  at: Date;
  text: string;
  /** Messenger message id, to ignore redeliveries. */
  mid?: string;
}

/** A conversation handed to the referents. */
export interface Handover {
  _id?: ObjectId;
  psid: string;
  reason: AttentionReason;
  status: HandoverStatus;
  summary: string;
  /** Understanding scores at the time (intent → confidence). */
  scores?: Record<string, number>;
  neighbourhood?: string;
  /** Violence, an address, a health detail: its summary goes to the neighbourhood's referents only. */
  sensitive?: boolean;
  transcript: TranscriptLine[];
  createdAt: Date;
  /** Last line of the transcript (or creation): the take-back timeout counts from here. */
  lastActivityAt: Date;
  /** When thread control reached the page inbox; unset when passing failed. */
  passedAt?: Date;
  firstReplyAt?: Date;
  takenBy?: string;
  closedAt?: Date;
  durationMs?: number;
  /** How it came back: the inbox passed it back, our timeout, or a moderator's menu. */
  closedBy?: 'inbox' | 'timeout' | 'moderator';
  remindedAt?: Date;
  escalatedAt?: Date;
  /** When the resident was told their request is still being looked at. */
  residentInformedAt?: Date;
}

/** A stored handover. */
export type StoredHandover = Handover & { _id: ObjectId };

/** What a new handover starts with. */
export interface NewHandover {
  psid: string;
  reason: AttentionReason;
  summary: string;
  scores?: Record<string, number>;
  neighbourhood?: string;
  sensitive?: boolean;
}

const ACTIVE: HandoverStatus[] = ['open', 'taken'];

/** Stores handovers; at most one open or taken per psid. */
export class HandoverRepository {
  private readonly collection: Collection<Handover>;

  /**
   * @param screening - The placeholders written where a summary held contact details (the
   * composition root passes the locale's); neutral tokens by default.
   */
  constructor(
    db: Db,
    private readonly screening: ScreeningWords = NEUTRAL_SCREENING_WORDS,
  ) {
    this.collection = db.collection<Handover>(HANDOVERS_COLLECTION);
  }

  /** Creates the lookup indexes (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndexes([
      { key: { psid: 1, status: 1 }, name: 'psid_status' },
      { key: { status: 1, createdAt: 1 }, name: 'status_createdAt' },
    ]);
  }

  /**
   * The open (or taken) handover of `psid`, or a new open one.
   *
   * @returns the handover and whether it was created by this call.
   */
  async openOrReuse(input: NewHandover, now: Date): Promise<{ handover: StoredHandover; created: boolean }> {
    const existing = await this.active(input.psid);
    if (existing) return { handover: existing, created: false };
    const handover: Handover = {
      psid: input.psid,
      reason: input.reason,
      status: 'open',
      summary: Array.from(screenText(input.summary, { words: this.screening }).text)
        .slice(0, MAX_SUMMARY_LENGTH)
        .join(''),
      transcript: [],
      createdAt: now,
      lastActivityAt: now,
    };
    if (input.scores) handover.scores = input.scores;
    if (input.neighbourhood) handover.neighbourhood = input.neighbourhood;
    if (input.sensitive) handover.sensitive = true;
    const { insertedId } = await this.collection.insertOne(handover);
    return { handover: { ...handover, _id: insertedId }, created: true };
  }

  /** The open or taken handover of `psid`, or null. */
  async active(psid: string): Promise<StoredHandover | null> {
    return this.collection.findOne({ psid, status: { $in: ACTIVE } }, { sort: { createdAt: -1 } });
  }

  /** Every handover of `psid` (closed ones too), newest first. */
  async byResident(psid: string, limit = 20): Promise<StoredHandover[]> {
    return this.collection.find({ psid }).sort({ createdAt: -1 }).limit(limit).toArray();
  }

  /** The handover with this id (string ids from payloads are checked), or null. */
  async get(id: string | ObjectId): Promise<StoredHandover | null> {
    const _id = toObjectId(id);
    return _id ? this.collection.findOne({ _id }) : null;
  }

  /** Open and taken handovers, oldest first. */
  async listActive(limit = 100): Promise<StoredHandover[]> {
    return this.collection
      .find({ status: { $in: ACTIVE } })
      .sort({ createdAt: 1 })
      .limit(limit)
      .toArray();
  }

  /** Open and taken handovers with no activity since `before`. */
  async idleSince(before: Date): Promise<StoredHandover[]> {
    return this.collection.find({ status: { $in: ACTIVE }, lastActivityAt: { $lte: before } }).toArray();
  }

  /** Open handovers no moderator has answered yet. */
  async unanswered(): Promise<StoredHandover[]> {
    return this.collection.find({ status: 'open', firstReplyAt: { $exists: false } }).toArray();
  }

  /**
   * Appends a line to the active handover of `psid` (a moderator's line also sets
   * `firstReplyAt` once); ignores a line whose `mid` is already there.
   *
   * @returns false when `psid` has no active handover (or the line was a redelivery).
   */
  async append(psid: string, line: TranscriptLine): Promise<boolean> {
    const clean: TranscriptLine = {
      ...line,
      text: Array.from(line.text).slice(0, MAX_TRANSCRIPT_TEXT).join(''),
    };
    const filter: Filter<Handover> = { psid, status: { $in: ACTIVE } };
    if (line.mid !== undefined) filter['transcript.mid'] = { $ne: line.mid };
    const result = await this.collection.updateOne(filter, {
      $push: { transcript: { $each: [clean], $slice: -MAX_TRANSCRIPT_LINES } },
      $max: { lastActivityAt: line.at },
    });
    if (result.matchedCount === 1 && line.from === 'moderator') {
      await this.collection.updateOne(
        { psid, status: { $in: ACTIVE }, firstReplyAt: { $exists: false } },
        { $set: { firstReplyAt: line.at } },
      );
    }
    return result.matchedCount === 1;
  }

  /** Records that thread control reached the page inbox. */
  async markPassed(id: ObjectId, at: Date): Promise<void> {
    await this.collection.updateOne({ _id: id }, { $set: { passedAt: at } });
  }

  /** Marks an open handover as taken by `moderatorPsid`; false when it is not open. */
  async take(id: ObjectId, moderatorPsid: string): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: id, status: 'open' },
      { $set: { status: 'taken', takenBy: moderatorPsid } },
    );
    return result.matchedCount === 1;
  }

  /** Closes an active handover with its duration; null when it was not active. */
  async close(
    id: ObjectId,
    at: Date,
    closedBy: NonNullable<Handover['closedBy']>,
  ): Promise<StoredHandover | null> {
    const found = await this.collection.findOne({ _id: id, status: { $in: ACTIVE } });
    if (!found) return null;
    const durationMs = Math.max(0, at.getTime() - found.createdAt.getTime());
    return this.collection.findOneAndUpdate(
      { _id: id, status: { $in: ACTIVE } },
      { $set: { status: 'closed', closedAt: at, durationMs, closedBy } },
      { returnDocument: 'after' },
    );
  }

  /**
   * Sets `field` to `at` if it was never set: the caller that gets true is the only one to
   * send what that field stands for.
   */
  async claim(
    id: ObjectId,
    field: 'remindedAt' | 'escalatedAt' | 'residentInformedAt',
    at: Date,
  ): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: id, [field]: { $exists: false } },
      { $set: { [field]: at } },
    );
    return result.modifiedCount === 1;
  }
}
