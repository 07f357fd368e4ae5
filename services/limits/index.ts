/**
 * Per-person limits (messages answered, entries stored, helpers asked), kept in MongoDB.
 */
export { Limits, type LimitsOptions, type MessageNotice, type MessageVerdict } from './limits';
export { DEFAULT_LIMITS, type LimitSettings } from './settings';
export { RATE_LIMITS_COLLECTION } from './storedLimiter';
