/**
 * The matching module's part of a person's data (`matches`), over the collection constant
 * only.
 *
 * @remarks
 * A match also belongs to the other person (their history, their export, their follow-up
 * answer), so it stays with the person's side anonymised: their psid replaced by the
 * pseudonym, their follow-up delivery and answer removed. A request still waiting for a
 * helper's answer about the person's need is expired (the helper's late answer gets "no
 * longer current"). A match whose two sides are gone is deleted.
 */
import type { Db, ObjectId } from 'mongodb';
import type { Match } from '../domain/types';
import { ERASED_PREFIX, type ErasureScope } from '../personalData';
import { toExportedMatch, type ExportedMatch } from './exportedMatch';
import type { FollowUp, FollowUpDelivery } from './matchFollowUps';
import { MATCHES_COLLECTION } from './matchDocuments';

/** A match from their side, with what the follow-up job recorded of their side. */
export interface PersonalMatch extends ExportedMatch {
  /** When the follow-up question was sent to them, and how that went. */
  followUpAsked?: FollowUpDelivery;
  /** Their answer: did the help happen. */
  followUpAnswer?: { yes: boolean; at: Date };
}

type FollowedMatch = Match & { _id: ObjectId; followUp?: FollowUp };

/**
 * The person's side of their matches becomes the pseudonym; see the module remarks.
 *
 * @returns matches deleted (nobody left) and matches kept with the person's side anonymised.
 */
export async function anonymiseMatches({
  db,
  person,
  pseudonym,
  now,
}: ErasureScope): Promise<{ deleted: number; anonymised: number }> {
  const matches = db.collection(MATCHES_COLLECTION);
  const erased = { $regex: `^${ERASED_PREFIX}` };
  const deleted = await matches.deleteMany({
    $or: [
      { needPsid: person, offerPsid: { $in: [person, erased] } },
      { offerPsid: person, needPsid: erased },
    ],
  });
  await matches.updateMany(
    { needPsid: person, status: 'proposed' },
    { $set: { status: 'expired', updatedAt: now } },
  );
  let anonymised = 0;
  for (const side of ['need', 'offer'] as const) {
    const result = await matches.updateMany(
      { [`${side}Psid`]: person },
      {
        $set: { [`${side}Psid`]: pseudonym },
        $unset: { [`followUp.${side}`]: '', [`followUp.answers.${side}`]: '' },
      },
    );
    anonymised += result.modifiedCount;
  }
  return { deleted: deleted.deletedCount, anonymised };
}

/** Their matches, oldest first, from their side only. */
export async function exportMatches(db: Db, person: string): Promise<PersonalMatch[]> {
  const matches = await db
    .collection<FollowedMatch>(MATCHES_COLLECTION)
    .find({ $or: [{ needPsid: person }, { offerPsid: person }] })
    .sort({ createdAt: 1 })
    .toArray();
  return matches.map((match) => personalMatch(match, person));
}

/** Whether a match they are part of changed since `since`. */
export async function matchesActiveSince(db: Db, psid: string, since: Date): Promise<boolean> {
  const found = await db
    .collection(MATCHES_COLLECTION)
    .findOne({ $or: [{ needPsid: psid }, { offerPsid: psid }], updatedAt: { $gte: since } });
  return found !== null;
}

/** `match` from `person`'s side, with their follow-up. */
function personalMatch(match: FollowedMatch, person: string): PersonalMatch {
  const exported: PersonalMatch = toExportedMatch(match, person);
  const side = exported.role;
  const asked = match.followUp?.[side];
  const answer = match.followUp?.answers?.[side];
  if (asked) exported.followUpAsked = asked;
  if (answer) exported.followUpAnswer = answer;
  return exported;
}
