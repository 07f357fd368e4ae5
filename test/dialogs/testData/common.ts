/**
 * Pieces shared by the tables: the menu, the end of a form.
 */
import type { Turn } from '../support/table';

/** The main menu's payloads every dead end must offer. */
export const MENU = ['MENU_OFFER', 'MENU_NEED', 'MENU_HUMAN', 'MENU_MY_ENTRIES', 'MENU_PRIVACY', 'MENU_HELP'];

/** The ten category payloads. */
export const CATEGORY_PAYLOADS = [
  'CATEGORY_GROCERIES',
  'CATEGORY_PHARMACY',
  'CATEGORY_HOMEWORK',
  'CATEGORY_CONVERSATION',
  'CATEGORY_PETS',
  'CATEGORY_PRINTING',
  'CATEGORY_IT_ADMIN',
  'CATEGORY_CONNECTION',
  'CATEGORY_MASKS',
  'CATEGORY_OTHER',
];

/** Contact by the page, commitments and consent accepted, recap confirmed. */
export function finishForm(
  kind: 'offer' | 'need',
  contact: Turn['send'] = { payload: 'CONTACT_PAGE' },
): Turn[] {
  return [
    {
      send: contact,
      says: [kind === 'offer' ? 'form.commitmentsOffer' : 'form.commitmentsNeed'],
      offers: ['YES', 'NO'],
    },
    { send: { payload: 'YES' }, says: ['form.consent'], offers: ['YES', 'NO'] },
    { send: { payload: 'YES' }, says: ['form.recap'], offers: ['YES', 'NO'] },
  ];
}
