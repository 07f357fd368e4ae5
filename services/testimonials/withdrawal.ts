/**
 * A resident takes back their consent: the testimonial is withdrawn and, if it was
 * published, its post is deleted from the Page and the admins are told.
 */
import type { Db } from 'mongodb';
import { GraphError, withRetry, type FeedApi, type RetryOptions } from '../graph';
import type { Logger } from '../logger';
import type { NotifyAdmins } from '../messaging/notifier';
import type { TestimonialNotice } from './notices';
import { describeCode, toTestimonialError } from './graphFailure';
import { PublicationStore } from './publicationStore';
import { TestimonialRepository, type WithdrawalTarget } from './testimonialRepository';
import type { StoredTestimonial } from './types';

/** The feed calls testimonials need. */
export type PageFeed = Pick<FeedApi, 'publish' | 'deletePost' | 'recentPosts'>;

/** Retries of feed calls made by jobs: 3 attempts, waits up to 1 s then 2 s. */
export const FEED_RETRY: RetryOptions = Object.freeze({ attempts: 3, baseDelayMs: 1000, maxDelayMs: 4000 });

/** What deleting posts needs. */
export interface PostDeletionDeps {
  db: Db;
  feed: PageFeed;
  notifyAdmins: NotifyAdmins<TestimonialNotice>;
  logger: Logger;
  /** Defaults to {@link FEED_RETRY}. */
  retry?: RetryOptions;
}

/** What {@link withdrawTestimonialConsent} did. */
export interface WithdrawalReport {
  withdrawn: number;
  postsDeleted: number;
  deleteFailed: number;
}

/**
 * Withdraws the consent for one testimonial or all of a resident's, deleting the posts
 * already published.
 *
 * @remarks
 * A deletion that fails is recorded on the testimonial, the admins are told, and the
 * `publish-testimonials` job tries again at each run. Other failures reject.
 */
export async function withdrawTestimonialConsent(
  deps: PostDeletionDeps,
  target: WithdrawalTarget,
  now: Date,
): Promise<WithdrawalReport> {
  const withdrawn = await new TestimonialRepository(deps.db, () => now).withdrawConsent(target);
  const report: WithdrawalReport = { withdrawn: withdrawn.length, postsDeleted: 0, deleteFailed: 0 };
  for (const testimonial of withdrawn) {
    if (testimonial.postId === undefined) continue;
    if (await deletePublishedPost(deps, testimonial, now)) report.postsDeleted += 1;
    else report.deleteFailed += 1;
  }
  return report;
}

/**
 * Deletes the post of a withdrawn testimonial and tells the admins; false (recorded, admins
 * told) when Meta refused or could not be reached.
 */
export async function deletePublishedPost(
  deps: PostDeletionDeps,
  testimonial: StoredTestimonial,
  now: Date,
): Promise<boolean> {
  const { postId } = testimonial;
  if (postId === undefined) return false;
  const store = new PublicationStore(deps.db);
  const id = testimonial._id.toHexString();
  try {
    await withRetry(() => deps.feed.deletePost(postId), deps.retry ?? FEED_RETRY);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    await store.recordError(testimonial._id, toTestimonialError(error, 'delete', now));
    deps.logger.warn('testimonial post deletion failed', { testimonial: id, code: error.graphCode });
    await deps.notifyAdmins({ type: 'testimonials.postDeleteFailed', id, code: describeCode(error) });
    return false;
  }
  await store.postDeleted(testimonial._id, now);
  deps.logger.info('testimonial post deleted', { testimonial: id });
  await deps.notifyAdmins({ type: 'testimonials.postDeleted', id });
  return true;
}
