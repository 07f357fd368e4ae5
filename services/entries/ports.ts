/**
 * What the entries use cases are built from: the ports of the other modules they call
 * ({@link EntriesPorts}).
 *
 * @remarks
 * Types only. Each use case of the module takes the part of {@link EntriesPorts} it calls.
 */
import type { Clock } from '../clock';
import type { Consent, EntryKind, OfflineProfile, Resident } from '../domain/types';
import type { Logger } from '../logger';
import type { Notifier } from '../messaging/notifier';
import type { EntryRepository } from './entryRepository';
import type { EntryNotice } from './notices';

/** The residents' consents and contact preferences (`ResidentRepository`). */
export interface EntryResidentsPort {
  recordStorageConsent(psid: string, consent: Consent): Promise<unknown>;
  setContact(psid: string, contact: Resident['contact']): Promise<void>;
  /** Who a resident without Messenger is (their name, how to address them, their referent). */
  setOfflineProfile(psid: string, profile: OfflineProfile): Promise<void>;
}

/** The per-person daily limits on entries stored (`Limits` in services/limits). */
export interface EntryLimitsPort {
  readonly settings: { readonly needsPerDay: number; readonly offersPerDay: number };
  mayCreateEntry(psid: string, kind: EntryKind): Promise<boolean>;
  takeEntry(psid: string, kind: EntryKind): Promise<boolean>;
}

/** The moderators' audit trail (`AuditLog`): who registered an entry for someone offline. */
export interface EntryAuditPort {
  record(
    actor: string,
    action: 'entry.register',
    target: { type: 'entry'; id: string },
    detail?: string,
  ): Promise<void>;
}

/** What `Entries` is built from. */
export interface EntriesPorts {
  repository: EntryRepository;
  residents: EntryResidentsPort;
  limits: EntryLimitsPort;
  audit: EntryAuditPort;
  /** The owner's notices (the renewal question), inside their 24-hour window only. */
  notices: Notifier<EntryNotice>;
  clock: Clock;
  logger: Logger;
}
