/**
 * Constants of the testimonial conversations; their payloads (signature choices, the
 * resident's withdrawal, the admins' review, every admin payload starting with `ADMIN_`)
 * are in the registry `../payload`.
 */
import { ADMIN_NAMESPACE } from '../payload';

/** Version of the consent wording shown (`testimonialDialog.consent`). */
export const TESTIMONIAL_CONSENT_VERSION = 'testimonial-v1';

/** Shortest and longest testimonial accepted, in characters. */
export const MIN_STORY_LENGTH = 10;
export { MAX_TESTIMONIAL_LENGTH as MAX_STORY_LENGTH } from '../../services/testimonials';

/** True for a payload meant for admins only. */
export function isAdminPayload(payload: string | undefined): boolean {
  return payload?.startsWith(ADMIN_NAMESPACE) === true;
}
