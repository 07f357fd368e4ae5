/**
 * The testimonials module (collection `testimonials` and its publications): its public API.
 * Other modules and the composition root import from here, never from the files inside.
 */
export * from './types';
export * from './notices';
export * from './testimonialRepository';
export * from './publicationStore';
export * from './publisher';
export * from './withdrawal';
export * from './graphFailure';
export * from './personalData';
export * from './testimonials';
