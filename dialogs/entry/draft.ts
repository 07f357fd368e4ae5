/**
 * An offer or a need being written, kept in dialog state until the resident confirms.
 */
import type {
  Category,
  ContactChannel,
  EntryKind,
  GeoPoint,
  LocationSource,
  Resident,
} from '../../services/domain/types';
import { t } from '../../services/i18n';
import { categoryName } from '../replies';

/** What the form collects. */
export interface EntryDraft {
  kind: EntryKind;
  category?: Category;
  beneficiary?: 'self' | 'relative';
  urgency?: 'high' | 'normal';
  description?: string;
  /** The description still mentioned money after the reminder. */
  money?: boolean;
  addressText?: string;
  neighbourhood?: string;
  location?: GeoPoint;
  locationSource?: LocationSource;
  availability?: string;
  /** Offers only: regular (stays proposed after each match) or one-off. */
  recurring?: boolean;
  contact?: Resident['contact'];
  /** True when this form recorded a new storage consent (to be stored on confirmation). */
  consentGiven?: boolean;
}

/** A draft with every field the entry needs. */
export type CompleteDraft = EntryDraft &
  Required<
    Pick<EntryDraft, 'category' | 'description' | 'location' | 'locationSource' | 'availability' | 'contact'>
  >;

/** Options the offer and need dialogs accept (what the first message already said). */
export interface EntryDialogOptions {
  category?: Category;
  urgency?: 'high' | 'normal';
  /** For a need: the first message named a relative ("ma mère a besoin…"). */
  beneficiary?: 'relative';
  /** The first message told the request in detail: it is the description (see `carriedDescription.ts`). */
  description?: string;
  /** The first message said when ("demain matin", "tous les mardis"; see `carriedTime.ts`). */
  availability?: string;
  /**
   * A draft already confirmed: the form of the other kind's dialog ended with it after the
   * resident switched ("en fait c'est moi qui ai besoin d'aide"); it is stored without a form.
   */
  draft?: CompleteDraft;
}

/** True when nothing is missing. */
export function isComplete(draft: EntryDraft): draft is CompleteDraft {
  return (
    draft.category !== undefined &&
    draft.description !== undefined &&
    draft.location !== undefined &&
    draft.locationSource !== undefined &&
    draft.availability !== undefined &&
    draft.contact !== undefined
  );
}

/** How the resident chose to be contacted, in French. */
export function contactLabel(contact: Resident['contact']): string {
  const channel: ContactChannel | undefined = contact.channels.find((c) => c !== 'page');
  if (channel === 'phone' && contact.phone) return t('form.contactViaPhone', { phone: contact.phone });
  if (channel === 'email' && contact.email) return t('form.contactViaEmail', { email: contact.email });
  return t('form.contactViaPage');
}

/** Where the entry is, as its author reads it. */
export function placeLabel(
  draft: Pick<EntryDraft, 'addressText' | 'neighbourhood' | 'locationSource'>,
): string {
  if (draft.locationSource === 'shared_location') return draft.neighbourhood ?? t('form.placeShared');
  return draft.addressText ?? draft.neighbourhood ?? t('form.placeShared');
}

/** The recap shown before saving. */
export function recapText(draft: CompleteDraft): string {
  const extra =
    draft.kind === 'need'
      ? t('form.recapNeedExtra', {
          beneficiary: t(
            draft.beneficiary === 'relative' ? 'form.beneficiaryRelative' : 'form.beneficiarySelf',
          ),
          urgent: t(draft.urgency === 'high' ? 'form.yes' : 'form.no'),
        })
      : t('form.recapOfferExtra', {
          recurrence: t(draft.recurring ? 'form.recurrenceRegularLabel' : 'form.recurrenceOnceLabel'),
        });
  return t('form.recap', {
    kind: t(draft.kind === 'offer' ? 'form.kindOffer' : 'form.kindNeed'),
    category: categoryName(draft.category),
    description: draft.description,
    place: placeLabel(draft),
    availability: draft.availability,
    contact: contactLabel(draft.contact),
    extra,
  });
}
