import assert from 'node:assert/strict';
import type { ObjectId } from 'mongodb';
import { GraphError } from '../../services/graph';
import { publishTestimonials, type PublisherDeps } from '../../services/testimonials/publisher';
import { TestimonialRepository } from '../../services/testimonials/testimonialRepository';
import { withdrawTestimonialConsent } from '../../services/testimonials/withdrawal';
import { noWait, openJobsHarness, PAGE_ID, type JobsHarness } from '../jobs/support';
import { frenchPosts } from '../../dialogs/testimonials/signature';

const T0 = new Date('2026-05-04T16:00:00Z');
const HOUR = 3_600_000;
const MESSAGE = '« Merci à Nadia pour les courses ! »\n— Camille, La Maille 2';

describe('publish-testimonials', () => {
  let h: JobsHarness;
  let repository: TestimonialRepository;
  let deps: PublisherDeps;

  const approved = async (psid = 'author', text = 'Merci à Nadia pour les courses !'): Promise<ObjectId> => {
    const created = await repository.create({
      psid,
      text,
      signature: { kind: 'first_name_neighbourhood', firstName: 'Camille', neighbourhood: 'La Maille 2' },
      consentVersion: 'testimonial-v1',
    });
    await repository.approve(created._id, 'admin');
    return created._id;
  };

  before(async () => {
    h = await openJobsHarness('publisher', T0);
    repository = new TestimonialRepository(h.database.db, h.clock.now, frenchPosts);
  });
  after(async () => h.dispose());
  beforeEach(async () => {
    h.clock.set(T0);
    h.resetGraph();
    h.posts.length = 0;
    h.adminNotices.length = 0;
    await h.database.db.collection('testimonials').deleteMany({});
    deps = {
      db: h.database.db,
      feed: h.clients.feed,
      pageId: PAGE_ID,
      notifyAdmins: h.deps.notifyAdmins,
      composer: frenchPosts,
      logger: h.deps.logger,
      retry: noWait,
    };
  });

  it('publishes one testimonial per run, scheduled ones when due, and stores the post id', async () => {
    const first = await approved('a');
    h.clock.advance(1000);
    await approved('b', 'Deuxième');
    const later = await approved('c', 'Programmé');
    await repository.schedule(later, new Date(T0.getTime() + 2 * HOUR));

    const summary = await publishTestimonials(deps, h.clock.now());
    assert.equal(summary.published, 1);
    const stored = await repository.get(first);
    assert.equal(stored?.status, 'published');
    assert.equal(stored?.postId, h.posts[0]?.id);
    assert.deepEqual(
      h.feedCalls('POST').map((call) => (call.body as { message: string }).message),
      [MESSAGE],
    );

    await publishTestimonials({ ...deps, perRun: 5 }, new Date(T0.getTime() + HOUR));
    assert.equal((await repository.get(later))?.status, 'scheduled', 'not due yet');
    await publishTestimonials(deps, new Date(T0.getTime() + 3 * HOUR));
    assert.equal((await repository.get(later))?.status, 'published', 'due scheduled ones come first');
    assert.equal(h.feedCalls('POST').length, 3);
  });

  it('does not publish twice after a crash between the feed call and the save: the next run finds the post', async () => {
    const id = await approved();
    const crashing = {
      ...deps.feed,
      recentPosts: (pageId: string) => h.clients.feed.recentPosts(pageId),
      deletePost: (postId: string) => h.clients.feed.deletePost(postId),
      publish: async (pageId: string, message: string) => {
        await h.clients.feed.publish(pageId, message);
        throw new Error('process killed after Meta answered');
      },
    };
    await assert.rejects(publishTestimonials({ ...deps, feed: crashing }, T0), /process killed/);
    const interrupted = await repository.get(id);
    assert.equal(interrupted?.status, 'publishing');
    assert.equal(interrupted?.attempt?.message, MESSAGE);

    const tooSoon = await publishTestimonials(deps, new Date(T0.getTime() + 60_000));
    assert.equal(tooSoon.reconciled, 0, 'a young attempt may still be waiting for Meta');

    const summary = await publishTestimonials(deps, new Date(T0.getTime() + 24 * HOUR));
    assert.equal(summary.reconciled, 1);
    assert.equal(summary.published, 0);
    const stored = await repository.get(id);
    assert.equal(stored?.status, 'published');
    assert.equal(stored?.postId, h.posts[0]?.id);
    assert.equal(h.feedCalls('POST').length, 1, 'exactly one post was ever made');
    assert.equal(h.posts.length, 1);
  });

  it('publishes again an interrupted attempt that never reached the Page', async () => {
    const id = await approved();
    const refusing = {
      ...h.clients.feed,
      recentPosts: h.clients.feed.recentPosts.bind(h.clients.feed),
      deletePost: h.clients.feed.deletePost.bind(h.clients.feed),
      publish: () => Promise.reject(new Error('killed before the call')),
    };
    await assert.rejects(publishTestimonials({ ...deps, feed: refusing }, T0));
    const summary = await publishTestimonials(deps, new Date(T0.getTime() + 24 * HOUR));
    assert.equal(summary.requeued, 1);
    assert.equal(summary.published, 1);
    assert.equal((await repository.get(id))?.status, 'published');
    assert.equal(h.feedCalls('POST').length, 1);
    assert.equal((await repository.get(id))?.attempts, 2);
  });

  it('retries a transient 500 and publishes once', async () => {
    const id = await approved();
    h.graph.failNext(2, { status: 500, code: 2 });
    const summary = await publishTestimonials(deps, T0);
    assert.equal(summary.published, 1);
    assert.deepEqual(
      h.feedCalls('POST').map((call) => call.status),
      [500, 500, 200],
    );
    assert.equal(h.posts.length, 1);
    assert.equal((await repository.get(id))?.postId, h.posts[0]?.id);
  });

  it('after transient failures that do not stop, tries again at the next run without telling the admins', async () => {
    const id = await approved();
    h.graph.failNext(3, { status: 503, code: 2 });
    const summary = await publishTestimonials(deps, T0);
    assert.equal(summary.deferred, 1);
    const stored = await repository.get(id);
    assert.equal(stored?.status, 'approved');
    assert.equal(stored?.lastError?.status, 503);
    assert.deepEqual(h.adminNotices, []);
    assert.equal((await publishTestimonials(deps, new Date(T0.getTime() + 24 * HOUR))).published, 1);
  });

  it('records a permanent refusal on the testimonial and reports it to the admins', async () => {
    const id = await approved();
    h.graph.failNext(1, { status: 403, code: 200, message: 'Permissions error' });
    const summary = await publishTestimonials(deps, T0);
    assert.equal(summary.refused, 1);
    assert.equal(h.feedCalls('POST').length, 1, 'a permanent error is not retried');
    const stored = await repository.get(id);
    assert.equal(stored?.status, 'pending');
    assert.equal(stored?.lastError?.graphCode, 200);
    assert.equal(h.adminNotices.length, 1);
    assert.match(h.adminNotices[0], new RegExp(`${id.toHexString()}.*erreur Meta 200`));
  });

  it('deletes the post when the consent is withdrawn after publication, and tells the admins', async () => {
    const id = await approved('author');
    await publishTestimonials(deps, T0);
    const postId = (await repository.get(id))?.postId;
    assert.ok(postId);
    const report = await withdrawTestimonialConsent(deps, { psid: 'author' }, new Date(T0.getTime() + HOUR));
    assert.deepEqual(report, { withdrawn: 1, postsDeleted: 1, deleteFailed: 0 });
    assert.deepEqual(
      h.feedCalls('DELETE').map((call) => call.path),
      [`/${postId}`],
    );
    assert.equal(h.posts.length, 0);
    const stored = await repository.get(id);
    assert.equal(stored?.status, 'withdrawn');
    assert.ok(stored?.postDeletedAt);
    assert.match(h.adminNotices.at(-1)!, /retiré son accord.*supprimé/);
  });

  it('retries a failed deletion at the next run of the job', async () => {
    const id = await approved('author');
    await publishTestimonials(deps, T0);
    h.graph.failNext(3, { status: 500, code: 1 });
    const report = await withdrawTestimonialConsent(deps, { id }, T0);
    assert.equal(report.deleteFailed, 1);
    assert.match(h.adminNotices.at(-1)!, /a échoué/);
    assert.equal(h.posts.length, 1);
    const summary = await publishTestimonials(deps, new Date(T0.getTime() + 24 * HOUR));
    assert.equal(summary.postsDeleted, 1);
    assert.equal(h.posts.length, 0);
  });

  it('lists recent posts through GET /{page-id}/feed?fields=id,message', async () => {
    h.posts.push({ id: `${PAGE_ID}_1`, message: 'Bonjour' });
    h.graph.respond(`/${PAGE_ID}/feed`, () => ({
      body: { data: [{ id: `${PAGE_ID}_2` }, { id: `${PAGE_ID}_1`, message: 'Bonjour' }, { nope: 1 }] },
    }));
    const posts = await h.clients.feed.recentPosts(PAGE_ID);
    assert.deepEqual(posts, [
      { id: `${PAGE_ID}_2`, message: undefined },
      { id: `${PAGE_ID}_1`, message: 'Bonjour' },
    ]);
    const call = h.feedCalls('GET')[0];
    assert.equal(call?.query.fields, 'id,message');
    h.graph.failNext(1, { status: 400, code: 100 });
    await assert.rejects(h.clients.feed.recentPosts(PAGE_ID), GraphError);
  });
});
