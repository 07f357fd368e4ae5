/**
 * Residents' testimonials (collection `testimonials`), from the resident's words to a post
 * on the Page.
 *
 * @remarks
 * Life of a testimonial: `pending` (waiting for an admin) → `approved` (published at the
 * next run) or `scheduled` (published once `publishAt` is due) → `publishing` (an attempt
 * was recorded, the feed call may or may not have reached Meta) → `published` (`postId`
 * stored). `rejected` by an admin; `withdrawn` when the resident takes their consent back
 * (a published post is then deleted: `postDeletedAt`). A permanent Graph failure puts the
 * testimonial back to `pending` with `lastError`, for an admin to look at again.
 */
import type { ObjectId } from 'mongodb';

/** Name of the collection of testimonials. */
export const TESTIMONIALS_COLLECTION = 'testimonials';

/** How the resident chose to sign. */
export type SignatureKind = 'first_name_neighbourhood' | 'initials' | 'anonymous';

/** Where a testimonial stands. */
export type TestimonialStatus =
  'pending' | 'approved' | 'scheduled' | 'publishing' | 'published' | 'rejected' | 'withdrawn';

/** What the resident chose for their signature and what the dialog knows of them. */
export interface SignatureChoice {
  kind: SignatureKind;
  /** Needed for `first_name_neighbourhood` and `initials`. */
  firstName?: string;
  /** Optional extra words of the name, for initials ("Camille Durand" → "C. D."). */
  lastName?: string;
  /** Display name of the neighbourhood, when known. */
  neighbourhood?: string;
}

/** The signature chosen and its rendered text (as it appears under the post). */
export interface TestimonialSignature {
  kind: SignatureKind;
  text: string;
}

/** The resident's consent to publication, with the wording version shown. */
export interface TestimonialConsent {
  given: boolean;
  at: Date;
  version: string;
  /** Set when the consent was taken back. */
  withdrawnAt?: Date;
}

/**
 * One try at publishing, recorded BEFORE the feed call so that a crash cannot lead to a
 * second post: `message` is the exact text sent, looked for in the feed afterwards.
 */
export interface PublishAttempt {
  id: string;
  message: string;
  startedAt: Date;
  /** The status to go back to when the attempt surely did not reach Meta. */
  fromStatus: 'approved' | 'scheduled';
}

/** The last Graph failure met while publishing or deleting (codes only). */
export interface TestimonialError {
  at: Date;
  operation: 'publish' | 'delete';
  status?: number;
  graphCode?: number;
  subcode?: number;
}

/** A testimonial as stored. */
export interface Testimonial {
  _id?: ObjectId;
  /** The author; removed by the retention job from published testimonials of people gone. */
  psid?: string;
  text: string;
  /** The resident's own words, kept when an admin corrected `text`. */
  originalText?: string;
  signature: TestimonialSignature;
  consent: TestimonialConsent;
  status: TestimonialStatus;
  publishAt?: Date;
  postId?: string;
  /** Publication attempts made (each feed call series counts once). */
  attempts: number;
  attempt?: PublishAttempt;
  lastError?: TestimonialError;
  reviewedBy?: string;
  reviewedAt?: Date;
  publishedAt?: Date;
  withdrawnAt?: Date;
  postDeletedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

/** A testimonial as stored, with its id. */
export type StoredTestimonial = Testimonial & { _id: ObjectId };
