/**
 * The conversations' part of a person's data: the attention flags on their conversation
 * (`conversations`) and the bot's conversation state (`bot_state`: theirs deleted, any part
 * of other people's that mentions them dropped; state nobody touched for long forgotten).
 */
import type { Db } from 'mongodb';
import { deleteIn, type ErasureScope } from '../personalData';
import { CONVERSATIONS_COLLECTION, type ConversationAttention } from './attention';
import {
  BOT_STATE_COLLECTION,
  deleteOwnState,
  personOfStateKey,
  scrubOthersState,
  stateKeyPattern,
} from './conversationState';

/** Deletes their own bot state, then drops what mentions them from everyone else's. */
export async function eraseConversationState({
  db,
  person,
  pattern,
}: ErasureScope): Promise<{ botState: number; statesScrubbed: number }> {
  const botState = await deleteOwnState(db, person);
  const statesScrubbed = await scrubOthersState(db, pattern);
  return { botState, statesScrubbed };
}

/** Deletes the attention flags on their conversation. */
export function eraseAttention({ db, person }: ErasureScope): Promise<number> {
  return deleteIn(db, CONVERSATIONS_COLLECTION, { psid: person });
}

/** The attention flags on their conversation (a complaint included). */
export function exportAttention(db: Db, person: string): Promise<ConversationAttention | null> {
  return db.collection<ConversationAttention>(CONVERSATIONS_COLLECTION).findOne({ psid: person });
}

/** Whether their bot state (written at each of their turns) or their flags moved since `since`. */
export async function conversationsActiveSince(db: Db, psid: string, since: Date): Promise<boolean> {
  const recent = { $gte: since };
  const found = await Promise.all([
    db
      .collection<{ _id: string }>(BOT_STATE_COLLECTION)
      .findOne({ _id: { $regex: stateKeyPattern(psid) }, updatedAt: recent }),
    db.collection(CONVERSATIONS_COLLECTION).findOne({ psid, updatedAt: recent }),
  ]);
  return found.some((document) => document !== null);
}

/** The people whose bot state nobody touched since `cutoff` (the retention's candidates). */
export async function stateOwnersIdleSince(db: Db, cutoff: Date): Promise<string[]> {
  const staleState = await db
    .collection<{ _id: string }>(BOT_STATE_COLLECTION)
    .find({ updatedAt: { $lt: cutoff } }, { projection: { _id: 1 } })
    .toArray();
  return staleState.map((state) => personOfStateKey(state._id)).filter((psid): psid is string => !!psid);
}

/** Forgets bot state nobody touched since `cutoff`, whoever it belongs to. */
export function forgetIdleState(db: Db, cutoff: Date): Promise<number> {
  return deleteIn(db, BOT_STATE_COLLECTION, { updatedAt: { $lt: cutoff } });
}
