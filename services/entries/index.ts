/**
 * The entries module (offers and needs, collection `entries`): its public API. Other modules
 * and the composition root import from here, never from the files inside.
 */
export * from './entries';
export * from './ports';
export {
  STORAGE_CONSENT_VERSION,
  type DailyAllowance,
  type EntryInput,
  type Registration,
  type RegistrationOutcome,
  type RepublishOutcome,
} from './registration';
export {
  isOfflinePsid,
  offlinePsid,
  type OfflineConsentVia,
  type OnBehalfRegistration,
} from './offlineResidents';
export { DEFAULT_RENEWAL_GRACE_DAYS, type ExpirySummary } from './renewals';
export * from './refusedMessages';
export * from './entryRepository';
export {
  MAX_ADDRESS_LENGTH,
  MAX_AVAILABILITY_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  type NewEntry,
} from './newEntry';
export type { ExpiringEntry, ReviewDecision, ReviewedEntry, StoredEntry } from './types';
export * from './figures';
export * from './jobs';
export * from './notices';
export * from './personalData';
