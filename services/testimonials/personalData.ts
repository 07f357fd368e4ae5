/**
 * The testimonials module's part of a person's data (`testimonials`).
 *
 * @remarks
 * Those never published (or whose post is already deleted) are deleted. A published one whose
 * consent stands stays on the Page, and its document keeps only the post id and dates: no
 * author, text or signature. A post still to be deleted keeps its id, and an attempt in
 * flight its exact text until the publication job reconciles it (at its next run).
 */
import type { Db, ObjectId } from 'mongodb';
import type { ErasureScope } from '../personalData';
import type { PostComposer } from './notices';
import {
  TESTIMONIALS_COLLECTION,
  type Testimonial,
  type TestimonialSignature,
  type TestimonialStatus,
} from './types';

/** A testimonial of theirs; the reviewing admin and publication attempts are left out. */
export type PersonalTestimonial = Omit<Testimonial, 'psid' | 'reviewedBy' | 'attempt'> & { _id: ObjectId };

/** Not on the Page and never to be: nothing to keep. */
const NEVER_PUBLIC: TestimonialStatus[] = ['pending', 'approved', 'scheduled', 'rejected'];

/** What became of the person's testimonials. */
export interface TestimonialErasure {
  deleted: number;
  /** Kept for a post on the Page (or one to delete), without author, text or signature. */
  stripped: number;
  /** Others' testimonials the person reviewed as an admin, now under the pseudonym. */
  reviewed: number;
}

/**
 * Deletes the person's testimonials that are not on the Page, strips those that are (or may
 * be) down to what the publication job needs, and pseudonymises their reviews.
 */
export async function eraseTestimonials(
  { db, person, pseudonym, now }: ErasureScope,
  posts: Pick<PostComposer, 'anonymousSignature'>,
): Promise<TestimonialErasure> {
  const testimonials = db.collection<Testimonial>(TESTIMONIALS_COLLECTION);
  // An attempt in flight whose author is gone: withdrawn, so that the publication job deletes
  // the post if the attempt made one, instead of putting a text-less testimonial back in line.
  await testimonials.updateMany(
    { psid: person, status: 'publishing' },
    { $set: { status: 'withdrawn', withdrawnAt: now, updatedAt: now } },
  );
  const deleted = await testimonials.deleteMany({
    psid: person,
    $or: [
      { status: { $in: NEVER_PUBLIC } },
      { status: 'withdrawn', postId: { $exists: false }, attempt: { $exists: false } },
      { status: 'withdrawn', postDeletedAt: { $exists: true } },
    ],
  });
  const anonymous = posts.anonymousSignature();
  const strip = { text: '', signature: anonymous, updatedAt: now };
  const unset = { psid: '', originalText: '', reviewedBy: '', lastError: '' } as const;
  // With a post id, the attempt's exact text is of no use any more.
  const withPost = await testimonials.updateMany(
    { psid: person, postId: { $exists: true } },
    { $set: strip, $unset: { ...unset, attempt: '' } },
  );
  // Withdrawn while in flight: the attempt's text stays until the job has looked for its post.
  const inFlight = await testimonials.updateMany({ psid: person }, { $set: strip, $unset: unset });
  const reviewed = await testimonials.updateMany({ reviewedBy: person }, { $set: { reviewedBy: pseudonym } });
  return {
    deleted: deleted.deletedCount,
    stripped: withPost.modifiedCount + inFlight.modifiedCount,
    reviewed: reviewed.modifiedCount,
  };
}

/** Their testimonials' ids, and the signed text and first name of those signed with it. */
export async function testimonialMarkers(
  db: Db,
  psid: string,
  posts: Pick<PostComposer, 'signedFirstName'>,
): Promise<Array<string | undefined>> {
  const testimonials = await db
    .collection<Testimonial>(TESTIMONIALS_COLLECTION)
    .find<{ _id: ObjectId; signature?: TestimonialSignature }>(
      { psid },
      { projection: { _id: 1, signature: 1 } },
    )
    .toArray();
  return testimonials.flatMap(({ _id, signature }) => [
    _id.toHexString(),
    ...(signature?.kind === 'first_name_neighbourhood'
      ? [signature.text, posts.signedFirstName(signature)]
      : []),
  ]);
}

/** Their testimonials, newest first (text, signature, consent with its dates). */
export function exportTestimonials(db: Db, person: string): Promise<PersonalTestimonial[]> {
  return db
    .collection<Testimonial>(TESTIMONIALS_COLLECTION)
    .find<PersonalTestimonial>({ psid: person }, { projection: { psid: 0, reviewedBy: 0, attempt: 0 } })
    .sort({ createdAt: -1, _id: -1 })
    .toArray();
}

/** Whether one of their testimonials changed since `since`. */
export async function testimonialsActiveSince(db: Db, psid: string, since: Date): Promise<boolean> {
  return (
    (await db.collection(TESTIMONIALS_COLLECTION).findOne({ psid, updatedAt: { $gte: since } })) !== null
  );
}
