/**
 * Where and until when each person can be written to: the last message they sent (the
 * 24-hour window opens there) and the conversation reference for proactive messages.
 *
 * @remarks
 * Kept apart from `residents` so that someone who only said hello leaves no lasting
 * record: each document expires 7 days after the person's last message.
 */
import type { Collection, Db } from 'mongodb';
import type { Batcher } from '../db/batcher';
import { writeBatcher } from '../db/bulk';
import { canSendAutomated, HUMAN_AGENT_WINDOW_MS } from './windowPolicy';

/** Name of the directory collection. */
export const CONVERSATION_REFS_COLLECTION = 'conversation_refs';

/**
 * How to write back to a person, stored as the channel gave it (on the Bot Framework
 * channels, a conversation reference): only the channel's own code reads more than
 * `channelId`.
 */
export interface ChannelReference {
  /** The channel the person wrote on (`facebook`, `emulator`...). */
  channelId?: string;
  [field: string]: unknown;
}

/** One person's entry in the directory (collection `conversation_refs`). */
export interface DirectoryDocument {
  _id: string;
  lastMessageAt: Date;
  reference: ChannelReference;
  expiresAt: Date;
}

/** Reads and records where people can be reached. */
export class ConversationDirectory {
  private readonly collection: Collection<DirectoryDocument>;
  /** Touches of concurrent turns, one update command per batch. */
  private readonly touches: Batcher<DirectoryDocument, void>;

  constructor(db: Db) {
    this.collection = db.collection<DirectoryDocument>(CONVERSATION_REFS_COLLECTION);
    this.touches = writeBatcher(
      this.collection,
      ({ _id, ...fields }: DirectoryDocument) => ({
        updateOne: {
          filter: {
            _id,
            $or: [{ lastMessageAt: { $lte: fields.lastMessageAt } }, { lastMessageAt: { $exists: false } }],
          },
          update: { $set: fields },
          upsert: true,
        },
      }),
      // A duplicate key means a newer message already moved the window: nothing to do.
      () => ({ value: undefined }),
    );
  }

  /** Creates the TTL index (idempotent). */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ expiresAt: 1 }, { name: 'forget_inactive', expireAfterSeconds: 0 });
  }

  /** Records that `psid` just wrote to us, and how to write back. */
  async touch(psid: string, at: Date, reference: ChannelReference): Promise<void> {
    await this.touches.submit({
      _id: psid,
      lastMessageAt: at,
      reference,
      expiresAt: new Date(at.getTime() + HUMAN_AGENT_WINDOW_MS),
    });
  }

  /** What we know of `psid`, or null. */
  async find(psid: string): Promise<DirectoryDocument | null> {
    return this.collection.findOne({ _id: psid });
  }

  /** True while an automated message may be sent to `psid` (within 24 hours of their last message). */
  async canMessage(psid: string, now: Date): Promise<boolean> {
    const found = await this.find(psid);
    return canSendAutomated(found?.lastMessageAt, now);
  }
}
