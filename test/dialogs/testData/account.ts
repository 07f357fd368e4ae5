/**
 * "Mes annonces" and "Mes données" tables.
 */
import type { Ids, Turn } from '../support/table';
import { MENU } from './common';

/** The entries listed with their French status; one withdrawn. */
export const withdrawEntry: Turn[] = [
  {
    send: { payload: 'MENU_MY_ENTRIES' },
    says: ['myEntries.intro', 'myEntries.choose'],
    contains: ['Offre Courses : en attente de validation', 'Demande Pharmacie : publiée'],
    offers: [(ids: Ids) => `ENTRY_${ids.offer}`, (ids: Ids) => `ENTRY_${ids.need}`],
  },
  {
    send: (ids: Ids) => ({ payload: `ENTRY_${ids.offer}` }),
    says: ['myEntries.actions'],
    offers: [(ids: Ids) => `ENTRY_PAUSE_${ids.offer}`, (ids: Ids) => `ENTRY_WITHDRAW_${ids.offer}`],
  },
  {
    send: (ids: Ids) => ({ payload: `ENTRY_WITHDRAW_${ids.offer}` }),
    says: ['myEntries.doneWithdraw'],
    offers: MENU,
  },
];

/** Pause, then resume. */
export const pauseAndResume: Turn[] = [
  { send: { payload: 'MENU_MY_ENTRIES' }, says: ['myEntries.intro'] },
  { send: (ids: Ids) => ({ payload: `ENTRY_${ids.offer}` }), says: ['myEntries.actions'] },
  { send: (ids: Ids) => ({ payload: `ENTRY_PAUSE_${ids.offer}` }), says: ['myEntries.donePause'] },
  { send: { payload: 'MENU_MY_ENTRIES' }, contains: ['(en pause)'] },
  {
    send: (ids: Ids) => ({ payload: `ENTRY_${ids.offer}` }),
    offers: [(ids: Ids) => `ENTRY_RESUME_${ids.offer}`, (ids: Ids) => `ENTRY_RENEW_${ids.offer}`],
  },
  { send: (ids: Ids) => ({ payload: `ENTRY_RESUME_${ids.offer}` }), says: ['myEntries.doneResume'] },
];

/** Nothing yet. */
export const noEntries: Turn[] = [
  { send: { payload: 'MENU_MY_ENTRIES' }, says: ['myEntries.none'], offers: MENU },
];

/** Someone else's entry id cannot be acted upon (the button is answered, never obeyed). */
export const othersEntry: Turn[] = [
  { send: { payload: 'MENU_MY_ENTRIES' }, says: ['myEntries.none'] },
  {
    send: (ids: Ids) => ({ payload: `ENTRY_WITHDRAW_${ids.offer}` }),
    says: ['myEntries.failed'],
  },
];

/** What is stored, then the export as a French message. */
export const exportData: Turn[] = [
  {
    send: { payload: 'MENU_PRIVACY' },
    says: ['privacy.intro'],
    offers: ['PRIVACY_SEE', 'PRIVACY_EXPORT', 'PRIVACY_DELETE'],
  },
  {
    send: { payload: 'PRIVACY_SEE' },
    says: ['privacy.summary', 'privacy.summaryEntries'],
    contains: ['téléphone 0612345678'],
    hides: ['Je peux faire vos courses en voiture'],
    offers: ['PRIVACY_EXPORT', 'PRIVACY_DELETE'],
  },
  {
    send: { payload: 'PRIVACY_EXPORT' },
    says: ['privacy.exportHeader', 'privacy.exportResident', 'privacy.exportEntries', 'privacy.exportFooter'],
    contains: ['Je peux faire vos courses en voiture', 'téléphone 0612345678', 'en attente de validation'],
    offers: ['PRIVACY_DELETE'],
  },
];

/** Deletion confirmed from the privacy menu. */
export const deleteData: Turn[] = [
  { send: { payload: 'MENU_PRIVACY' }, says: ['privacy.intro'] },
  { send: { payload: 'PRIVACY_DELETE' }, says: ['privacy.deleteConfirm'], offers: ['YES', 'NO'] },
  { send: { payload: 'YES' }, says: ['privacy.deleted'], offers: MENU },
  // The export's button, tapped after the deletion: nothing is left to send.
  { send: { payload: 'PRIVACY_EXPORT' }, says: ['privacy.exportEmpty'] },
  { send: { payload: 'MENU_PRIVACY' }, says: ['privacy.intro'] },
  { send: { payload: 'PRIVACY_EXPORT' }, says: ['privacy.exportEmpty'] },
];

/** Typed "supprimer mes données", then kept. */
export const deleteTypedThenKept: Turn[] = [
  { send: 'supprimer mes données', says: ['privacy.deleteConfirm'] },
  { send: 'non', says: ['privacy.kept'], offers: MENU },
];

/** Typed "voir mes données": what is stored (here nothing), never the deletion's confirmation. */
export const seeTypedThenExported: Turn[] = [
  { send: 'voir mes données', says: ['privacy.exportEmpty'], hides: ['définitif'] },
  { send: { payload: 'PRIVACY_EXPORT' }, says: ['privacy.exportEmpty'] },
];
