/**
 * The `follow-up` job: about 20 hours after a match was accepted, both residents are asked
 * whether the help happened (only inside their 24-hour window, once per match).
 */
import { ActionTypes, type Activity } from 'botbuilder';
import type { Db, ObjectId } from 'mongodb';
import { AttentionFlags } from '../conversations/attention';
import { JobPayloadPrefix } from '../domain/jobPayloads';
import type { Match } from '../domain/types';
import { toObjectId } from '../entries/validation';
import { GraphError } from '../graph';
import { t } from '../i18n';
import { redactId, type Logger } from '../logger';
import { MATCHES_COLLECTION } from '../matching/matchRepository';
import type { NotifyResult, ResidentNotifier } from '../messaging/notifier';
import type { JobSummary } from './types';

/** Hours after acceptance before the question is asked. */
export const DEFAULT_FOLLOW_UP_AFTER_HOURS = 20;

/** What became of the question to one resident (`failed`: Meta refused the message). */
export type FollowUpDelivery = { result: NotifyResult | 'failed'; at: Date };

/** What a match records of its follow-up (field `followUp` of `matches`). */
export interface FollowUp {
  /** Set first, atomically: the question is never asked twice, even by two runs at once. */
  claimedAt: Date;
  need?: FollowUpDelivery;
  offer?: FollowUpDelivery;
  answers?: { need?: { yes: boolean; at: Date }; offer?: { yes: boolean; at: Date } };
}

type FollowedMatch = Match & { _id: ObjectId; followUp?: FollowUp };

/** What the job needs. */
export interface FollowUpDeps {
  db: Db;
  notifier: ResidentNotifier;
  logger: Logger;
  afterHours?: number;
}

/** Asks the follow-up question for every accepted match old enough and not yet followed up. */
export async function sendFollowUps(deps: FollowUpDeps, now: Date): Promise<JobSummary> {
  const matches = deps.db.collection<FollowedMatch>(MATCHES_COLLECTION);
  const due = new Date(now.getTime() - (deps.afterHours ?? DEFAULT_FOLLOW_UP_AFTER_HOURS) * 3_600_000);
  const candidates = await matches
    .find({ status: 'accepted', acceptedAt: { $lte: due }, followUp: { $exists: false } })
    .project<{ _id: ObjectId }>({ _id: 1 })
    .toArray();
  const summary = { matches: 0, sent: 0, notReachable: 0, failed: 0 };
  for (const { _id } of candidates) {
    const match = await matches.findOneAndUpdate(
      { _id, followUp: { $exists: false } },
      { $set: { followUp: { claimedAt: now } } },
      { returnDocument: 'after' },
    );
    if (!match) continue;
    summary.matches += 1;
    for (const side of ['need', 'offer'] as const) {
      const psid = side === 'need' ? match.needPsid : match.offerPsid;
      const result = await ask(deps, psid, match);
      await matches.updateOne({ _id }, { $set: { [`followUp.${side}`]: { result, at: now } } });
      if (result === 'sent') summary.sent += 1;
      else if (result === 'failed') summary.failed += 1;
      else summary.notReachable += 1;
    }
  }
  return summary;
}

async function ask(deps: FollowUpDeps, psid: string, match: FollowedMatch): Promise<NotifyResult | 'failed'> {
  const id = match._id.toHexString();
  const activity: Partial<Activity> = {
    type: 'message',
    text: t('jobs.followUp.ask', { category: t(`categories.${match.category}`) }),
    suggestedActions: {
      to: [psid],
      actions: [
        {
          type: ActionTypes.PostBack,
          title: t('jobs.followUp.yes'),
          value: `${JobPayloadPrefix.followUpYes}${id}`,
        },
        {
          type: ActionTypes.PostBack,
          title: t('jobs.followUp.no'),
          value: `${JobPayloadPrefix.followUpNo}${id}`,
        },
      ],
    },
  };
  try {
    return await deps.notifier.notify(psid, activity);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    deps.logger.warn('follow-up refused by Messenger', { resident: redactId(psid), code: error.graphCode });
    return 'failed';
  }
}

/** What {@link recordFollowUpAnswer} needs. */
export interface FollowUpAnswerDeps {
  db: Db;
  clock: () => Date;
}

/**
 * Stores a resident's answer to the follow-up question; a "no" flags their conversation
 * for the moderators (reason `complaint`).
 *
 * @returns false when the match is unknown or `psid` is not one of its residents.
 */
export async function recordFollowUpAnswer(
  deps: FollowUpAnswerDeps,
  matchId: string | ObjectId,
  psid: string,
  yes: boolean,
): Promise<boolean> {
  const _id = toObjectId(matchId);
  if (!_id || typeof psid !== 'string' || psid === '') return false;
  const matches = deps.db.collection<FollowedMatch>(MATCHES_COLLECTION);
  const match = await matches.findOne({ _id });
  const side = match?.needPsid === psid ? 'need' : match?.offerPsid === psid ? 'offer' : undefined;
  if (!match || !side) return false;
  const now = deps.clock();
  await matches.updateOne(
    { _id },
    { $set: { [`followUp.answers.${side}`]: { yes: yes === true, at: now } } },
  );
  if (yes !== true) {
    await new AttentionFlags(deps.db, deps.clock).flag(
      psid,
      'complaint',
      `follow-up: help did not happen (match ${_id.toHexString()})`,
    );
  }
  return true;
}
