/**
 * The tasks module's notices in French, and the labels the referents' task tools show.
 */
import { t } from '../../services/i18n';
import type { Task, TaskNotice, TaskOutcome, TaskReason } from '../../services/tasks';
import { categoryName, withMenu } from '../replies';
import { textActivity } from './moderation';
import type { NoticeRenderers } from './renderers';

/** What a referent reads for a task's reason. */
export function taskReasonLabel(reason: TaskReason): string {
  return t(`tasks.reason.${reason}`);
}

/** What a referent reads for an outcome. */
export function taskOutcomeLabel(outcome: TaskOutcome): string {
  return t(`tasks.outcome.${outcome}`);
}

/** `12 min`, `3 h`, `2 j`: how long a task has waited at `now`. */
export function waitedText(task: Pick<Task, 'createdAt'>, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - task.createdAt.getTime()) / 60_000));
  if (minutes < 60) return t('tasks.minutes', { count: minutes });
  if (minutes < 48 * 60) return t('tasks.hours', { count: Math.floor(minutes / 60) });
  return t('tasks.days', { count: Math.floor(minutes / 1440) });
}

/** The tasks module's renderers. */
export const taskRenderers: NoticeRenderers<TaskNotice> = {
  'tasks.outcome': (notice) => withMenu(t(`tasks.resident.${notice.outcome}`)),
  'tasks.handoverUnanswered': () => withMenu(t('tasks.resident.handoverUnanswered')),
  'tasks.refusalReply': (notice) =>
    textActivity(
      t('tasks.refusalReply', {
        category: notice.category ? categoryName(notice.category) : t('tasks.noCategory'),
        quartier: notice.neighbourhood ?? t('moderatorMenu.review.noQuartier'),
        reason: t(`moderatorMenu.review.reason.${notice.refusedBecause}`),
        words: notice.words,
      }),
    ),
  'tasks.escalated': (notice) =>
    textActivity(
      t('tasks.escalated', {
        minutes: notice.minutes,
        reason: taskReasonLabel(notice.reason),
        category: notice.category ? categoryName(notice.category) : t('tasks.noCategory'),
        quartier: notice.neighbourhood ?? t('moderatorMenu.review.noQuartier'),
        urgent: notice.urgency === 'high' ? t('tasks.escalatedUrgent') : '',
        words: notice.words ? t('tasks.escalatedWords', { words: notice.words }) : '',
      }),
    ),
};
