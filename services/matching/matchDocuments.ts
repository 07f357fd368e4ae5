/**
 * The `matches` collection's name and a stored match's type, in a file of their own so that
 * the repository's parts (suggestions, history, follow-ups) and the use cases can name them
 * without importing the repository that imports those parts.
 */
import type { ObjectId } from 'mongodb';
import type { Match } from '../domain/types';

/** Name of the collection of matches. */
export const MATCHES_COLLECTION = 'matches';

/** A match as stored, with its id. */
export type StoredMatch = Match & { _id: ObjectId };
