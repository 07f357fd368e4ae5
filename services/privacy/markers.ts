/**
 * What gives a person away in free text kept about someone else: their psid, their phone
 * however it is written, their e-mail, their first name, their address, the ids of what
 * they stored; each module says which of its records identify them.
 */
import type { Db } from 'mongodb';
import { entryMarkers } from '../entries';
import { moderationMarkers } from '../moderation';
import { residentMarkers } from '../residents';
import { testimonialMarkers, type PostComposer } from '../testimonials';

export { phoneForms } from '../residents';

/** Shorter strings would match in too many unrelated texts. */
const MIN_MARKER_LENGTH = 3;

/**
 * The strings that identify `psid`, read before anything is erased.
 *
 * @remarks
 * A phone is looked for as stored, as bare digits, in pairs with spaces or dots, and in its
 * +33 form; a first name as the resident, a referent record or a signed testimonial holds it.
 */
export async function markersOf(
  db: Db,
  psid: string,
  posts: Pick<PostComposer, 'signedFirstName'>,
): Promise<string[]> {
  const parts = await Promise.all([
    residentMarkers(db, psid),
    moderationMarkers(db, psid),
    entryMarkers(db, psid),
    testimonialMarkers(db, psid, posts),
  ]);
  const markers = [psid, ...parts.flat()];
  return [
    ...new Set(
      markers
        .map((marker) => marker?.trim())
        .filter((marker): marker is string => !!marker && marker.length >= MIN_MARKER_LENGTH),
    ),
  ];
}
