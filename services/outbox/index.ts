/**
 * The outbox: exactly-once outgoing Graph calls for the turns the inbox runs.
 */
export * from './outbox';
export * from './outboxStore';
export * from './journaledGraph';
export * from './refusedCalls';
