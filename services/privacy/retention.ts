/**
 * The `retention` job: what is kept about people who left, and for how long, as the
 * composition of every module's part (`<module>/personalData.ts`: how each tells recent
 * activity, and the one erasure).
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
 * transcripts (`handoffs.transcript`, emptied to `[]` with the `summary`, as the moderation
 * service expects an array) are removed `transcriptDays` (90 by default) after `closedAt`,
 * or `createdAt` when never closed; `transcriptDeletedAt` records it. Inbox events (2 days
 * after processing), outbox records (2 days) and undelivered notices (14 days) of everyone
 * else expire through their TTL indexes.
 */
import type { Db } from 'mongodb';
import { conversationsActiveSince, forgetIdleState, stateOwnersIdleSince } from '../conversations';
import { entriesActiveSince } from '../entries';
import { tasksActiveSince } from '../tasks';
import type { JobSummary } from '../jobs/types';
import type { Logger } from '../logger';
import { matchesActiveSince } from '../matching';
import { forgetAbandonedSenderLeases, messagingActiveSince } from '../messaging/personalData';
import { expireTranscripts, moderationActiveSince } from '../moderation';
import { residentsIdleSince } from '../residents';
import { testimonialsActiveSince } from '../testimonials';
import { erasePerson, type ErasureTexts } from './erasure';

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
  const summary: JobSummary = { people: 0, botState: 0, transcripts: 0 };

  for (const psid of await candidates(db, cutoff)) {
    if (await activeSince(db, psid, cutoff)) continue;
    summary.people += 1;
    for (const [name, count] of Object.entries(await erasePerson(db, psid, now, deps.texts))) {
      summary[name] = (summary[name] ?? 0) + count;
    }
  }
  summary.botState += await forgetIdleState(db, cutoff);
  const transcriptCutoff = new Date(
    now.getTime() - (deps.transcriptDays ?? DEFAULT_TRANSCRIPT_DAYS) * 86_400_000,
  );
  summary.transcripts = await expireTranscripts(db, transcriptCutoff, now);
  // A lease left by an instance that died still names its sender.
  summary.abandonedLeases = await forgetAbandonedSenderLeases(db, now);
  deps.logger.info('retention applied', summary);
  return summary;
}

/** Residents whose own document did not move since `cutoff`, and the owners of stale bot state. */
async function candidates(db: Db, cutoff: Date): Promise<string[]> {
  const [residents, owners] = await Promise.all([
    residentsIdleSince(db, cutoff),
    stateOwnersIdleSince(db, cutoff),
  ]);
  return [...new Set([...residents, ...owners])];
}

/** Whether anything of `psid` moved since `cutoff` besides the resident document, or they are a referent. */
async function activeSince(db: Db, psid: string, cutoff: Date): Promise<boolean> {
  const found = await Promise.all([
    moderationActiveSince(db, psid, cutoff),
    messagingActiveSince(db, psid, cutoff),
    conversationsActiveSince(db, psid, cutoff),
    entriesActiveSince(db, psid, cutoff),
    matchesActiveSince(db, psid, cutoff),
    testimonialsActiveSince(db, psid, cutoff),
    tasksActiveSince(db, psid, cutoff),
  ]);
  return found.some(Boolean);
}
