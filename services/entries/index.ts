/**
 * The entries module (offers and needs, collection `entries`): its public API. Other modules
 * and the composition root import from here, never from the files inside.
 */
export * from './entries';
export * from './entryRepository';
export * from './newEntry';
export type { ExpiringEntry, ReviewDecision, ReviewedEntry, StoredEntry } from './types';
export * from './figures';
export * from './jobs';
export * from './notices';
export * from './personalData';
