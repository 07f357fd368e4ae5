/**
 * Honest endings: a hand-over the page inbox left idle until the timeout is taken back; when
 * nobody had answered it, it becomes a task due at once (the escalation job tells the
 * admins) and the resident is told the truth instead of being thanked for a conversation
 * that never happened.
 */
import type { ObjectId } from 'mongodb';
import type { Notifier } from '../messaging/notifier';
import type { TaskNotice } from './notices';
import type { Tasks } from './tasks';

/** A hand-over as taken back (the moderation module's `StoredHandover`). */
export interface TakenBackHandover {
  _id: ObjectId;
  psid: string;
  summary: string;
  neighbourhood?: string;
  takenBy?: string;
  transcript: ReadonlyArray<{ from: string }>;
}

/** Taking back idle hand-overs (the moderation module's `HandoverService`). */
export interface TakeBackPort {
  takeBackExpiredHandovers(now: Date): Promise<TakenBackHandover[]>;
}

/** What {@link HandoverTimeouts} is built from. */
export interface HandoverTimeoutsPorts {
  handover: TakeBackPort;
  tasks: Pick<Tasks, 'create'>;
  notices: Notifier<TaskNotice>;
}

/** True when a referent took the hand-over or wrote in it. */
export function wasAnswered(handover: TakenBackHandover): boolean {
  return handover.takenBy !== undefined || handover.transcript.some((line) => line.from === 'moderator');
}

/** Takes back idle hand-overs, and turns the unanswered ones into escalated tasks. */
export class HandoverTimeouts {
  constructor(private readonly ports: HandoverTimeoutsPorts) {}

  /**
   * Takes back the idle hand-overs; the unanswered ones become tasks due now (escalated by
   * the next run of `task-escalation`) and their residents are told so.
   *
   * @returns the psids of the answered ones, to be told the bot is back as usual.
   */
  async takeBackExpired(now: Date): Promise<string[]> {
    const answered: string[] = [];
    for (const handover of await this.ports.handover.takeBackExpiredHandovers(now)) {
      if (wasAnswered(handover)) {
        answered.push(handover.psid);
        continue;
      }
      await this.ports.tasks.create({
        psid: handover.psid,
        reason: 'handover_timeout',
        subject: handover._id.toHexString(),
        words: handover.summary,
        ...(handover.neighbourhood ? { neighbourhood: handover.neighbourhood } : {}),
        told: 'tasks.resident.handoverUnanswered',
        dueInMinutes: 0,
      });
      await this.ports.notices.notify(handover.psid, { type: 'tasks.handoverUnanswered' });
    }
    return answered;
  }
}
