/**
 * Turns of the testimonial conversations: the resident's story, its signature and consent,
 * its withdrawal, the admins' review, and the answers to the jobs' questions.
 */
import type { Turn } from '../support/table';
import { MENU } from '../testData/common';

/** The resident's story, with a phone number to remove. */
export const STORY =
  'Ma voisine Nadia a fait mes courses pendant deux semaines, merci à elle ! 06 12 34 56 78';

/** The story told, up to the signature question. */
const tellStory: Turn[] = [
  { send: { payload: 'MENU_TESTIMONIAL' }, says: ['testimonialDialog.intro'] },
  { send: 'merci', says: ['testimonialDialog.storyRetry'] },
  {
    send: STORY,
    says: ['testimonialDialog.contactsRemoved', 'testimonialDialog.signature'],
    offers: ['SIGN_FIRST_NAME', 'SIGN_INITIALS', 'SIGN_ANONYMOUS'],
    hides: ['06 12'],
  },
];

/** Signed "Camille, La Maille", consent given, recap shown and sent. */
export const happyPath: Turn[] = [
  ...tellStory,
  { send: { payload: 'SIGN_FIRST_NAME' }, says: ['testimonialDialog.firstName'] },
  { send: 'Camille', says: ['testimonialDialog.neighbourhood'], offers: ['SIGN_SKIP_NEIGHBOURHOOD'] },
  { send: 'maille 2', says: ['testimonialDialog.consent'], offers: ['YES', 'NO'], contains: ['Mes données'] },
  {
    send: { payload: 'YES' },
    says: ['testimonialDialog.recap'],
    contains: ['Camille, La Maille 2', 'Nadia a fait mes courses'],
    offers: ['YES', 'NO'],
  },
  { send: { payload: 'YES' }, says: ['testimonialDialog.saved'], offers: MENU },
];

/** Consent refused: nothing is stored. */
export const refusedConsent: Turn[] = [
  ...tellStory,
  { send: { payload: 'SIGN_INITIALS' }, says: ['testimonialDialog.fullName'] },
  { send: 'Camille Durand', says: ['testimonialDialog.consent'] },
  { send: 'Je refuse', says: ['testimonialDialog.refused'], offers: MENU },
];

/** Anonymous: no name asked. */
export const anonymous: Turn[] = [
  { send: 'je voulais dire merci à ma voisine', says: ['testimonialDialog.intro'] },
  ...tellStory.slice(1),
  { send: 'Anonyme', says: ['testimonialDialog.consent'] },
  { send: { payload: 'YES' }, says: ['testimonialDialog.recap'], contains: ['Un voisin de Miramas'] },
  { send: 'Envoyer', says: ['testimonialDialog.saved'] },
];

/** Typed request to withdraw, confirmed. */
export const withdrawTyped: Turn[] = [
  {
    send: 'je veux retirer mon témoignage',
    says: ['testimonialWithdraw.confirm'],
    offers: ['YES', 'NO'],
    contains: ['Nadia'],
  },
  { send: { payload: 'YES' }, says: ['testimonialWithdraw.doneDeleted'], offers: MENU },
];

/** Withdrawal from "Mes données", kept. */
export const withdrawFromPrivacyKept: Turn[] = [
  { send: { payload: 'MENU_PRIVACY' }, says: ['privacy.intro'], offers: ['PRIVACY_TESTIMONIAL'] },
  { send: { payload: 'PRIVACY_TESTIMONIAL' }, says: ['testimonialWithdraw.confirm'] },
  { send: 'Non, le garder', says: ['testimonialWithdraw.kept'], offers: MENU },
];
