/**
 * The privacy module (a person's rights: export, erasure, retention), composed of each
 * module's `personalData.ts`: its public API. It imports every module; no module imports it.
 */
export * from './rights';
export * from './erasure';
export * from './export';
export * from './markers';
export * from './retention';
