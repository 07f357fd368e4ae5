/**
 * The `retention` job: what is kept about people who left, and for how long.
 *
 * @remarks
 * A resident is inactive when, for `months` (12 by default), none of these moved:
 * `residents.lastMessageAt`/`updatedAt`/`createdAt`, `conversation_refs.lastMessageAt`
 * (their last message to the bot), their entries' `createdAt`/`updatedAt`, the `updatedAt`
 * of matches they are part of, and their testimonials' `updatedAt`. An inactive resident's
 * data goes: resident, entries, matches and attention flags (ResidentRepository.deleteAll),
 * bot state (`bot_state` ids `<channel>/users/<psid>` and `<channel>/conversations/<psid>`),
 * the conversation reference and their unpublished testimonials; published testimonials
 * (public already) lose their `psid`. Bot state nobody touched for `months` goes too (people
 * who never became residents), and so do their hand-overs. Hand-over transcripts
 * (`handoffs.transcript`, emptied to `[]` with the `summary`, as the moderation service
 * expects an array) are removed `transcriptDays` (90 by default) after `closedAt`, or
 * `createdAt` when never closed; `transcriptDeletedAt` records it.
 * Done inbox events are left to their TTL index.
 */
import type { Db } from 'mongodb';
import { CONVERSATIONS_COLLECTION } from '../conversations/attention';
import type { Resident } from '../domain/types';
import { ENTRIES_COLLECTION } from '../entries/entryRepository';
import type { Logger } from '../logger';
import { MATCHES_COLLECTION } from '../matching/matchRepository';
import { HANDOFFS_COLLECTION } from '../moderation/handoffRepository';
import { RESIDENTS_COLLECTION, ResidentRepository } from '../residents/residentRepository';
import { TESTIMONIALS_COLLECTION } from '../testimonials/types';
import type { JobSummary } from './types';

/** Default months of inactivity before a resident's data is deleted. */
export const DEFAULT_RETENTION_MONTHS = 12;
/** Default days hand-over transcripts are kept. */
export const DEFAULT_TRANSCRIPT_DAYS = 90;
/** Collection of botbuilder's user and conversation state. */
export const BOT_STATE_COLLECTION = 'bot_state';

/** What the job needs. */
export interface RetentionDeps {
  db: Db;
  logger: Logger;
  months?: number;
  transcriptDays?: number;
}

/** Deletes what is past its retention at `now`. */
export async function applyRetention(deps: RetentionDeps, now: Date): Promise<JobSummary> {
  const { db } = deps;
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - (deps.months ?? DEFAULT_RETENTION_MONTHS));
  const old = { $lt: cutoff };
  const summary = {
    residents: 0,
    entries: 0,
    matches: 0,
    attention: 0,
    handoffs: 0,
    botState: 0,
    testimonials: 0,
    transcripts: 0,
  };

  const candidates = await db
    .collection<Resident>(RESIDENTS_COLLECTION)
    .find({
      createdAt: old,
      updatedAt: old,
      $or: [{ lastMessageAt: { $exists: false } }, { lastMessageAt: old }],
    })
    .project<{ psid: string }>({ psid: 1 })
    .toArray();
  const residents = new ResidentRepository(db, () => now);
  for (const { psid } of candidates) {
    if (await activeSince(db, psid, cutoff)) continue;
    const deleted = await residents.deleteAll(psid);
    summary.residents += deleted.resident;
    summary.entries += deleted.entries;
    summary.matches += deleted.matches;
    summary.attention += deleted.attention;
    const state = await db
      .collection(BOT_STATE_COLLECTION)
      .deleteMany({ _id: { $regex: stateKeyPattern(psid) } } as object);
    summary.botState += state.deletedCount;
    await db.collection<{ _id: string }>('conversation_refs').deleteOne({ _id: psid });
    summary.handoffs += (await db.collection(HANDOFFS_COLLECTION).deleteMany({ psid })).deletedCount;
    const testimonials = db.collection(TESTIMONIALS_COLLECTION);
    summary.testimonials += (
      await testimonials.deleteMany({ psid, status: { $ne: 'published' } })
    ).deletedCount;
    await testimonials.updateMany(
      { psid, status: 'published' },
      { $unset: { psid: '' }, $set: { updatedAt: now } },
    );
  }
  summary.botState += (await db.collection(BOT_STATE_COLLECTION).deleteMany({ updatedAt: old })).deletedCount;

  const transcriptCutoff = new Date(
    now.getTime() - (deps.transcriptDays ?? DEFAULT_TRANSCRIPT_DAYS) * 86_400_000,
  );
  const transcripts = await db.collection(HANDOFFS_COLLECTION).updateMany(
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
  deps.logger.info('retention applied', summary);
  return summary;
}

/** Whether anything of `psid` moved since `cutoff` besides the resident document. */
async function activeSince(db: Db, psid: string, cutoff: Date): Promise<boolean> {
  const recent = { $gte: cutoff };
  const found = await Promise.all([
    db.collection<{ _id: string }>('conversation_refs').findOne({ _id: psid, lastMessageAt: recent }),
    db.collection(ENTRIES_COLLECTION).findOne({ psid, $or: [{ createdAt: recent }, { updatedAt: recent }] }),
    db
      .collection(MATCHES_COLLECTION)
      .findOne({ $or: [{ needPsid: psid }, { offerPsid: psid }], updatedAt: recent }),
    db.collection(TESTIMONIALS_COLLECTION).findOne({ psid, updatedAt: recent }),
    db.collection(CONVERSATIONS_COLLECTION).findOne({ psid, updatedAt: recent }),
  ]);
  return found.some((document) => document !== null);
}

/** `<any channel>/users/<psid>` or `<any channel>/conversations/<psid>`, exactly. */
function stateKeyPattern(psid: string): string {
  return `^[^/]+/(users|conversations)/${psid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;
}
