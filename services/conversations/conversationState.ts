/**
 * The erasure's part of botbuilder's state (collection `bot_state`, see `MongoStorage`): the
 * person's own user and conversation state, and what other people's conversations hold of
 * them.
 */
import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { StorageDocument } from '../db/mongoStorage';
import { CodedError, ErrorCode } from '../errors';

/** Collection of botbuilder's user and conversation state. */
export const BOT_STATE_COLLECTION = 'bot_state';

/** Tries of the conditional write when the other person's turn saves meanwhile. */
const SCRUB_ATTEMPTS = 5;

/**
 * `<any channel>/users/<psid>` or `<any channel>/conversations/<psid>`, with or without the
 * trailing `/<namespace>` botbuilder adds (`facebook/conversations/123/`).
 */
export function stateKeyPattern(psid: string): string {
  return `^[^/]+/(users|conversations)/${psid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|$)`;
}

/** The person a state key belongs to, or undefined for a key of another shape. */
export function personOfStateKey(key: string): string | undefined {
  return /^[^/]+\/(?:users|conversations)\/([^/]+)(?:\/|$)/.exec(key)?.[1];
}

/** The collection, typed. */
export function stateCollection(db: Db): Collection<StorageDocument> {
  return db.collection<StorageDocument>(BOT_STATE_COLLECTION);
}

/** Deletes the person's own user and conversation state; returns how many documents. */
export async function deleteOwnState(db: Db, psid: string): Promise<number> {
  const result = await stateCollection(db).deleteMany({ _id: { $regex: stateKeyPattern(psid) } });
  return result.deletedCount;
}

/**
 * In other people's state, drops every top-level property whose value mentions one of the
 * markers (in practice `DialogState`: their dialog starts over at their next message), and
 * keeps the rest (the turn guard's `ProcessedEventKeys`).
 *
 * @remarks
 * Each write is conditional on the eTag read and gives a new one, like `MongoStorage`: a turn
 * of that person in flight then fails on its stale eTag and is replayed on the clean state.
 *
 * @returns how many documents were changed.
 */
export async function scrubOthersState(db: Db, pattern: string): Promise<number> {
  const states = stateCollection(db);
  const matcher = new RegExp(pattern, 'u');
  let changed = 0;
  for (const found of await states.find({ state: { $regex: pattern } }).toArray()) {
    if (await scrubOne(states, found, matcher)) changed += 1;
  }
  return changed;
}

/**
 * Rewrites one document without the properties `matcher` finds, retrying on a concurrent
 * write; false when it is gone or no longer mentions the person.
 *
 * @throws CodedError `storage_conflict` when it changed under every attempt (the caller's
 * erasure fails and is run again).
 */
async function scrubOne(
  states: Collection<StorageDocument>,
  found: StorageDocument,
  matcher: RegExp,
): Promise<boolean> {
  let current: StorageDocument | null = found;
  for (let attempt = 0; attempt < SCRUB_ATTEMPTS; attempt += 1) {
    if (!current || !matcher.test(current.state)) return false;
    const state = JSON.parse(current.state) as Record<string, unknown>;
    const kept = Object.fromEntries(
      Object.entries(state).filter(([, value]) => !matcher.test(JSON.stringify(value) ?? '')),
    );
    const result = await states.updateOne(
      { _id: current._id, eTag: current.eTag },
      { $set: { state: JSON.stringify(kept), eTag: randomUUID() } },
    );
    if (result.matchedCount === 1) return true;
    current = await states.findOne({ _id: current._id });
  }
  throw new CodedError(ErrorCode.StorageConflict, 'a conversation state kept changing during an erasure');
}
