/**
 * What the entries module tells residents, as data (rendered in dialogs/notices/entries.ts).
 */
import type { Category } from '../domain/types';

/**
 * The owner's entry reached its expiry: renew it or close it? Answered with
 * `ENTRY_RENEW_<entryId>` / `ENTRY_CLOSE_<entryId>`.
 */
export interface RenewalAskedNotice {
  readonly type: 'entries.renewalAsked';
  entryId: string;
  category: Category;
  /** Days the owner has to answer before the entry is closed. */
  graceDays: number;
}

/** Every notice of the entries module. */
export type EntryNotice = RenewalAskedNotice;
