/**
 * The moderation module's part of a person's data: `handoffs` (their handovers, with
 * summaries and transcripts), `undelivered` (notices to them, or to others that mention
 * them), `audit` and the referent fields of other records (pseudonymised), `moderators`
 * (their referent record), and the handover transcripts' own retention.
 */
import type { Db, ObjectId } from 'mongodb';
import { deleteIn, renameIn, type ErasureScope } from '../personalData';
import { AUDIT_COLLECTION } from './audit';
import { HANDOVERS_COLLECTION, type Handover } from './handoverRepository';
import { MODERATORS_COLLECTION, type Moderator } from './moderatorRepository';
import { UNDELIVERED_COLLECTION, type UndeliveredMessage } from './undeliveredQueue';

/** A handover of their conversation; who took it is left out. */
export type PersonalHandover = Omit<Handover, 'psid' | 'takenBy'> & { _id: ObjectId };

/** A notice that could not be sent to them; who handled it is left out. */
export type PersonalNotice = Omit<UndeliveredMessage, 'psid' | 'handledBy'>;

/** Their referent record, if they are one. */
export type PersonalModeratorRecord = Pick<Moderator, 'name' | 'quartiers' | 'role' | 'active' | 'createdAt'>;

/** What the moderation module holds of them. */
export interface ModerationExport {
  handovers: PersonalHandover[];
  notices: PersonalNotice[];
  moderator: PersonalModeratorRecord | null;
}

/** Their referent name and their handovers' ids. */
export async function moderationMarkers(db: Db, psid: string): Promise<Array<string | undefined>> {
  const [moderator, handovers] = await Promise.all([
    db.collection<{ psid: string; name?: string }>(MODERATORS_COLLECTION).findOne({ psid }),
    db
      .collection(HANDOVERS_COLLECTION)
      .find({ psid }, { projection: { _id: 1 } })
      .toArray(),
  ]);
  return [moderator?.name, ...handovers.map((handover) => handover._id.toHexString())];
}

/** Deletes the notices to them and those to anyone else that mention them (a helper's copy of their phone). */
export function eraseUndelivered({ db, person, pattern }: ErasureScope): Promise<number> {
  return deleteIn(db, UNDELIVERED_COLLECTION, { $or: [{ psid: person }, { text: { $regex: pattern } }] });
}

/** Deletes their handovers (summaries and transcripts). */
export function eraseHandovers({ db, person }: ErasureScope): Promise<number> {
  return deleteIn(db, HANDOVERS_COLLECTION, { psid: person });
}

/** What other records say of them as a referent becomes the pseudonym; how many records. */
export async function pseudonymiseReferent({ db, person, pseudonym }: ErasureScope): Promise<number> {
  const targets = await db
    .collection(AUDIT_COLLECTION)
    .updateMany({ 'target.type': 'moderator', 'target.id': person }, { $set: { 'target.id': pseudonym } });
  return (
    (await renameIn(db, AUDIT_COLLECTION, 'actor', person, pseudonym)) +
    targets.modifiedCount +
    (await renameIn(db, HANDOVERS_COLLECTION, 'takenBy', person, pseudonym)) +
    (await renameIn(db, UNDELIVERED_COLLECTION, 'handledBy', person, pseudonym))
  );
}

/** Deletes their referent record. */
export function eraseModerator({ db, person }: ErasureScope): Promise<number> {
  return deleteIn(db, MODERATORS_COLLECTION, { psid: person });
}

/** Their handovers, notices and referent record, without the other referents involved. */
export async function exportModeration(db: Db, person: string): Promise<ModerationExport> {
  const [handovers, notices, moderator] = await Promise.all([
    db
      .collection<Handover>(HANDOVERS_COLLECTION)
      .find({ psid: person }, { projection: { psid: 0, takenBy: 0 } })
      .sort({ createdAt: 1 })
      .toArray(),
    db
      .collection<UndeliveredMessage>(UNDELIVERED_COLLECTION)
      .find({ psid: person }, { projection: { psid: 0, handledBy: 0 } })
      .sort({ createdAt: 1 })
      .toArray(),
    db
      .collection<Moderator>(MODERATORS_COLLECTION)
      .findOne(
        { psid: person },
        { projection: { _id: 0, name: 1, quartiers: 1, role: 1, active: 1, createdAt: 1 } },
      ),
  ]);
  return { handovers: handovers, notices, moderator };
}

/** An active referent is never inactive; otherwise, whether a handover of theirs moved since `since`. */
export async function moderationActiveSince(db: Db, psid: string, since: Date): Promise<boolean> {
  const found = await Promise.all([
    db.collection(MODERATORS_COLLECTION).findOne({ psid, active: true }),
    db.collection(HANDOVERS_COLLECTION).findOne({ psid, lastActivityAt: { $gte: since } }),
  ]);
  return found.some((document) => document !== null);
}

/**
 * Empties the transcripts (and summaries) of handovers closed before `before` (or created
 * before it when never closed); `transcript` stays an array, as the service expects.
 */
export async function expireTranscripts(db: Db, before: Date, now: Date): Promise<number> {
  const result = await db.collection(HANDOVERS_COLLECTION).updateMany(
    {
      transcriptDeletedAt: { $exists: false },
      $or: [{ closedAt: { $lt: before } }, { closedAt: { $exists: false }, createdAt: { $lt: before } }],
    },
    { $set: { transcript: [], summary: '', transcriptDeletedAt: now } },
  );
  return result.modifiedCount;
}
