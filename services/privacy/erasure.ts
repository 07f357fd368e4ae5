/**
 * The right of erasure, written once: "Supprimer mes données" and the retention job both
 * call {@link erasePerson}.
 *
 * @remarks
 * What each collection keeps of the person afterwards:
 * - `residents`, `entries`, `conversations` (attention flags), `handovers` (transcripts and
 *   summaries), `conversation_refs`, `moderators` (if they were a referent): nothing, deleted.
 * - `matches`: a match also belongs to the other person (their history, their export, their
 *   follow-up answer), so it stays with the person's side anonymised: their psid replaced by
 *   a random pseudonym (`erased:…`), their follow-up delivery and answer removed. A request
 *   still waiting for a helper's answer about the person's need is expired (the helper's
 *   late answer gets "no longer current"). A match whose two sides are gone is deleted.
 * - `testimonials`: those never published (or whose post is already deleted) are deleted.
 *   A published one whose consent stands stays on the Page (the retention job does not take
 *   a consent back; "Supprimer mes données" withdraws it first, which deletes the post), and
 *   its document keeps only the post id and dates: no author, text or signature. A post
 *   still to be deleted keeps its id, and an attempt in flight its exact text until the
 *   publication job reconciles it (at its next run).
 * - `undelivered`: the person's notices, and any notice to someone else that mentions them
 *   (a helper's copy of their phone), are deleted.
 * - `bot_state`: their own state is deleted; in other people's conversation state, any
 *   part that mentions them (psid, phone, e-mail, first name, address, ids) is dropped.
 * - `inbox`: their processed and given-up events are deleted (events still pending belong
 *   to the conversation under way and expire once processed); expired sender leases too.
 * - `outbox`: every call to them or made while processing one of their events.
 * - What other records say of them as a referent (`audit` actor or target, a handover's
 *   `takenBy`, a notice's `handledBy`, a testimonial's `reviewedBy`, an entry's
 *   `registeredBy`) becomes the same pseudonym.
 *
 * The pseudonym is random, drawn for this erasure: it links the records of one erased
 * person to each other, and to nothing else. The order (free texts first, the resident
 * last) lets a failed erasure be run again to completion: what identifies the person in
 * other people's texts is read from the records deleted last.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from 'mongodb';
import { CONVERSATIONS_COLLECTION } from '../conversations/attention';
import { ENTRIES_COLLECTION } from '../entries/entryRepository';
import { requirePsid } from '../entries/validation';
import { INBOX_COLLECTION, INBOX_LEASES_COLLECTION } from '../inbox/inboxStore';
import { MATCHES_COLLECTION } from '../matching/matchRepository';
import { CONVERSATION_REFS_COLLECTION } from '../messaging/conversationDirectory';
import { AUDIT_COLLECTION } from '../moderation/audit';
import { HANDOVERS_COLLECTION } from '../moderation/handoverRepository';
import { MODERATORS_COLLECTION } from '../moderation/moderatorRepository';
import { UNDELIVERED_COLLECTION } from '../moderation/undeliveredQueue';
import { OUTBOX_COLLECTION } from '../outbox/outboxStore';
import { RESIDENTS_COLLECTION } from '../residents/residentRepository';
import { deleteOwnState, scrubOthersState } from './conversationState';
import { markerPattern, markersOf } from './markers';
import { eraseTestimonials } from './testimonialErasure';
import type { PostComposer } from '../testimonials/notices';

/** The texts of the Page the erasure needs: the anonymous signature, a signed first name. */
export type ErasureTexts = Pick<PostComposer, 'anonymousSignature' | 'signedFirstName'>;

/** What replaces the psid of an erased person in records kept for others. */
export const ERASED_PREFIX = 'erased:';

/** What one erasure did, collection by collection (counts only: loggable). */
export interface ErasureReport extends Record<string, number> {
  residents: number;
  entries: number;
  /** Matches deleted (both sides gone). */
  matches: number;
  /** Matches kept for the other person, the erased side anonymised. */
  matchesAnonymised: number;
  attention: number;
  handovers: number;
  undelivered: number;
  testimonials: number;
  /** Published testimonials kept for the Page, stripped of author, text and signature. */
  testimonialsStripped: number;
  conversationRefs: number;
  botState: number;
  /** Other people's conversation states that mentioned the person. */
  statesScrubbed: number;
  inbox: number;
  outbox: number;
  moderators: number;
  /** Records about the person as a referent, now under the pseudonym. */
  pseudonymised: number;
}

/**
 * Erases everything stored about `psid` at `now` (see the module remarks for what each
 * collection keeps). Idempotent: a second run finds nothing more to do.
 *
 * @throws CodedError `payload_invalid` for a malformed psid.
 */
export async function erasePerson(
  db: Db,
  psid: string,
  now: Date,
  texts: ErasureTexts,
): Promise<ErasureReport> {
  const person = requirePsid(psid);
  const pattern = markerPattern(await markersOf(db, person, texts));
  const pseudonym = `${ERASED_PREFIX}${randomBytes(8).toString('hex')}`;
  const deleted = async (collection: string, filter: object): Promise<number> =>
    (await db.collection(collection).deleteMany(filter)).deletedCount;
  const renamed = async (collection: string, field: string): Promise<number> =>
    (await db.collection(collection).updateMany({ [field]: person }, { $set: { [field]: pseudonym } }))
      .modifiedCount;

  const botState = await deleteOwnState(db, person);
  const statesScrubbed = await scrubOthersState(db, pattern);
  const undelivered = await deleted(UNDELIVERED_COLLECTION, {
    $or: [{ psid: person }, { text: { $regex: pattern } }],
  });
  // The key of an event without a mid starts with its sender: the calls of their turns.
  const ownEvents = { $regex: `^${markerPattern([person])}:` };
  const outbox = await deleted(OUTBOX_COLLECTION, { $or: [{ psid: person }, { _id: ownEvents }] });
  const inbox = await deleted(INBOX_COLLECTION, { psid: person, status: { $ne: 'pending' } });
  await deleted(INBOX_LEASES_COLLECTION, { _id: person, until: { $lt: now } });
  const conversationRefs = await deleted(CONVERSATION_REFS_COLLECTION, { _id: person });
  const handovers = await deleted(HANDOVERS_COLLECTION, { psid: person });
  const attention = await deleted(CONVERSATIONS_COLLECTION, { psid: person });
  const matches = await anonymiseMatches(db, person, pseudonym, now);
  const testimonials = await eraseTestimonials(db, person, pseudonym, now, texts);
  const pseudonymised =
    (await renamed(AUDIT_COLLECTION, 'actor')) +
    (
      await db
        .collection(AUDIT_COLLECTION)
        .updateMany({ 'target.type': 'moderator', 'target.id': person }, { $set: { 'target.id': pseudonym } })
    ).modifiedCount +
    (await renamed(HANDOVERS_COLLECTION, 'takenBy')) +
    (await renamed(UNDELIVERED_COLLECTION, 'handledBy')) +
    (await renamed(ENTRIES_COLLECTION, 'registeredBy')) +
    testimonials.reviewed;
  const moderators = await deleted(MODERATORS_COLLECTION, { psid: person });
  const entries = await deleted(ENTRIES_COLLECTION, { psid: person });
  const residents = await deleted(RESIDENTS_COLLECTION, { psid: person });
  return {
    residents,
    entries,
    matches: matches.deleted,
    matchesAnonymised: matches.anonymised,
    attention,
    handovers,
    undelivered,
    testimonials: testimonials.deleted,
    testimonialsStripped: testimonials.stripped,
    conversationRefs,
    botState,
    statesScrubbed,
    inbox,
    outbox,
    moderators,
    pseudonymised,
  };
}

/**
 * The person's side of their matches becomes the pseudonym; see the module remarks.
 *
 * @returns matches deleted (nobody left) and matches kept with the person's side anonymised.
 */
async function anonymiseMatches(
  db: Db,
  person: string,
  pseudonym: string,
  now: Date,
): Promise<{ deleted: number; anonymised: number }> {
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
