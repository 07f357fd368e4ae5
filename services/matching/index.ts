/**
 * The matching module (collection `matches`): its public API. Other modules and the
 * composition root import from here, never from the files inside.
 */
export * from './matching';
export * from './matchRepository';
export * from './matcher';
export * from './distanceBand';
export * from './exportedMatch';
export * from './figures';
export * from './jobs';
export * from './notices';
export * from './personalData';
export * from './availability';
export * from './ranking';
export * from './reexamination';
