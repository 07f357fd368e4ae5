/**
 * The closed label sets of the two classifiers.
 */

/** What a resident wants from the bot. */
export const INTENTS = [
  'offer',
  'need',
  'human',
  'testimonial',
  'greeting',
  'help',
  'delete_data',
  'emergency',
  'other',
] as const;
/** See {@link INTENTS}. */
export type Intent = (typeof INTENTS)[number];

/** What kind of help is offered or asked for: the domain's categories. */
export { CATEGORIES, type Category } from '../domain/types';
