/**
 * What the moderation module tells people, as typed notices (rendered to French in
 * dialogs/notices/moderation.ts).
 */
import type { AttentionReason, Category, EntryKind } from '../domain/types';
import type { Notice } from '../messaging/notifier';

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

/** What {@link HandoverService.availability} tells the dialog to say to the resident. */
export interface ResidentHandoverNotice {
  withinHours: boolean;
  nextOpening?: Date;
}

/** What the referents are told of a handover (its summary is already screened). */
export interface HandoverBrief {
  reason: AttentionReason;
  neighbourhood?: string;
  summary: string;
}

/** The moderation module's notices. */
export type ModerationNotice =
  /** To the referents of the neighbourhood: a new handover. */
  | ({ type: 'moderation.handoverOpened' } & HandoverBrief)
  /** To the referents of other neighbourhoods: a sensitive conversation waits (no detail). */
  | { type: 'moderation.sensitiveWaiting'; neighbourhood?: string }
  /** To the referents: nobody answered for `minutes`. */
  | ({ type: 'moderation.handoverReminder'; minutes: number } & HandoverBrief)
  /** To the admins: nobody answered for `hours`. */
  | ({ type: 'moderation.handoverEscalated'; hours: number } & HandoverBrief)
  /** To the resident: the referents have their message. */
  | { type: 'moderation.stillWaiting' }
  /** To the resident: the bot is back (with the menu). */
  | { type: 'moderation.botBack' }
  /** To the resident: their entry was published. */
  | { type: 'moderation.entryApproved'; kind: EntryKind; category: Category }
  /** To the resident: their entry was refused, and why. */
  | { type: 'moderation.entryRejected'; kind: EntryKind; category: Category; reason: RejectionReason };

/**
 * The text a referent reads of a notice that could not be delivered (kept in `undelivered`
 * for them to pass on by hand); implemented by the conversation layer.
 */
export type NoticeText = (notice: Notice) => string;

/** The brief of a stored handover. */
export function handoverBrief(handover: HandoverBrief): HandoverBrief {
  return {
    reason: handover.reason,
    summary: handover.summary,
    ...(handover.neighbourhood ? { neighbourhood: handover.neighbourhood } : {}),
  };
}
