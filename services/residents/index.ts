/**
 * The residents module (collection `residents`): its public API. Other modules and the
 * composition root import from here, never from the files inside.
 */
export * from './residentRepository';
export * from './personalData';
export * from './search';
