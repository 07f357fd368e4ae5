/**
 * The follow-up question once help should have happened ("did the help happen?"): asked to
 * both residents of an accepted match, answered in words or from "Mes annonces".
 */
import type { ObjectId } from 'mongodb';
import type { Category } from '../domain/types';
import { isRefusedMessage, refusalCode } from '../entries';
import { redactId } from '../logger';
import { reached, type NotifyResult } from '../messaging/notifier';
import type { MatchSide } from './matchFollowUps';
import type { StoredMatch } from './matchDocuments';
import type { MatchingPorts } from './ports';

/** Hours after acceptance before the follow-up question is asked. */
export const DEFAULT_FOLLOW_UP_AFTER_HOURS = 20;
/** Days during which a follow-up question stays answerable in words or from "Mes annonces". */
export const FOLLOW_UP_ANSWER_DAYS = 14;

const HOUR_MS = 3_600_000;

/** Figures of a `follow-up` run. */
export interface FollowUpSummary {
  matches: number;
  sent: number;
  notReachable: number;
  failed: number;
  [figure: string]: number;
}

/** A follow-up question waiting for a resident's answer. */
export interface PendingFollowUp {
  matchId: string;
  category: Category;
}

/** The ports {@link FollowUps} calls. */
export type FollowUpPorts = Pick<MatchingPorts, 'matches' | 'notices' | 'attention' | 'clock' | 'logger'>;

/** Follow-up questions: asking them, reading the one waiting, storing the answer. */
export class FollowUps {
  constructor(private readonly ports: FollowUpPorts) {}

  /**
   * Asks both residents whether the help happened, for every match accepted at least
   * `afterHours` before `now` and not followed up yet: once per match (claimed atomically),
   * only inside each resident's window; what became of each question is recorded.
   */
  async sendFollowUps(now: Date, afterHours = DEFAULT_FOLLOW_UP_AFTER_HOURS): Promise<FollowUpSummary> {
    const { matches } = this.ports;
    const due = new Date(now.getTime() - afterHours * HOUR_MS);
    const summary: FollowUpSummary = { matches: 0, sent: 0, notReachable: 0, failed: 0 };
    for (const id of await matches.dueForFollowUp(due)) {
      const match = await matches.claimFollowUp(id, now);
      if (!match) continue;
      summary.matches += 1;
      for (const side of ['need', 'offer'] as const satisfies readonly MatchSide[]) {
        const psid = side === 'need' ? match.needPsid : match.offerPsid;
        const result = await this.ask(psid, match);
        await matches.recordFollowUpDelivery(id, side, { result, at: now });
        if (reached(result)) summary.sent += 1;
        else if (result === 'failed') summary.failed += 1;
        else summary.notReachable += 1;
      }
    }
    return summary;
  }

  /**
   * Stores a resident's answer to the follow-up question; a "no" flags their conversation
   * for the moderators (reason `complaint`).
   *
   * @returns false when the match is unknown or `psid` is not one of its residents.
   */
  async recordFollowUp(matchId: string | ObjectId, psid: string, yes: boolean): Promise<boolean> {
    const recorded = await this.ports.matches.recordFollowUpAnswer(
      matchId,
      psid,
      yes === true,
      this.ports.clock(),
    );
    if (!recorded) return false;
    if (yes !== true) {
      await this.ports.attention.flag(
        psid,
        'complaint',
        `follow-up: help did not happen (match ${recorded.match._id.toHexString()})`,
      );
    }
    return true;
  }

  /**
   * The follow-up question ("did the help happen?") `psid` was asked in the last
   * {@link FOLLOW_UP_ANSWER_DAYS} days and has not answered, or null: what a typed "oui" or
   * "non, personne n'est venu" answers, and what "Mes annonces" offers to answer.
   */
  async pendingFollowUpFor(psid: string): Promise<PendingFollowUp | null> {
    const since = new Date(this.ports.clock().getTime() - FOLLOW_UP_ANSWER_DAYS * 24 * HOUR_MS);
    const match = await this.ports.matches.latestFollowUpAwaiting(psid, since);
    return match ? { matchId: match._id.toHexString(), category: match.category } : null;
  }

  /** Asks `psid` the follow-up question of `match`; `failed` when Messenger refused it. */
  private async ask(psid: string, match: StoredMatch): Promise<NotifyResult | 'failed'> {
    try {
      return await this.ports.notices.notify(psid, {
        type: 'matching.followUpAsked',
        matchId: match._id.toHexString(),
        category: match.category,
      });
    } catch (error) {
      if (!isRefusedMessage(error)) throw error;
      this.ports.logger.warn('follow-up refused by Messenger', {
        resident: redactId(psid),
        code: refusalCode(error),
      });
      return 'failed';
    }
  }
}
