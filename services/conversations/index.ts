/**
 * The conversations module (collections `conversations` and the dialogs' state): its public
 * API. Other modules and the composition root import from here, never from the files inside.
 */
export * from './attention';
export * from './conversationState';
export * from './personalData';
