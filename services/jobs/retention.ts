/**
 * The `retention` job: what is kept about people who left, and for how long.
 *
 * @remarks
 * A person is inactive when, for `months` (12 by default), none of these moved: their
 * `residents` document (`createdAt`/`updatedAt`/`lastMessageAt`), their last message
 * (`conversation_refs`), their bot state (`bot_state`, written at each of their turns), their
 * entries, the matches they are part of, their testimonials, the attention flags and the
 * handovers of their conversation; an active referent is never inactive. The people looked
 * at are the residents, and whoever has bot state nobody touched for `months` (people who
 * never became residents). An inactive person is erased by {@link erasePerson}: the same
 * erasure as "Supprimer mes données" (see `services/privacy/erasure.ts` for what each
 * collection keeps), except that the consent to publish a testimonial is not taken back: a
 * published post stays on the Page, its document without author, text or signature.
 *
 * Bot state nobody touched for `months` goes too, whoever it belongs to. Handover
 * transcripts (`handovers.transcript`, emptied to `[]` with the `summary`, as the moderation
 * service expects an array) are removed `transcriptDays` (90 by default) after `closedAt`,
 * or `createdAt` when never closed; `transcriptDeletedAt` records it. Inbox events (2 days
 * after processing), outbox records (2 days) and undelivered notices (14 days) of everyone
 * else expire through their TTL indexes.
 */
import type { Db } from 'mongodb';
import { CONVERSATIONS_COLLECTION } from '../conversations/attention';
import type { Resident } from '../domain/types';
import { ENTRIES_COLLECTION } from '../entries/entryRepository';
import type { Logger } from '../logger';
import { MATCHES_COLLECTION } from '../matching/matchRepository';
import { CONVERSATION_REFS_COLLECTION } from '../messaging/conversationDirectory';
import { forgetAbandonedLeases, INBOX_LEASES_COLLECTION, type LeaseDocument } from '../inbox/inboxStore';
import { HANDOVERS_COLLECTION } from '../moderation/handoverRepository';
import { MODERATORS_COLLECTION } from '../moderation/moderatorRepository';
import { BOT_STATE_COLLECTION, personOfStateKey, stateKeyPattern } from '../privacy/conversationState';
import { erasePerson, type ErasureTexts } from '../privacy/erasure';
import { RESIDENTS_COLLECTION } from '../residents/residentRepository';
import { TESTIMONIALS_COLLECTION } from '../testimonials/types';
import type { JobSummary } from './types';

/** Default months of inactivity before a resident's data is deleted. */
export const DEFAULT_RETENTION_MONTHS = 12;
/** Default days handover transcripts are kept. */
export const DEFAULT_TRANSCRIPT_DAYS = 90;

/** What the job needs. */
export interface RetentionDeps {
  db: Db;
  logger: Logger;
  /** The texts of the Page the erasure needs. */
  texts: ErasureTexts;
  months?: number;
  transcriptDays?: number;
}

/** Erases who is past their retention at `now`, then old state and transcripts. */
export async function applyRetention(deps: RetentionDeps, now: Date): Promise<JobSummary> {
  const { db } = deps;
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - (deps.months ?? DEFAULT_RETENTION_MONTHS));
  const old = { $lt: cutoff };
  const summary: JobSummary = { people: 0, botState: 0, transcripts: 0 };

  for (const psid of await candidates(db, cutoff)) {
    if (await activeSince(db, psid, cutoff)) continue;
    summary.people += 1;
    for (const [name, count] of Object.entries(await erasePerson(db, psid, now, deps.texts))) {
      summary[name] = (summary[name] ?? 0) + count;
    }
  }
  summary.botState += (await db.collection(BOT_STATE_COLLECTION).deleteMany({ updatedAt: old })).deletedCount;

  const transcriptCutoff = new Date(
    now.getTime() - (deps.transcriptDays ?? DEFAULT_TRANSCRIPT_DAYS) * 86_400_000,
  );
  const transcripts = await db.collection(HANDOVERS_COLLECTION).updateMany(
    {
      transcriptDeletedAt: { $exists: false },
      $or: [
        { closedAt: { $lt: transcriptCutoff } },
        { closedAt: { $exists: false }, createdAt: { $lt: transcriptCutoff } },
      ],
    },
    { $set: { transcript: [], summary: '', transcriptDeletedAt: now } },
  );
  summary.transcripts = transcripts.modifiedCount;
  // A lease left by an instance that died still names its sender.
  summary.abandonedLeases = await forgetAbandonedLeases(
    db.collection<LeaseDocument>(INBOX_LEASES_COLLECTION),
    now,
  );
  deps.logger.info('retention applied', summary);
  return summary;
}

/** Residents whose own document did not move since `cutoff`, and the owners of stale bot state. */
async function candidates(db: Db, cutoff: Date): Promise<string[]> {
  const old = { $lt: cutoff };
  const residents = await db
    .collection<Resident>(RESIDENTS_COLLECTION)
    .find({
      createdAt: old,
      updatedAt: old,
      $or: [{ lastMessageAt: { $exists: false } }, { lastMessageAt: old }],
    })
    .project<{ psid: string }>({ psid: 1 })
    .toArray();
  const staleState = await db
    .collection<{ _id: string }>(BOT_STATE_COLLECTION)
    .find({ updatedAt: old }, { projection: { _id: 1 } })
    .toArray();
  const owners = staleState.map((state) => personOfStateKey(state._id));
  return [
    ...new Set([
      ...residents.map((resident) => resident.psid),
      ...owners.filter((psid): psid is string => !!psid),
    ]),
  ];
}

/** Whether anything of `psid` moved since `cutoff` besides the resident document, or they are a referent. */
async function activeSince(db: Db, psid: string, cutoff: Date): Promise<boolean> {
  const recent = { $gte: cutoff };
  const found = await Promise.all([
    db.collection(MODERATORS_COLLECTION).findOne({ psid, active: true }),
    db
      .collection<{ _id: string }>(CONVERSATION_REFS_COLLECTION)
      .findOne({ _id: psid, lastMessageAt: recent }),
    db
      .collection<{ _id: string }>(BOT_STATE_COLLECTION)
      .findOne({ _id: { $regex: stateKeyPattern(psid) }, updatedAt: recent }),
    db.collection(ENTRIES_COLLECTION).findOne({ psid, $or: [{ createdAt: recent }, { updatedAt: recent }] }),
    db
      .collection(MATCHES_COLLECTION)
      .findOne({ $or: [{ needPsid: psid }, { offerPsid: psid }], updatedAt: recent }),
    db.collection(TESTIMONIALS_COLLECTION).findOne({ psid, updatedAt: recent }),
    db.collection(CONVERSATIONS_COLLECTION).findOne({ psid, updatedAt: recent }),
    db.collection(HANDOVERS_COLLECTION).findOne({ psid, lastActivityAt: recent }),
  ]);
  return found.some((document) => document !== null);
}
