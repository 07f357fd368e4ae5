/**
 * The right of access, written once as the composition of every module's part
 * (`<module>/personalData.ts`): everything stored about a person, from their side.
 *
 * @remarks
 * Collection by collection: `residents` (contact as stored, consents with their dates and
 * wording versions), `entries` (with the address typed and the coordinates as stored),
 * `matches` (their side only, with the follow-up question's delivery and their answer),
 * `conversations` (the attention flags on their conversation, a complaint included),
 * `handoffs` (handovers: summary and transcript, both sides), `undelivered` (notices that waited for a
 * referent), `testimonials` (text, signature, consent with its dates), `conversation_refs`
 * (their last message) and `moderators` (if they are a referent). Nothing identifies the
 * other people involved: no psid, entry or name of the other side of a match, of the
 * referent who took a handover, handled a notice or reviewed a testimonial.
 */
import type { Db } from 'mongodb';
import { exportAttention, type ConversationAttention } from '../conversations';
import type { Entry, Resident } from '../domain/types';
import { exportEntries } from '../entries';
import { exportTasks, type Task } from '../tasks';
import { requirePsid } from '../validation';
import { exportMatches, type PersonalMatch } from '../matching';
import { exportLastMessage } from '../messaging/personalData';
import {
  exportModeration,
  type PersonalHandover,
  type PersonalModeratorRecord,
  type PersonalNotice,
} from '../moderation';
import { exportResident } from '../residents';
import { exportTestimonials, type PersonalTestimonial } from '../testimonials';

export type { PersonalMatch } from '../matching';
export type { PersonalHandover, PersonalModeratorRecord, PersonalNotice } from '../moderation';
export type { PersonalTestimonial } from '../testimonials';

/** Everything stored about one person (right of access). */
export interface PersonalDataExport {
  exportedAt: Date;
  resident: Resident | null;
  /** Oldest first, with `addressText`, `neighbourhood` and `location` as stored. */
  entries: Entry[];
  matches: PersonalMatch[];
  attention: ConversationAttention | null;
  /** The referents' tasks about them (their words, the contact they shared), oldest first. */
  tasks: Task[];
  handovers: PersonalHandover[];
  notices: PersonalNotice[];
  /** Newest first. */
  testimonials: PersonalTestimonial[];
  /** Their last message to the Page, while it is remembered (7 days). */
  lastMessageAt: Date | null;
  moderator: PersonalModeratorRecord | null;
}

/** Everything stored about `psid` at `now`. @throws CodedError `payload_invalid` for a malformed psid. */
export async function exportPersonalData(db: Db, psid: string, now: Date): Promise<PersonalDataExport> {
  const person = requirePsid(psid);
  const [resident, entries, matches, attention, moderation, testimonials, lastMessageAt, tasks] =
    await Promise.all([
      exportResident(db, person),
      exportEntries(db, person),
      exportMatches(db, person),
      exportAttention(db, person),
      exportModeration(db, person),
      exportTestimonials(db, person),
      exportLastMessage(db, person),
      exportTasks(db, person),
    ]);
  return {
    exportedAt: now,
    resident,
    entries,
    matches,
    attention,
    tasks,
    handovers: moderation.handovers,
    notices: moderation.notices,
    testimonials,
    lastMessageAt,
    moderator: moderation.moderator,
  };
}
