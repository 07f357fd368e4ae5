/**
 * The `publish-testimonials` job: approved or due testimonials become posts on the Page,
 * never twice, even when the process dies between Meta's answer and the save.
 *
 * @remarks
 * Each publication records an attempt (id and exact message text) before calling
 * `POST /{page-id}/feed`. A testimonial found in `publishing` at the start of a later run
 * is reconciled against the Page's recent posts: a post with the exact same text means the
 * call went through (its id is stored); none means it did not (the testimonial is queued
 * again). Attempts younger than `staleAfterMs` are left alone: another run may still be
 * waiting for Meta.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import { GraphError, withRetry, type FeedPost, type RetryOptions } from '../graph';
import type { Logger } from '../logger';
import type { NotifyAdmins } from '../messaging/notifier';
import { describeCode, safeToRepost, toTestimonialError, verdictOf } from './graphFailure';
import { PublicationStore } from './publicationStore';
import { postMessage, type PostComposer, type TestimonialNotice } from './notices';
import type { StoredTestimonial } from './types';
import { deletePublishedPost, FEED_RETRY, type PageFeed } from './withdrawal';

/** Default wait before an attempt left in `publishing` is reconciled: 10 minutes. */
export const DEFAULT_STALE_AFTER_MS = 10 * 60 * 1000;

/** What the publisher needs. */
export interface PublisherDeps {
  db: Db;
  feed: PageFeed;
  pageId: string;
  notifyAdmins: NotifyAdmins<TestimonialNotice>;
  /** The texts of the Page (the post of a testimonial). */
  composer: PostComposer;
  logger: Logger;
  /** Testimonials published per run; 1 by default. */
  perRun?: number;
  /** Retries of each feed call; defaults to {@link FEED_RETRY}. */
  retry?: RetryOptions;
  /** See the module remarks; defaults to {@link DEFAULT_STALE_AFTER_MS}. */
  staleAfterMs?: number;
  /** Attempt ids; random UUIDs by default. */
  newAttemptId?: () => string;
}

/** Counts of one run. */
export interface PublishSummary extends Record<string, number> {
  published: number;
  reconciled: number;
  requeued: number;
  deferred: number;
  refused: number;
  unknown: number;
  postsDeleted: number;
  deleteFailed: number;
}

/** Runs the job once at `now`. Failures other than Graph's reject (the attempt stays recorded). */
export async function publishTestimonials(deps: PublisherDeps, now: Date): Promise<PublishSummary> {
  const store = new PublicationStore(deps.db);
  const summary: PublishSummary = {
    published: 0,
    reconciled: 0,
    requeued: 0,
    deferred: 0,
    refused: 0,
    unknown: 0,
    postsDeleted: 0,
    deleteFailed: 0,
  };
  const staleBefore = new Date(now.getTime() - (deps.staleAfterMs ?? DEFAULT_STALE_AFTER_MS));
  let posts: FeedPost[] | undefined;
  const findPost = async (message: string): Promise<FeedPost | undefined> => {
    posts ??= await withRetry(() => deps.feed.recentPosts(deps.pageId), deps.retry ?? FEED_RETRY);
    return posts.find((post) => post.message === message);
  };

  for (const item of await store.inFlight(staleBefore)) {
    const attempt = item.attempt;
    if (!attempt) continue;
    const post = await findPost(attempt.message);
    if (post) {
      await store.published(item._id, attempt.id, post.id, now);
      summary.reconciled += 1;
    } else {
      await store.requeue(item, undefined, now);
      summary.requeued += 1;
    }
  }
  for (const item of await store.withdrawnInFlight(staleBefore)) {
    const post = item.attempt ? await findPost(item.attempt.message) : undefined;
    if (post) await store.foundForWithdrawn(item._id, post.id, now);
    else await store.forgetAttempt(item._id, now);
  }
  for (const item of await store.awaitingDeletion()) {
    if (await deletePublishedPost(deps, item, now)) summary.postsDeleted += 1;
    else summary.deleteFailed += 1;
  }
  for (const item of await store.due(now, deps.perRun ?? 1)) {
    const outcome = await publishOne(deps, store, item, now);
    summary[outcome] += 1;
  }
  return summary;
}

async function publishOne(
  deps: PublisherDeps,
  store: PublicationStore,
  item: StoredTestimonial,
  now: Date,
): Promise<'published' | 'deferred' | 'refused' | 'unknown' | 'postsDeleted' | 'deleteFailed'> {
  const fromStatus = item.status === 'scheduled' ? 'scheduled' : 'approved';
  const attempt = {
    id: (deps.newAttemptId ?? randomUUID)(),
    message: postMessage(deps.composer, item.text, item.signature),
    startedAt: now,
    fromStatus,
  } as const;
  const started = await store.begin(item._id, attempt, now);
  if (!started) return 'deferred';
  const id = item._id.toHexString();
  let postId: string;
  try {
    postId = await withRetry(() => deps.feed.publish(deps.pageId, attempt.message), {
      ...(deps.retry ?? FEED_RETRY),
      shouldRetry: safeToRepost,
    });
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    const recorded = toTestimonialError(error, 'publish', now);
    const verdict = verdictOf(error);
    deps.logger.warn('testimonial publication failed', { testimonial: id, verdict, code: error.graphCode });
    if (verdict === 'unknown') {
      await store.recordError(item._id, recorded);
      return 'unknown';
    }
    if (verdict === 'try_later') {
      await store.requeue(started, recorded, now);
      return 'deferred';
    }
    await store.refused(item._id, attempt.id, recorded, now);
    await deps.notifyAdmins({ type: 'testimonials.publicationFailed', id, code: describeCode(error) });
    return 'refused';
  }
  const outcome = await store.published(item._id, attempt.id, postId, now);
  deps.logger.info('testimonial published', { testimonial: id, outcome });
  if (outcome !== 'withdrawn_meanwhile') return 'published';
  const withdrawn = { ...started, status: 'withdrawn' as const, postId };
  return (await deletePublishedPost(deps, withdrawn, now)) ? 'postsDeleted' : 'deleteFailed';
}
