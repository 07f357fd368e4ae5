/**
 * Entries past their expiry (the `expire-entries` job): the owner asked once whether to
 * renew, the entry closed when they cannot be asked or do not renew in time, and the
 * questions still waiting for an answer.
 */
import { redactId } from '../logger';
import { reached, type NotifyResult } from '../messaging/notifier';
import type { EntryNotice } from './notices';
import type { EntriesPorts } from './ports';
import { isRefusedMessage, refusalCode } from './refusedMessages';
import type { ExpiringEntry, StoredEntry } from './types';

/** Days an owner has to answer the renewal question before the entry is closed. */
export const DEFAULT_RENEWAL_GRACE_DAYS = 3;

const DAY_MS = 86_400_000;

/** Figures of an `expire-entries` run. */
export interface ExpirySummary {
  /** Owners asked whether to renew. */
  asked: number;
  /** Entries closed (owner unreachable, or no renewal within the grace period). */
  closed: number;
  /** Owners told their entry was closed (the others could not be written to). */
  closedTold: number;
  /** Entries whose owner was asked and still has time to answer. */
  waiting: number;
  [figure: string]: number;
}

/** The ports {@link Renewals} calls. */
export type RenewalPorts = Pick<EntriesPorts, 'repository' | 'notices' | 'logger'>;

/** The renewal question and the closing of entries at their expiry. */
export class Renewals {
  constructor(private readonly ports: RenewalPorts) {}

  /**
   * The entries of `psid` whose renewal question ("still wanted?") was asked and is still
   * waiting for an answer (the entry active, its expiry not moved since), most recent first:
   * what a typed "oui toujours" or "non c'est bon" answers until the entry is closed.
   */
  async awaitingRenewal(psid: string): Promise<StoredEntry[]> {
    const entries: ExpiringEntry[] = await this.ports.repository.listByResident(psid);
    return entries.filter(
      (entry) =>
        (entry.status === 'pending_review' || entry.status === 'published') &&
        entry.renewalAskedAt !== undefined &&
        entry.renewalAskedAt >= entry.expiresAt,
    );
  }

  /**
   * Every active entry past its expiry at `now`: its owner is asked once (inside their
   * window) whether to renew it; it is closed when they cannot be asked, or did not renew
   * within `graceDays` of the question.
   */
  async expireOverdue(now: Date, graceDays = DEFAULT_RENEWAL_GRACE_DAYS): Promise<ExpirySummary> {
    const { repository } = this.ports;
    const graceMs = graceDays * DAY_MS;
    const summary: ExpirySummary = { asked: 0, closed: 0, closedTold: 0, waiting: 0 };
    const closed = async (entry: ExpiringEntry): Promise<void> => {
      summary.closed += 1;
      if (reached(await this.tellClosed(entry))) summary.closedTold += 1;
    };
    for (const entry of await repository.listExpired(now)) {
      const askedAt = entry.renewalAskedAt;
      if (askedAt !== undefined && askedAt >= entry.expiresAt) {
        if (now.getTime() - askedAt.getTime() >= graceMs) {
          if (await repository.closeExpired(entry, now)) await closed(entry);
        } else {
          summary.waiting += 1;
        }
        continue;
      }
      const result = await this.askRenewal(entry, graceMs);
      if (reached(result)) {
        await repository.markRenewalAsked(entry, now);
        summary.asked += 1;
      } else if (await repository.closeExpired(entry, now)) {
        await closed(entry);
      }
    }
    return summary;
  }

  /**
   * Tells the owner their entry was closed at its expiry, when they can be written to (an
   * owner without Messenger through their referent: the notice becomes the referent's task).
   */
  private tellClosed(entry: ExpiringEntry): Promise<NotifyResult | 'failed'> {
    return this.tell(
      entry,
      {
        type: 'entries.closedByExpiry',
        entryId: entry._id.toHexString(),
        kind: entry.kind,
        category: entry.category,
      },
      'expiry notice refused by Messenger',
    );
  }

  /** Asks the owner whether to renew the entry, giving them `graceMs` to answer. */
  private askRenewal(entry: ExpiringEntry, graceMs: number): Promise<NotifyResult | 'failed'> {
    return this.tell(
      entry,
      {
        type: 'entries.renewalAsked',
        entryId: entry._id.toHexString(),
        category: entry.category,
        graceDays: Math.round(graceMs / DAY_MS),
      },
      'renewal question refused by Messenger',
    );
  }

  /** Sends `notice` to the entry's owner; `failed` (logged as `refused`) when the channel refused it. */
  private async tell(
    entry: ExpiringEntry,
    notice: EntryNotice,
    refused: string,
  ): Promise<NotifyResult | 'failed'> {
    try {
      return await this.ports.notices.notify(entry.psid, notice);
    } catch (error) {
      if (!isRefusedMessage(error)) throw error;
      this.ports.logger.warn(refused, { resident: redactId(entry.psid), code: refusalCode(error) });
      return 'failed';
    }
  }
}
