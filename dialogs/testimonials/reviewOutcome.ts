/**
 * What an admin's review step ends with, and the choices offered after it.
 */
import type { CardAction } from 'botbuilder';
import { t } from '../../services/i18n';
import { choice, menuChoices } from '../replies';
import { TestimonialPayload } from '../payload';

/** What the correction and scheduling dialogs return to the review dialog. */
export interface ReviewOutcome {
  /** The French confirmation to show. */
  message: string;
}

/** Options of the dialogs acting on one testimonial. */
export interface ReviewTarget {
  /** The testimonial's id (hex). */
  id: string;
}

/** After a review: the list again, or the menu. */
export function afterReviewChoices(): CardAction[] {
  return [choice(t('testimonialAdmin.menuTitle'), TestimonialPayload.adminList), ...menuChoices()];
}

/** True when `result` is a {@link ReviewOutcome}. */
export function isReviewOutcome(result: unknown): result is ReviewOutcome {
  return (
    typeof result === 'object' && result !== null && typeof (result as ReviewOutcome).message === 'string'
  );
}
