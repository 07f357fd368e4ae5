/**
 * The screening of free text (services/screening) with the French placeholders of
 * `locales/` (`[numéro retiré]`, `[e-mail retiré]`, `[lien retiré]`): what the dialogs call,
 * and the words the composition root gives the modules that screen what they store.
 */
import { t } from '../services/i18n';
import {
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
