/**
 * What gives a person away in free text kept about someone else: their psid, their phone
 * however it is written, their e-mail, their first name, their address, the ids of what
 * they stored.
 */
import type { Db, ObjectId } from 'mongodb';
import type { Entry, Resident } from '../domain/types';
import { ENTRIES_COLLECTION } from '../entries/entryRepository';
import { HANDOVERS_COLLECTION } from '../moderation/handoverRepository';
import { MODERATORS_COLLECTION } from '../moderation/moderatorRepository';
import { RESIDENTS_COLLECTION } from '../residents/residentRepository';
import type { PostComposer } from '../testimonials/notices';
import { TESTIMONIALS_COLLECTION, type Testimonial, type TestimonialSignature } from '../testimonials/types';

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
  const [resident, moderator, entries, testimonials, handovers] = await Promise.all([
    db.collection<Resident>(RESIDENTS_COLLECTION).findOne({ psid }),
    db.collection<{ psid: string; name?: string }>(MODERATORS_COLLECTION).findOne({ psid }),
    db
      .collection<Entry>(ENTRIES_COLLECTION)
      .find({ psid }, { projection: { _id: 1, addressText: 1 } })
      .toArray(),
    db
      .collection<Testimonial>(TESTIMONIALS_COLLECTION)
      .find<{ _id: ObjectId; signature?: TestimonialSignature }>(
        { psid },
        { projection: { _id: 1, signature: 1 } },
      )
      .toArray(),
    db
      .collection(HANDOVERS_COLLECTION)
      .find({ psid }, { projection: { _id: 1 } })
      .toArray(),
  ]);
  const markers = [
    psid,
    ...phoneForms(resident?.contact?.phone),
    resident?.contact?.email,
    resident?.firstName,
    moderator?.name,
    ...entries.flatMap((entry) => [entry._id?.toHexString(), entry.addressText]),
    ...testimonials.flatMap(({ _id, signature }) => [
      _id.toHexString(),
      ...(signature?.kind === 'first_name_neighbourhood'
        ? [signature.text, posts.signedFirstName(signature)]
        : []),
    ]),
    ...handovers.map((handover) => handover._id.toHexString()),
  ];
  return [
    ...new Set(
      markers
        .map((marker) => marker?.trim())
        .filter((marker): marker is string => !!marker && marker.length >= MIN_MARKER_LENGTH),
    ),
  ];
}

/** `phone` as stored and in the other ways a French number is written. */
export function phoneForms(phone: string | undefined): string[] {
  if (!phone) return [];
  const digits = phone.replace(/\D/g, '');
  const national = /^33\d{9}$/.test(digits) ? `0${digits.slice(2)}` : digits;
  const forms = [phone, digits, national];
  if (/^0\d{9}$/.test(national)) {
    const pairs = national.match(/\d\d/g) ?? [];
    forms.push(pairs.join(' '), pairs.join('.'), `+33${national.slice(1)}`, `+33 ${national.slice(1)}`);
  }
  return forms.filter((form) => form.length >= 6);
}

/** One regular expression source matching any of `markers` (they are escaped). */
export function markerPattern(markers: readonly string[]): string {
  return markers.map((marker) => marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
