/**
 * A resident's testimonials as they read them: in the export of "Mes données" and in the
 * list of those they can withdraw.
 */
import { t } from '../../services/i18n';
import type { Testimonial, TestimonialConsent, TestimonialStatus } from '../../services/testimonials';
import { frenchDate } from '../replies';

/** Statuses whose consent can still be withdrawn. */
export const WITHDRAWABLE: readonly TestimonialStatus[] = [
  'pending',
  'approved',
  'scheduled',
  'publishing',
  'published',
];

const EXCERPT_LENGTH = 60;

/** The beginning of a text, cut at `max` characters with an ellipsis. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The status of a testimonial in French. */
export function testimonialStatus(status: TestimonialStatus): string {
  return t(`testimonialWithdraw.status.${status}`);
}

/** The lines of the export about testimonials, each with its consent (none when there are none). */
export function testimonialExportLines(
  testimonials: readonly Pick<Testimonial, 'createdAt' | 'status' | 'signature' | 'text' | 'consent'>[],
): string[] {
  if (testimonials.length === 0) return [];
  return [
    t('testimonialWithdraw.exportHeader'),
    ...testimonials.flatMap((item) => [
      t('testimonialWithdraw.exportLine', {
        date: frenchDate(item.createdAt),
        status: testimonialStatus(item.status),
        signature: item.signature.text,
        text: item.text,
      }),
      t('privacy.exportTestimonialConsent', { consent: consentText(item.consent) }),
    ]),
  ];
}

/** « donné le … », « retiré le … » or « refusé le … ». */
function consentText(consent: TestimonialConsent): string {
  if (consent.withdrawnAt) return t('privacy.consentWithdrawn', { date: frenchDate(consent.withdrawnAt) });
  return t(consent.given ? 'privacy.consentGiven' : 'privacy.consentRefused', {
    date: frenchDate(consent.at),
  });
}

/**
 * True when a typed message asks to take a testimonial back ("retirer mon témoignage",
 * "supprimer mon temoignage", "je ne veux plus que mon témoignage soit publié").
 */
export function asksTestimonialWithdrawal(text: string | undefined): boolean {
  if (!text) return false;
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return (
    /\btemoignage/.test(folded) && /\b(retir|supprim|enlev|efface|annul|ne veux plus|plus publi)/.test(folded)
  );
}
