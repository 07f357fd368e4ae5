/**
 * The right of erasure, written once as the composition of every module's part
 * (`<module>/personalData.ts`): "Supprimer mes données" and the retention job both call
 * {@link erasePerson}.
 *
 * @remarks
 * What each collection keeps of the person afterwards:
 * - `residents`, `entries`, `conversations` (attention flags), `handoffs` (handovers: transcripts and
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
import { eraseAttention, eraseConversationState } from '../conversations';
import { eraseEntries, pseudonymiseRegistrations } from '../entries';
import { requirePsid } from '../validation';
import { anonymiseMatches } from '../matching';
import { eraseTasks } from '../tasks';
import { eraseDeliveries, eraseDirectory } from '../messaging/personalData';
import { eraseHandovers, eraseModerator, eraseUndelivered, pseudonymiseReferent } from '../moderation';
import { eraseResident } from '../residents';
import { eraseTestimonials, type PostComposer } from '../testimonials';
import { markersOf } from './markers';
import { ERASED_PREFIX, markerPattern, type ErasureScope } from '../personalData';

export { ERASED_PREFIX } from '../personalData';

/** The texts of the Page the erasure needs: the anonymous signature, a signed first name. */
export type ErasureTexts = Pick<PostComposer, 'anonymousSignature' | 'signedFirstName'>;

/** What one erasure did, collection by collection (counts only: loggable). */
export interface ErasureReport extends Record<string, number> {
  residents: number;
  entries: number;
  /** Matches deleted (both sides gone). */
  matches: number;
  /** Matches kept for the other person, the erased side anonymised. */
  matchesAnonymised: number;
  attention: number;
  /** Tasks about the person deleted, and those they took or did as a referent pseudonymised. */
  tasks: number;
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
  const scope: ErasureScope = {
    db,
    person,
    pseudonym: `${ERASED_PREFIX}${randomBytes(8).toString('hex')}`,
    pattern: markerPattern(await markersOf(db, person, texts)),
    now,
  };
  // Free texts first, the records that identify the person last (see the module remarks).
  const { botState, statesScrubbed } = await eraseConversationState(scope);
  const undelivered = await eraseUndelivered(scope);
  const { inbox, outbox } = await eraseDeliveries(scope);
  const conversationRefs = await eraseDirectory(scope);
  const handovers = await eraseHandovers(scope);
  const attention = await eraseAttention(scope);
  const tasks = await eraseTasks(scope);
  const matches = await anonymiseMatches(scope);
  const testimonials = await eraseTestimonials(scope, texts);
  const pseudonymised =
    (await pseudonymiseReferent(scope)) + (await pseudonymiseRegistrations(scope)) + testimonials.reviewed;
  const moderators = await eraseModerator(scope);
  const entries = await eraseEntries(scope);
  const residents = await eraseResident(db, person);
  return {
    residents,
    entries,
    matches: matches.deleted,
    matchesAnonymised: matches.anonymised,
    attention,
    tasks,
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
