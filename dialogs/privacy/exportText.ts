/**
 * A resident's data export as a readable French message.
 */
import type { Resident } from '../../services/domain/types';
import { t } from '../../services/i18n';
import { contactLabel, placeLabel } from '../entry/draft';
import type { ResidentExportView } from '../deps';
import { categoryName, frenchDate } from '../replies';
import type { StoredTestimonial } from '../../services/testimonials/types';
import { testimonialExportLines } from '../testimonials/residentTestimonials';

/** The export, or null when nothing is stored. */
export function exportText(
  data: ResidentExportView,
  now: Date,
  testimonials: readonly StoredTestimonial[] = [],
): string | null {
  const { resident, entries, matches } = data;
  if (!resident && entries.length === 0 && matches.length === 0 && testimonials.length === 0) return null;
  const lines = [t('privacy.exportHeader', { date: frenchDate(now) })];
  if (resident) lines.push(residentLine(resident));
  if (entries.length > 0) {
    lines.push(t('privacy.exportEntries'));
    for (const entry of entries) {
      lines.push(
        t('privacy.exportEntry', {
          kind: t(entry.kind === 'offer' ? 'form.kindOffer' : 'form.kindNeed'),
          category: categoryName(entry.category),
          status: t(`status.${entry.status}`),
          date: frenchDate(entry.createdAt),
          description: entry.description,
          place: placeLabel(entry),
          availability: entry.availability,
        }),
      );
    }
  }
  if (matches.length > 0) {
    lines.push(t('privacy.exportMatches'));
    for (const match of matches) {
      lines.push(
        t('privacy.exportMatch', {
          role: t(match.role === 'need' ? 'privacy.roleNeed' : 'privacy.roleOffer'),
          category: categoryName(match.category),
          date: frenchDate(match.createdAt),
          status: t(`privacy.matchStatus.${match.status}`),
        }),
      );
    }
  }
  lines.push(...testimonialExportLines(testimonials));
  lines.push(t('privacy.exportFooter'));
  return lines.join('\n');
}

function residentLine(resident: Resident): string {
  const storage = resident.consents.storage;
  const consent = storage
    ? t(storage.given ? 'privacy.consentGiven' : 'privacy.consentRefused', { date: frenchDate(storage.at) })
    : t('privacy.consentNone');
  return t('privacy.exportResident', {
    date: frenchDate(resident.createdAt),
    contact: contactLabel(resident.contact),
    consent,
  });
}
