/**
 * The testimonials module's notices (to the admins) in French.
 */
import { t } from '../../services/i18n';
import type { TestimonialNotice } from '../../services/testimonials';
import type { NoticeRenderers } from './renderers';

/** The testimonials module's notices. */
export const testimonialRenderers: NoticeRenderers<TestimonialNotice> = {
  'testimonials.publicationFailed': ({ id, code }) => ({
    type: 'message',
    text: t('testimonials.admin.failed', { id, code }),
  }),
  'testimonials.postDeleted': ({ id }) => ({
    type: 'message',
    text: t('testimonials.admin.withdrawnDeleted', { id }),
  }),
  'testimonials.postDeleteFailed': ({ id, code }) => ({
    type: 'message',
    text: t('testimonials.admin.withdrawnDeleteFailed', { id, code }),
  }),
};
