/**
 * The French texts of the handover, for residents and for moderators, from `locales/`.
 */
import type { Activity } from 'botbuilder';
import type { AttentionReason, Category, EntryKind } from '../domain/types';
import { t } from '../i18n';
import { PARIS } from './activeHours';
import type { Handover } from './handoverRepository';

/** Why a moderator refuses an entry. */
export type RejectionReason = 'payant' | 'hors_perimetre' | 'doublon' | 'incomplet' | 'autre';
/** The accepted rejection reasons. */
export const REJECTION_REASONS: readonly RejectionReason[] = [
  'payant',
  'hors_perimetre',
  'doublon',
  'incomplet',
  'autre',
];

/** What {@link HandoverService.handOver} tells the dialog to say. */
export interface ResidentHandoverNotice {
  withinHours: boolean;
  nextOpening?: Date;
}

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

function context(handover: Handover): { reason: string; quartier: string; summary: string } {
  return {
    reason: reasonLabel(handover.reason),
    quartier: handover.neighbourhood
      ? t('moderation.moderator.quartier', { name: handover.neighbourhood })
      : '',
    summary: handover.summary,
  };
}

/** Notice of a new handover, for the moderators of the neighbourhood. */
export function newHandoverText(handover: Handover): string {
  return t('moderation.moderator.newHandoff', context(handover));
}

/** Reminder after `minutes` without a moderator's reply. */
export function reminderText(handover: Handover, minutes: number): string {
  return t('moderation.moderator.reminder', { ...context(handover), minutes });
}

/** Escalation to the admins after `hours` without a reply. */
export function escalationText(handover: Handover, hours: number): string {
  return t('moderation.moderator.escalation', { ...context(handover), hours });
}

/** The resident's entry was published. */
export function approvedText(kind: EntryKind, category: Category): string {
  return t('moderation.resident.approved', {
    kind: t(`moderation.resident.kind.${kind}`),
    category: t(`categories.${category}`),
  });
}

/** The resident's entry was refused, and why. */
export function rejectedText(kind: EntryKind, category: Category, reason: RejectionReason): string {
  return t('moderation.resident.rejected', {
    kind: t(`moderation.resident.kind.${kind}`),
    category: t(`categories.${category}`),
    reason: t(`moderation.resident.rejectReason.${reason}`),
  });
}
