/**
 * Offer tables: the happy path, a shared location, the geocoder down, money, a phone
 * number in the description, cancel midway, refused consent, an emergency midway.
 */
import type { Turn } from '../support/table';
import { CATEGORY_PAYLOADS, MENU, finishForm } from './common';

/** Up to the description question, for `category`. */
export function offerStart(category = 'CATEGORY_GROCERIES'): Turn[] {
  return [
    { send: { payload: 'GET_STARTED' }, says: ['greeting.welcomeNoName'], offers: MENU },
    { send: { payload: 'MENU_OFFER' }, says: ['form.categoryOffer'], offers: CATEGORY_PAYLOADS },
    { send: { payload: category }, says: ['form.descriptionOffer'] },
  ];
}

/** Typed address known by the fake BAN, typed availability, once or regularly, contact question. */
const whereAndWhen: Turn[] = [
  { send: '12 place Jean Jaurès', says: ['form.whereFound', 'form.availabilityOffer'] },
  {
    send: 'le samedi matin',
    says: ['form.recurrence'],
    offers: ['OFFER_ONCE', 'OFFER_REGULAR'],
  },
  {
    send: 'juste une fois',
    says: ['form.contact'],
    offers: ['CONTACT_PAGE'],
    offersTypes: ['user_phone_number', 'user_email'],
  },
];

/** Offer saved with the phone from the quick reply. */
export const offerHappyPath: Turn[] = [
  ...offerStart(),
  { send: "Je peux faire vos courses, j'ai une voiture", says: ['form.where'] },
  ...whereAndWhen,
  ...finishForm('offer', { payload: '+33612345678', text: '+33 6 12 34 56 78' }),
  { send: { payload: 'YES' }, says: ['offer.saved'], offers: MENU },
];

/** A shared location instead of an address (one in Paris first: outside the service area). */
export const offerSharedLocation: Turn[] = [
  ...offerStart('CATEGORY_PETS'),
  { send: 'Je peux promener votre chien le soir', says: ['form.where'] },
  { send: { location: { lat: 48.8566, lon: 2.3522 } }, says: ['places.outsideMiramas'] },
  { send: { location: { lat: 43.5862, lon: 4.9995 } }, says: ['form.whereShared', 'form.availabilityOffer'] },
  { send: 'le soir après 18 h', says: ['form.recurrence'] },
  { send: { payload: 'OFFER_REGULAR' }, says: ['form.contact'] },
  ...finishForm('offer'),
  { send: { payload: 'YES' }, says: ['offer.saved'] },
];

/** The geocoder answers 500: the neighbourhood named in the text is used. */
export const offerGeocoderDown: Turn[] = [
  ...offerStart('CATEGORY_PRINTING'),
  { send: "J'ai une imprimante, je peux imprimer vos attestations", says: ['form.where'] },
  { send: '3 rue des Lilas, La Maille 2', says: ['form.whereFallback'], contains: ['La Maille 2'] },
  // "Tous les jours" says it is regular: not asked.
  { send: 'tous les jours', says: ['form.recurrenceNotedRegular', 'form.contact'] },
  ...finishForm('offer'),
  { send: { payload: 'YES' }, says: ['offer.saved'] },
];

/** Money kept after the reminder: saved with the flag. */
export const offerMoneyKept: Turn[] = [
  ...offerStart(),
  {
    send: 'Je fais vos courses pour 5 euros',
    says: ['form.moneyReminder'],
    offers: ['REWRITE_TEXT', 'KEEP_TEXT'],
  },
  { send: { payload: 'KEEP_TEXT' }, says: ['form.moneyKept', 'form.where'] },
  ...whereAndWhen,
  ...finishForm('offer'),
  { send: { payload: 'YES' }, says: ['handover.savedMoney', 'moderation.resident.outsideHoursUnknown'] },
];

/** Money rewritten away: saved without the flag. */
export const offerMoneyRewritten: Turn[] = [
  ...offerStart(),
  { send: 'Courses contre 10 €', says: ['form.moneyReminder'] },
  { send: 'réécrire', says: ['form.rewritePrompt'] },
  { send: 'Je fais vos courses gratuitement le mardi', says: ['form.where'] },
  ...whereAndWhen,
  ...finishForm('offer'),
  { send: { payload: 'YES' }, says: ['offer.saved'] },
];

/** A phone number in the description is removed, and the resident told why. */
export const offerPhoneInDescription: Turn[] = [
  ...offerStart(),
  {
    send: 'Courses le samedi, appelez-moi au 06 12 34 56 78 ou jean.dupont@example.org',
    says: ['form.contactsRemoved', 'form.where'],
  },
  ...whereAndWhen,
  ...finishForm('offer'),
  { send: { payload: 'YES' }, says: ['offer.saved'] },
];

/** "annuler" in the middle: nothing stored, the menu offered. */
export const offerCancelled: Turn[] = [
  ...offerStart(),
  { send: 'Je peux faire les courses', says: ['form.where'] },
  { send: 'Anuler', says: ['interrupt.cancelled'], offers: MENU },
  { send: 'bonjour', says: ['greeting.welcomeNoName'] },
];

/** The storage consent refused: nothing stored. */
export const offerConsentRefused: Turn[] = [
  ...offerStart(),
  { send: 'Je peux faire les courses', says: ['form.where'] },
  ...whereAndWhen,
  { send: { payload: 'CONTACT_PAGE' }, says: ['form.commitmentsOffer'] },
  { send: 'oui', says: ['form.consent'] },
  { send: 'non', says: ['form.consentRefused'], offers: MENU },
];

/**
 * Emergency words in the middle: the numbers at once and a referent handed the conversation;
 * the form is kept, its question asked again when the resident writes next (issue 13).
 */
export const offerEmergency: Turn[] = [
  ...offerStart(),
  {
    send: 'au secours mon voisin fait un malaise il ne respire plus',
    says: ['emergency.intro', 'emergency.base', 'moderation.resident.outsideHoursUnknown'],
    contains: ['15', '17', '18', '112', '114'],
    hides: ['Décrivez en quelques mots'],
  },
  { send: 'bonjour', says: ['form.resumed', 'form.descriptionOffer'] },
  { send: 'Anuler', says: ['interrupt.cancelled'], offers: MENU },
];
