/**
 * The erasure's part of `testimonials` (see `erasure.ts` for the rule).
 */
import type { Db } from 'mongodb';
import type { PostComposer } from '../testimonials/notices';
import { TESTIMONIALS_COLLECTION, type Testimonial, type TestimonialStatus } from '../testimonials/types';

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
  db: Db,
  person: string,
  pseudonym: string,
  now: Date,
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
