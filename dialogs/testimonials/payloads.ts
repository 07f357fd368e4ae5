/**
 * Payloads of the testimonial conversations: the signature choices, the resident's
 * withdrawal and the admins' review (every admin payload starts with `ADMIN_`).
 */

/** Payloads without an id. */
export const TestimonialPayload = {
  signName: 'SIGN_FIRST_NAME',
  signInitials: 'SIGN_INITIALS',
  signAnonymous: 'SIGN_ANONYMOUS',
  skipNeighbourhood: 'SIGN_SKIP_NEIGHBOURHOOD',
  /** "Retirer témoignage" in "Mes données". */
  privacyWithdraw: 'PRIVACY_TESTIMONIAL',
  /** The admins' entry point (moderator menu). */
  adminList: 'ADMIN_TESTIMONIALS',
} as const;

/** Prefixes of payloads carrying a testimonial id. */
export const TestimonialPrefix = {
  withdraw: 'TESTIMONIAL_WITHDRAW_',
  adminPick: 'ADMIN_TESTIMONIAL_',
  adminApprove: 'ADMIN_TM_APPROVE_',
  adminEdit: 'ADMIN_TM_EDIT_',
  adminSchedule: 'ADMIN_TM_SCHEDULE_',
  adminReject: 'ADMIN_TM_REJECT_',
} as const;

/** Version of the consent wording shown (`testimonialDialog.consent`). */
export const TESTIMONIAL_CONSENT_VERSION = 'testimonial-v1';

/** Shortest and longest testimonial accepted, in characters. */
export const MIN_STORY_LENGTH = 10;
export { MAX_TESTIMONIAL_LENGTH as MAX_STORY_LENGTH } from '../../services/testimonials/testimonialRepository';

/** True for a payload meant for admins only. */
export function isAdminPayload(payload: string | undefined): boolean {
  return payload?.startsWith('ADMIN_') === true;
}
