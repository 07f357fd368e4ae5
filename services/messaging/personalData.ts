/**
 * Messaging's part of a person's data: where they can be written to (`conversation_refs`),
 * and the delivery records of the channel (`inbox` events and sender leases, `outbox` calls).
 */
import type { Db } from 'mongodb';
import type { LeaseDocument } from '../inbox/inboxDocuments';
import { forgetAbandonedLeases, INBOX_COLLECTION, INBOX_LEASES_COLLECTION } from '../inbox/inboxStore';
import { OUTBOX_COLLECTION } from '../outbox/outboxStore';
import { deleteIn, markerPattern, type ErasureScope } from '../personalData';
import { CONVERSATION_REFS_COLLECTION, type DirectoryDocument } from './conversationDirectory';

/** What one erasure removed of their deliveries. */
export interface DeliveryErasure {
  inbox: number;
  outbox: number;
}

/**
 * Deletes every outbox call to them or made while processing one of their events, their
 * processed and given-up inbox events (events still pending belong to the conversation
 * under way and expire once processed), and their expired sender leases.
 */
export async function eraseDeliveries({ db, person, now }: ErasureScope): Promise<DeliveryErasure> {
  // The key of an event without a mid starts with its sender: the calls of their turns.
  const ownEvents = { $regex: `^${markerPattern([person])}:` };
  const outbox = await deleteIn(db, OUTBOX_COLLECTION, { $or: [{ psid: person }, { _id: ownEvents }] });
  const inbox = await deleteIn(db, INBOX_COLLECTION, { psid: person, status: { $ne: 'pending' } });
  await deleteIn(db, INBOX_LEASES_COLLECTION, { _id: person, until: { $lt: now } });
  return { inbox, outbox };
}

/** Deletes where they can be written to. */
export function eraseDirectory({ db, person }: ErasureScope): Promise<number> {
  return deleteIn(db, CONVERSATION_REFS_COLLECTION, { _id: person });
}

/** Their last message to the Page, while it is remembered (7 days). */
export async function exportLastMessage(db: Db, person: string): Promise<Date | null> {
  const found = await db.collection<DirectoryDocument>(CONVERSATION_REFS_COLLECTION).findOne({ _id: person });
  return found?.lastMessageAt ?? null;
}

/** Whether they wrote since `since`. */
export async function messagingActiveSince(db: Db, psid: string, since: Date): Promise<boolean> {
  const found = await db
    .collection<{ _id: string }>(CONVERSATION_REFS_COLLECTION)
    .findOne({ _id: psid, lastMessageAt: { $gte: since } });
  return found !== null;
}

/** Sender leases left by an instance that died (they still name their sender). */
export function forgetAbandonedSenderLeases(db: Db, now: Date): Promise<number> {
  return forgetAbandonedLeases(db.collection<LeaseDocument>(INBOX_LEASES_COLLECTION), now);
}
