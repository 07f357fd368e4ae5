/**
 * The places module (blocks, neighbourhoods, geocoding, locating an entry): its public API.
 * Other modules and the composition root import from here, never from the files inside.
 */
export * from './blocks';
export * from './boundary';
export * from './neighbourhoods';
export * from './geocoder';
export * from './locate';
