/**
 * The right of access, written once: everything stored about a person, from their side.
 *
 * @remarks
 * Collection by collection: `residents` (contact as stored, consents with their dates and
 * wording versions), `entries` (with the address typed and the coordinates as stored),
 * `matches` (their side only, with the follow-up question's delivery and their answer),
 * `conversations` (the attention flags on their conversation, a complaint included),
 * `handovers` (summary and transcript, both sides), `undelivered` (notices that waited for a
 * referent), `testimonials` (text, signature, consent with its dates), `conversation_refs`
 * (their last message) and `moderators` (if they are a referent). Nothing identifies the
 * other people involved: no psid, entry or name of the other side of a match, of the
 * referent who took a handover, handled a notice or reviewed a testimonial.
 */
import type { Db, ObjectId } from 'mongodb';
import { CONVERSATIONS_COLLECTION, type ConversationAttention } from '../conversations/attention';
import type { Entry, Match, Resident } from '../domain/types';
import { ENTRIES_COLLECTION } from '../entries/entryRepository';
import { requirePsid } from '../entries/validation';
import type { FollowUp, FollowUpDelivery } from '../jobs/followUp';
import { MATCHES_COLLECTION } from '../matching/matchRepository';
import { CONVERSATION_REFS_COLLECTION, type DirectoryDocument } from '../messaging/conversationDirectory';
import { HANDOVERS_COLLECTION, type Handover } from '../moderation/handoverRepository';
import { MODERATORS_COLLECTION, type Moderator } from '../moderation/moderatorRepository';
import { UNDELIVERED_COLLECTION, type UndeliveredMessage } from '../moderation/undeliveredQueue';
import { RESIDENTS_COLLECTION } from '../residents/residentRepository';
import { toExportedMatch, type ExportedMatch } from '../residents/exportedMatch';
import { TESTIMONIALS_COLLECTION, type Testimonial } from '../testimonials/types';

/** A match from their side, with what the follow-up job recorded of their side. */
export interface PersonalMatch extends ExportedMatch {
  /** When the follow-up question was sent to them, and how that went. */
  followUpAsked?: FollowUpDelivery;
  /** Their answer: did the help happen. */
  followUpAnswer?: { yes: boolean; at: Date };
}

/** A handover of their conversation; who took it is left out. */
export type PersonalHandover = Omit<Handover, 'psid' | 'takenBy'> & { _id: ObjectId };

/** A notice that could not be sent to them; who handled it is left out. */
export type PersonalNotice = Omit<UndeliveredMessage, 'psid' | 'handledBy'>;

/** A testimonial of theirs; the reviewing admin and publication attempts are left out. */
export type PersonalTestimonial = Omit<Testimonial, 'psid' | 'reviewedBy' | 'attempt'> & { _id: ObjectId };

/** Their referent record, if they are one. */
export type PersonalModeratorRecord = Pick<Moderator, 'name' | 'quartiers' | 'role' | 'active' | 'createdAt'>;

/** Everything stored about one person (right of access). */
export interface PersonalDataExport {
  exportedAt: Date;
  resident: Resident | null;
  /** Oldest first, with `addressText`, `neighbourhood` and `location` as stored. */
  entries: Entry[];
  matches: PersonalMatch[];
  attention: ConversationAttention | null;
  handovers: PersonalHandover[];
  notices: PersonalNotice[];
  /** Newest first. */
  testimonials: PersonalTestimonial[];
  /** Their last message to the Page, while it is remembered (7 days). */
  lastMessageAt: Date | null;
  moderator: PersonalModeratorRecord | null;
}

type FollowedMatch = Match & { _id: ObjectId; followUp?: FollowUp };

/** Everything stored about `psid` at `now`. @throws CodedError `payload_invalid` for a malformed psid. */
export async function exportPersonalData(db: Db, psid: string, now: Date): Promise<PersonalDataExport> {
  const person = requirePsid(psid);
  const [resident, entries, matches, attention, handovers, notices, testimonials, directory, moderator] =
    await Promise.all([
      db.collection<Resident>(RESIDENTS_COLLECTION).findOne({ psid: person }, { projection: { _id: 0 } }),
      db.collection<Entry>(ENTRIES_COLLECTION).find({ psid: person }).sort({ createdAt: 1 }).toArray(),
      db
        .collection<FollowedMatch>(MATCHES_COLLECTION)
        .find({ $or: [{ needPsid: person }, { offerPsid: person }] })
        .sort({ createdAt: 1 })
        .toArray(),
      db.collection<ConversationAttention>(CONVERSATIONS_COLLECTION).findOne({ psid: person }),
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
        .collection<Testimonial>(TESTIMONIALS_COLLECTION)
        .find({ psid: person }, { projection: { psid: 0, reviewedBy: 0, attempt: 0 } })
        .sort({ createdAt: -1, _id: -1 })
        .toArray(),
      db.collection<DirectoryDocument>(CONVERSATION_REFS_COLLECTION).findOne({ _id: person }),
      db
        .collection<Moderator>(MODERATORS_COLLECTION)
        .findOne(
          { psid: person },
          { projection: { _id: 0, name: 1, quartiers: 1, role: 1, active: 1, createdAt: 1 } },
        ),
    ]);
  return {
    exportedAt: now,
    resident,
    entries,
    matches: matches.map((match) => personalMatch(match, person)),
    attention,
    handovers,
    notices,
    testimonials,
    lastMessageAt: directory?.lastMessageAt ?? null,
    moderator,
  };
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
