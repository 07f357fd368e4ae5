/**
 * What the entries module tells residents, as data (rendered in dialogs/notices/entries.ts).
 */
import type { Category, EntryKind } from '../domain/types';

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

/** The owner's entry was closed at its expiry (not renewed in time, or they could not be asked). */
export interface ClosedByExpiryNotice {
  readonly type: 'entries.closedByExpiry';
  entryId: string;
  kind: EntryKind;
  category: Category;
}

/**
 * The owner's one-off offer was used up by the match they just accepted: it is closed;
 * publish it again (`ENTRY_REPUBLISH_<entryId>`) or make it regular (`ENTRY_REGULAR_<entryId>`)?
 * Rendered in the helper's own turn, after the thanks for accepting.
 */
export interface OfferUsedUpNotice {
  readonly type: 'entries.offerUsedUp';
  entryId: string;
  category: Category;
}

/** Every notice of the entries module. */
export type EntryNotice = RenewalAskedNotice | ClosedByExpiryNotice | OfferUsedUpNotice;
