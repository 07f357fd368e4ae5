/**
 * The screening of free text (services/screening) with the French placeholders of
 * `locales/` (`[numéro retiré]`, `[e-mail retiré]`, `[lien retiré]`): what the dialogs call,
 * and the words the composition root gives the modules that screen what they store.
 */
import { t } from '../services/i18n';
import {
  type RemovedKind,
  screenText as screenWith,
  type ScreenedText,
  type ScreeningWords,
  type ScreenOptions,
} from '../services/screening/screenText';

export type { RemovedKind, ScreenedText } from '../services/screening/screenText';

/** The French placeholders of the screening. */
export function screeningWords(): ScreeningWords {
  return {
    phone: t('screening.phone'),
    email: t('screening.email'),
    link: t('screening.link'),
    address: t('screening.address'),
  };
}

/** `text` as it may be stored and shown to someone else, with the French placeholders. */
export function screenText(text: string, options: Omit<ScreenOptions, 'words'> = {}): ScreenedText {
  return screenWith(text, { ...options, words: screeningWords() });
}

/** Where the screened text was typed in the entry form. */
export type ScreenedField = 'description' | 'availability';

/**
 * What to tell the author of a screened text, in order: the contacts removed (phone, e-mail,
 * link), then the address removed (never shown: only the neighbourhood is). Empty when nothing was.
 */
export function removalNotices(removed: readonly RemovedKind[], field: ScreenedField): string[] {
  const notices: string[] = [];
  if (removed.some((kind) => kind !== 'address')) {
    notices.push(t(field === 'description' ? 'form.contactsRemoved' : 'form.availabilityContactsRemoved'));
  }
  if (removed.includes('address')) {
    notices.push(t(field === 'description' ? 'screening.addressRemoved' : 'screening.addressRemovedWhen'));
  }
  return notices;
}
