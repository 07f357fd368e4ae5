/**
 * The `expire-entries` job: entries past `expiresAt` are offered a renewal once (inside the
 * owner's window) and closed when the owner cannot be asked or did not renew in time.
 */
import { ActionTypes, type Activity } from 'botbuilder';
import type { Db, ObjectId } from 'mongodb';
import { JobPayloadPrefix } from '../domain/jobPayloads';
import type { Entry } from '../domain/types';
import { ENTRIES_COLLECTION } from '../entries/entryRepository';
import { GraphError } from '../graph';
import { t } from '../i18n';
import { redactId, type Logger } from '../logger';
import type { NotifyResult, ResidentNotifier } from '../messaging/notifier';
import type { JobSummary } from './types';

/** Days an owner has to answer before the entry is closed. */
export const DEFAULT_RENEWAL_GRACE_DAYS = 3;

/** An entry with the job's own fields. */
export type ExpiringEntry = Entry & {
  _id: ObjectId;
  /**
   * When the renewal question was asked. It concerns the current expiry while it is later
   * than `expiresAt`; a renewal moves `expiresAt` past it, so the next expiry asks again.
   */
  renewalAskedAt?: Date;
  closedAt?: Date;
  closedReason?: 'expired';
};

/** What the job needs. */
export interface ExpireEntriesDeps {
  db: Db;
  notifier: ResidentNotifier;
  logger: Logger;
  graceDays?: number;
}

/** Asks or closes every active entry past its expiry at `now`. */
export async function expireEntries(deps: ExpireEntriesDeps, now: Date): Promise<JobSummary> {
  const entries = deps.db.collection<ExpiringEntry>(ENTRIES_COLLECTION);
  const graceMs = (deps.graceDays ?? DEFAULT_RENEWAL_GRACE_DAYS) * 86_400_000;
  const expired = await entries
    .find({ status: { $in: ['pending_review', 'published'] }, expiresAt: { $lte: now } })
    .toArray();
  const summary = { asked: 0, closed: 0, waiting: 0 };
  const close = async (entry: ExpiringEntry): Promise<void> => {
    const result = await entries.updateOne(
      // Matching on expiresAt too: a renewal that arrives meanwhile wins.
      { _id: entry._id, status: { $in: ['pending_review', 'published'] }, expiresAt: entry.expiresAt },
      { $set: { status: 'closed', closedAt: now, closedReason: 'expired', updatedAt: now } },
    );
    summary.closed += result.modifiedCount;
  };
  for (const entry of expired) {
    const asked = entry.renewalAskedAt !== undefined && entry.renewalAskedAt >= entry.expiresAt;
    if (asked) {
      if (now.getTime() - entry.renewalAskedAt!.getTime() >= graceMs) await close(entry);
      else summary.waiting += 1;
      continue;
    }
    const result = await askRenewal(deps, entry, graceMs);
    if (result === 'sent') {
      await entries.updateOne(
        { _id: entry._id, expiresAt: entry.expiresAt },
        { $set: { renewalAskedAt: now } },
      );
      summary.asked += 1;
    } else {
      await close(entry);
    }
  }
  return summary;
}

async function askRenewal(
  deps: ExpireEntriesDeps,
  entry: ExpiringEntry,
  graceMs: number,
): Promise<NotifyResult | 'failed'> {
  const id = entry._id.toHexString();
  const activity: Partial<Activity> = {
    type: 'message',
    text: t('jobs.expireEntries.ask', {
      category: t(`categories.${entry.category}`),
      days: Math.round(graceMs / 86_400_000),
    }),
    suggestedActions: {
      to: [entry.psid],
      actions: [
        {
          type: ActionTypes.PostBack,
          title: t('jobs.expireEntries.renew'),
          value: `${JobPayloadPrefix.entryRenew}${id}`,
        },
        {
          type: ActionTypes.PostBack,
          title: t('jobs.expireEntries.close'),
          value: `${JobPayloadPrefix.entryClose}${id}`,
        },
      ],
    },
  };
  try {
    return await deps.notifier.notify(entry.psid, activity);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    deps.logger.warn('renewal question refused by Messenger', {
      resident: redactId(entry.psid),
      code: error.graphCode,
    });
    return 'failed';
  }
}
