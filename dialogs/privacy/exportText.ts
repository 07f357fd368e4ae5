/**
 * A person's data export (`services/privacy/export.ts`) as a readable French message.
 */
import type { ConversationAttention } from '../../services/conversations';
import type { Consent, Entry, Resident } from '../../services/domain/types';
import { t } from '../../services/i18n';
import type {
  PersonalDataExport,
  PersonalHandover,
  PersonalMatch,
  PersonalModeratorRecord,
  PersonalNotice,
} from '../../services/privacy';
import { placeLabel } from '../entry/draft';
import { categoryName, frenchDate } from '../replies';
import { testimonialExportLines } from '../testimonials/residentTestimonials';

/** The export, or null when nothing is stored. */
export function exportText(data: PersonalDataExport): string | null {
  const sections = [
    data.resident ? residentLines(data.resident) : [],
    data.moderator ? moderatorLines(data.moderator) : [],
    listed('privacy.exportEntries', data.entries.flatMap(entryLines)),
    listed('privacy.exportMatches', data.matches.flatMap(matchLines)),
    listed('privacy.exportHandoffs', data.handovers.flatMap(handoverLines)),
    listed('privacy.exportAttention', data.attention ? attentionLines(data.attention) : []),
    listed('privacy.exportNotices', data.notices.map(noticeLine)),
    testimonialExportLines(data.testimonials),
  ];
  if (sections.every((lines) => lines.length === 0)) return null;
  return [
    t('privacy.exportHeader', { date: frenchDate(data.exportedAt) }),
    ...sections.flat(),
    ...(data.lastMessageAt ? [t('privacy.exportLastMessage', { date: frenchDate(data.lastMessageAt) })] : []),
    t('privacy.exportFooter'),
  ].join('\n');
}

/**
 * What is stored, in a few lines (the "Voir mes données" choice), or null when nothing is:
 * the full detail is the export ({@link exportText}).
 */
export function summaryText(data: PersonalDataExport): string | null {
  const lines = [
    ...(data.resident ? [t('privacy.summaryAccount', { contact: contactText(data.resident.contact) })] : []),
    ...(data.entries.length > 0
      ? [
          t('privacy.summaryEntries', {
            count: data.entries.length,
            categories: [...new Set(data.entries.map((entry) => categoryName(entry.category)))].join(', '),
          }),
        ]
      : []),
    ...(data.matches.length > 0 ? [t('privacy.summaryMatches', { count: data.matches.length })] : []),
    ...(data.testimonials.length > 0
      ? [t('privacy.summaryTestimonials', { count: data.testimonials.length })]
      : []),
    ...(data.handovers.length > 0 || data.notices.length > 0 || data.attention
      ? [t('privacy.summaryOther')]
      : []),
  ];
  if (lines.length === 0 && !data.moderator) return null;
  if (data.moderator) lines.push(...moderatorLines(data.moderator));
  return t('privacy.summary', { lines: lines.join('\n') });
}

/** `lines` under the heading `key`, or nothing. */
function listed(key: string, lines: string[]): string[] {
  return lines.length > 0 ? [t(key), ...lines] : [];
}

function residentLines(resident: Resident): string[] {
  const lines = [
    t('privacy.exportResident', {
      date: frenchDate(resident.createdAt),
      contact: contactText(resident.contact),
      consent: consentText(resident.consents.storage),
    }),
  ];
  if (resident.consents.publication) {
    lines.push(
      t('privacy.exportConsentPublication', { consent: consentText(resident.consents.publication) }),
    );
  }
  if (resident.locale) {
    lines.push(t('privacy.exportLocale', { language: t(`privacy.localeName.${resident.locale}`) }));
  }
  return lines;
}

/** Every way to reach them that is stored (not only the one they chose to share). */
function contactText(contact: Resident['contact']): string {
  const parts = [
    ...(contact.phone ? [t('form.contactViaPhone', { phone: contact.phone })] : []),
    ...(contact.email ? [t('form.contactViaEmail', { email: contact.email })] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : t('form.contactViaPage');
}

function consentText(consent: Consent | undefined): string {
  if (!consent) return t('privacy.consentNone');
  return t(consent.given ? 'privacy.consentGiven' : 'privacy.consentRefused', {
    date: frenchDate(consent.at),
  });
}

function moderatorLines(moderator: PersonalModeratorRecord): string[] {
  const quartiers =
    moderator.quartiers.length > 0 ? moderator.quartiers.join(', ') : t('privacy.allNeighbourhoods');
  return [t('privacy.exportModerator', { name: moderator.name, quartiers })];
}

/** The entry as they wrote it, with the position as stored ([longitude, latitude]). */
function entryLines(entry: Entry): string[] {
  const [longitude, latitude] = entry.location.coordinates;
  return [
    t('privacy.exportEntry', {
      kind: t(entry.kind === 'offer' ? 'form.kindOffer' : 'form.kindNeed'),
      category: categoryName(entry.category),
      status: t(`status.${entry.status}`),
      date: frenchDate(entry.createdAt),
      description: entry.description,
      place: placeLabel(entry),
      availability: entry.availability,
    }),
    t('privacy.exportCoordinates', { latitude, longitude }),
  ];
}

function matchLines(match: PersonalMatch): string[] {
  const lines = [
    t('privacy.exportMatch', {
      role: t(match.role === 'need' ? 'privacy.roleNeed' : 'privacy.roleOffer'),
      category: categoryName(match.category),
      date: frenchDate(match.createdAt),
      status: t(`privacy.matchStatus.${match.status}`),
    }),
  ];
  if (match.followUpAnswer) {
    lines.push(
      t('privacy.exportFollowUp', {
        answer: t(match.followUpAnswer.yes ? 'privacy.followUpYes' : 'privacy.followUpNo'),
        date: frenchDate(match.followUpAnswer.at),
      }),
    );
  }
  return lines;
}

function handoverLines(handover: PersonalHandover): string[] {
  return [
    t('privacy.exportHandoff', {
      date: frenchDate(handover.createdAt),
      reason: t(`moderation.moderator.reason.${handover.reason}`),
      status: t(`privacy.handoffStatus.${handover.status}`),
      summary: handover.summary,
    }),
    ...handover.transcript.map((line) =>
      t(line.from === 'resident' ? 'privacy.exportTranscriptResident' : 'privacy.exportTranscriptModerator', {
        date: frenchDate(line.at),
        text: line.text,
      }),
    ),
  ];
}

function attentionLines(attention: ConversationAttention): string[] {
  return attention.reasons.map((entry) =>
    t('privacy.exportAttentionLine', {
      date: frenchDate(entry.at),
      reason: t(`moderation.moderator.reason.${entry.reason}`),
    }),
  );
}

function noticeLine(notice: PersonalNotice): string {
  return t('privacy.exportNotice', { date: frenchDate(notice.createdAt), text: notice.text ?? '' });
}
