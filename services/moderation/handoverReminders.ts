/**
 * Follow-up of unanswered handovers (a reminder to the moderators, an escalation to the
 * admins, a word to the resident), and the jobs that run it and the take-back.
 */
import type { Job } from '../jobs/types';
import { redactId, type Logger } from '../logger';
import type { ConversationDirectory } from '../messaging/conversationDirectory';
import type { Notifier } from '../messaging/notifier';
import type { ModeratorBroadcast } from './broadcast';
import type { HandoverRepository } from './handoverRepository';
import { handoverBrief, type ModerationNotice } from './notices';
import type { ModeratorRepository } from './moderatorRepository';

/** Counts of one {@link remindHandovers} run. */
export type ReminderSummary = {
  unanswered: number;
  reminded: number;
  escalated: number;
  residentsInformed: number;
};

/** What {@link remindHandovers} works with. */
export interface ReminderDeps {
  handovers: HandoverRepository;
  moderators: ModeratorRepository;
  notifier: Notifier<ModerationNotice>;
  directory: Pick<ConversationDirectory, 'canMessage'>;
  broadcast: ModeratorBroadcast;
  logger: Logger;
  reminderAfterMs: number;
  escalateAfterMs: number;
}

/**
 * For each open handover no moderator has answered: after `reminderAfterMs` a reminder to
 * the moderators of its neighbourhood (for a sensitive one, only those who follow it by name
 * and the admins), after `escalateAfterMs` a notice to the admins (both
 * only while someone is within their working hours), and once the resident is told, inside
 * their window, that the referents have their message.
 *
 * @remarks
 * Each notice is claimed in the database (`remindedAt`, `escalatedAt`,
 * `residentInformedAt`) before it is sent, so two runs never send it twice.
 */
export async function remindHandovers(deps: ReminderDeps, now: Date): Promise<ReminderSummary> {
  const { handovers, moderators, broadcast, notifier, directory, logger } = deps;
  const summary: ReminderSummary = { unanswered: 0, reminded: 0, escalated: 0, residentsInformed: 0 };
  const unanswered = await handovers.unanswered();
  summary.unanswered = unanswered.length;
  if (unanswered.length === 0) return summary;
  const open = await moderators.isWithinActiveHours(now);
  for (const handover of unanswered) {
    const elapsed = now.getTime() - handover.createdAt.getTime();
    if (open && elapsed >= deps.reminderAfterMs && (await handovers.claim(handover._id, 'remindedAt', now))) {
      const notice: ModerationNotice = {
        type: 'moderation.handoverReminder',
        ...handoverBrief(handover),
        minutes: Math.floor(elapsed / 60_000),
      };
      // A sensitive conversation's details stay with its neighbourhood's referents and the admins.
      const recipients = handover.sensitive
        ? await moderators.trustedFor(handover.neighbourhood)
        : await moderators.forNeighbourhood(handover.neighbourhood);
      await broadcast.send(recipients, notice, now);
      summary.reminded += 1;
    }
    if (
      open &&
      elapsed >= deps.escalateAfterMs &&
      (await handovers.claim(handover._id, 'escalatedAt', now))
    ) {
      const notice: ModerationNotice = {
        type: 'moderation.handoverEscalated',
        ...handoverBrief(handover),
        hours: Math.floor(elapsed / 3_600_000),
      };
      await broadcast.send(await moderators.admins(), notice, now);
      summary.escalated += 1;
    }
    if (
      elapsed >= deps.reminderAfterMs &&
      handover.residentInformedAt === undefined &&
      (await directory.canMessage(handover.psid, now)) &&
      (await handovers.claim(handover._id, 'residentInformedAt', now))
    ) {
      try {
        if ((await notifier.notify(handover.psid, { type: 'moderation.stillWaiting' })) === 'sent') {
          summary.residentsInformed += 1;
        }
      } catch (error) {
        // Meta may refuse a message from an app that does not own the thread: the resident already had the first notice.
        logger.warn('resident notice refused', {
          psid: redactId(handover.psid),
          error: error instanceof Error ? error.name : 'unknown',
        });
      }
    }
  }
  return summary;
}

/** The `handoff-reminders` job: the handover service's `remind` every 5 minutes. */
export function createHandoverRemindersJob(service: { remind(now: Date): Promise<ReminderSummary> }): Job {
  return {
    // Stored name (job runs and leases are recorded under it): kept as it was.
    name: 'handoff-reminders',
    description: 'Remind moderators of unanswered handovers, escalate to admins, keep residents informed',
    schedule: '*/5 * * * *',
    run: async ({ now }) => service.remind(now),
  };
}

/**
 * The `handoff-take-back` job: the handover service's `takeBackExpired` every 10 minutes, then
 * `onResumed(psid)` for each conversation back with the bot (say so and show the menu, inside
 * the resident's window).
 */
export function createHandoverTakeBackJob(
  service: { takeBackExpired(now: Date): Promise<string[]> },
  onResumed: (psid: string) => Promise<void>,
  logger: Logger,
): Job {
  return {
    // Stored name (job runs and leases are recorded under it): kept as it was.
    name: 'handoff-take-back',
    description: 'Take back conversations the page inbox has left idle, and tell the residents',
    schedule: '*/10 * * * *',
    run: async ({ now }) => {
      const psids = await service.takeBackExpired(now);
      let failed = 0;
      for (const psid of psids) {
        try {
          await onResumed(psid);
        } catch (error) {
          failed += 1;
          logger.warn('resume notice failed', {
            psid: redactId(psid),
            error: error instanceof Error ? error.name : 'unknown',
          });
        }
      }
      return { resumed: psids.length, failed };
    },
  };
}
