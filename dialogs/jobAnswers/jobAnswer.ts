/**
 * Answers to the scheduled jobs' questions, which can arrive at any time in any dialog:
 * `FOLLOWUP_YES_<matchId>` / `FOLLOWUP_NO_<matchId>` (did the help happen?) and
 * `ENTRY_RENEW_<id>` / `ENTRY_CLOSE_<id>` (an entry reaching its expiry).
 */
import type { Activity, TurnContext } from 'botbuilder';
import { t } from '../../services/i18n';
import type { EntriesPort, MatchingPort } from '../ports';
import { readFollowUpAnswer, readRenewalAnswer, speaksOfRenewal } from '../keywords';
import { PayloadPrefix, idAfter } from '../payload';
import { withMenu } from '../replies';
import { testimonialInvitation } from '../testimonials/invitation';

/** What answering the jobs' questions calls. */
export interface JobAnswerDeps {
  matching: Pick<MatchingPort, 'recordFollowUp' | 'pendingFollowUpFor' | 'entryPublished'>;
  entries: Pick<EntriesPort, 'renew' | 'close' | 'awaitingRenewal'>;
}

/** The answer a payload carries, if it answers a job's question. */
type JobAnswer =
  { kind: 'followUp'; matchId: string; yes: boolean } | { kind: 'renew' | 'close'; entryId: string };

function readJobAnswer(payload: string | undefined): JobAnswer | undefined {
  const yes = idAfter(payload, PayloadPrefix.followUpYes);
  if (yes) return { kind: 'followUp', matchId: yes, yes: true };
  const no = idAfter(payload, PayloadPrefix.followUpNo);
  if (no) return { kind: 'followUp', matchId: no, yes: false };
  const renew = idAfter(payload, PayloadPrefix.entryRenew);
  if (renew) return { kind: 'renew', entryId: renew };
  const close = idAfter(payload, PayloadPrefix.entryClose);
  return close ? { kind: 'close', entryId: close } : undefined;
}

/** True when the payload answers a job's question. */
export function isJobAnswer(payload: string | undefined): boolean {
  return readJobAnswer(payload) !== undefined;
}

/** The reply: with the menu ("Témoigner" first after a "yes") when idle; plain when a question follows. */
function reply(text: string, idle: boolean, suggestTestimonial: boolean): Partial<Activity> | string {
  if (!idle) return text;
  const withPrompt = `${text}\n${t('jobAnswers.menuPrompt')}`;
  return suggestTestimonial ? testimonialInvitation(withPrompt) : withMenu(withPrompt);
}

/**
 * Records the answer and tells the resident. A "no" to the follow-up flags the conversation
 * for the moderators (done by the service). Entry actions are owner-guarded. When `idle`
 * is false the caller asks the interrupted question again after this reply.
 */
export async function handleJobAnswer(
  context: TurnContext,
  deps: JobAnswerDeps,
  payload: string,
  idle: boolean,
): Promise<void> {
  const answer = readJobAnswer(payload);
  if (!answer) return;
  const psid = context.activity.from.id;
  if (answer.kind === 'followUp') {
    const recorded = await deps.matching.recordFollowUp(answer.matchId, psid, answer.yes);
    const key = !recorded
      ? 'jobAnswers.stale'
      : answer.yes
        ? 'jobAnswers.followUpYes'
        : 'jobAnswers.followUpNo';
    await context.sendActivity(reply(t(key), idle, recorded && answer.yes));
    return;
  }
  const done =
    answer.kind === 'renew'
      ? await deps.entries.renew(answer.entryId, psid)
      : await deps.entries.close(answer.entryId, psid);
  const key = !done
    ? 'jobAnswers.stale'
    : answer.kind === 'renew'
      ? 'jobAnswers.renewed'
      : 'jobAnswers.closed';
  await context.sendActivity(reply(t(key), idle, false));
  // Renewed: the entry is matched again at once (an offer suggested to open needs near it).
  if (done && answer.kind === 'renew') await deps.matching.entryPublished(answer.entryId);
}

/**
 * Handles a typed answer to a job's question still waiting for this resident: "oui ça
 * s'est bien passé" to the follow-up, "oui toujours" or "plus besoin" to the renewal of an
 * entry (its most recent one asked). The same as tapping the question's button. When both
 * wait, words of keeping or closing ("toujours", "plus besoin") go to the renewal, the rest
 * to the follow-up.
 *
 * @returns false when the text is no such answer or no question waits (the message is then
 * for the dialogs).
 */
export async function handleTypedJobAnswer(
  context: TurnContext,
  deps: JobAnswerDeps,
  text: string | undefined,
  idle: boolean,
): Promise<boolean> {
  if (!text) return false;
  const psid = context.activity.from.id;
  const happened = speaksOfRenewal(text) ? undefined : readFollowUpAnswer(text);
  const followUp = happened === undefined ? null : await deps.matching.pendingFollowUpFor(psid);
  if (followUp && happened !== undefined) {
    const prefix = happened ? PayloadPrefix.followUpYes : PayloadPrefix.followUpNo;
    await handleJobAnswer(context, deps, `${prefix}${followUp.matchId}`, idle);
    return true;
  }
  const keep = readRenewalAnswer(text);
  if (keep === undefined) return false;
  const [entry] = await deps.entries.awaitingRenewal(psid);
  if (!entry) return false;
  const prefix = keep ? PayloadPrefix.entryRenew : PayloadPrefix.entryClose;
  await handleJobAnswer(context, deps, `${prefix}${entry._id.toHexString()}`, idle);
  return true;
}
