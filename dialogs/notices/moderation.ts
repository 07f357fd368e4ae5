/**
 * The moderation module's notices in French, and the texts of a handover the dialogs say.
 */
import type { Activity } from 'botbuilder';
import type { AttentionReason } from '../../services/domain/types';
import { t } from '../../services/i18n';
import { PARIS } from '../../services/moderation';
import type { HandoverBrief, ModerationNotice, ResidentHandoverNotice } from '../../services/moderation';
import { withMenu } from '../replies';
import type { NoticeRenderers } from './renderers';

const opening = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** `lundi 9 mars à 09:00`, Paris time. */
export function formatOpening(date: Date): string {
  return opening.format(date);
}

/**
 * What the resident reads after a handover: "a referent answers here" within the active
 * hours; otherwise when they will be answered, with the CCAS line.
 */
export function residentHandoverText(notice: ResidentHandoverNotice): string {
  if (notice.withinHours) return t('moderation.resident.withinHours');
  if (notice.nextOpening) {
    return t('moderation.resident.outsideHours', { when: `le ${formatOpening(notice.nextOpening)}` });
  }
  return t('moderation.resident.outsideHoursUnknown');
}

/** A plain text message activity. */
export function textActivity(text: string): Partial<Activity> {
  return { type: 'message', text };
}

/** The moderators' label of an attention reason. */
export function reasonLabel(reason: AttentionReason): string {
  return t(`moderation.moderator.reason.${reason}`);
}

function context(handover: HandoverBrief): { reason: string; quartier: string; summary: string } {
  return {
    reason: reasonLabel(handover.reason),
    quartier: handover.neighbourhood
      ? t('moderation.moderator.quartier', { name: handover.neighbourhood })
      : '',
    summary: handover.summary,
  };
}

/** The moderation module's notices. */
export const moderationRenderers: NoticeRenderers<ModerationNotice> = {
  'moderation.handoverOpened': (notice) =>
    textActivity(t('moderation.moderator.newHandoff', context(notice))),
  'moderation.sensitiveWaiting': (notice) =>
    textActivity(
      t('moderation.moderator.sensitiveWaiting', {
        quartier: notice.neighbourhood ?? t('moderatorMenu.review.noQuartier'),
      }),
    ),
  'moderation.handoverReminder': (notice) =>
    textActivity(t('moderation.moderator.reminder', { ...context(notice), minutes: notice.minutes })),
  'moderation.handoverEscalated': (notice) =>
    textActivity(t('moderation.moderator.escalation', { ...context(notice), hours: notice.hours })),
  'moderation.stillWaiting': () => textActivity(t('moderation.resident.stillWaiting')),
  'moderation.botBack': () => withMenu(t('moderation.resident.back')),
  // A need is not "proposée aux voisins": its author is offered helpers (matching), they choose.
  'moderation.entryApproved': (notice) =>
    textActivity(
      t(notice.kind === 'need' ? 'moderation.resident.approvedNeed' : 'moderation.resident.approved', {
        kind: t(`moderation.resident.kind.${notice.kind}`),
        category: t(`categories.${notice.category}`),
      }),
    ),
  'moderation.entryRejected': (notice) =>
    textActivity(
      t('moderation.resident.rejected', {
        kind: t(`moderation.resident.kind.${notice.kind}`),
        category: t(`categories.${notice.category}`),
        reason: t(`moderation.resident.rejectReason.${notice.reason}`),
      }),
    ),
};
