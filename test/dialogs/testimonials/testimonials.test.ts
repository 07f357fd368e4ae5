/**
 * Testimonials over the real dialogs and services: a resident's story stored with its
 * signature and consent, a refused consent, an anonymous signature, the withdrawal (the
 * post deleted on the fake Graph API, admins told), the export and the deletion of
 * "Mes données".
 *
 * @remarks
 * The story, its signature and consent, the export and a withdrawal kept run over in-memory
 * fakes of the ports. The withdrawals and the deletion stay on the database harness, end
 * to end: they check what the testimonials module stores (status, consent, the post's
 * deletion date, what is kept for the job) and its calls to the fake Graph API.
 */
import { strict as assert } from 'node:assert';
import { createGraphClients } from '../../../services/graph';
import { silentLogger } from '../../../services/logger';
import { publishTestimonials } from '../../../services/testimonials/publisher';
import type { Testimonial } from '../../../services/testimonials/types';
import { noWait } from '../../jobs/support';
import { startFakeGraph, type FakeGraph } from '../../support/fake-graph';
import { startFakeConversation, type FakeConversation } from '../support/fakes';
import { sharedNlu, useHarness, type Harness } from '../support/harness';
import { runTable } from '../support/table';
import * as tables from './testData';
import { noticeText } from '../../../dialogs/notices';
import { frenchPosts } from '../../../dialogs/testimonials/signature';
import type { Notice } from '../../../services/messaging/notifier';

const RESIDENT = '4000000000000001';
const PAGE_ID = '5550001';

describe('dialogs: testimonials, on the database', function () {
  let graph: FakeGraph;
  let harness: Harness;
  let adminNotices: string[];

  before(async function () {
    graph = await startFakeGraph();
  });
  after(async function () {
    await graph.close();
  });
  beforeEach(function () {
    graph.reset();
    adminNotices = [];
  });
  useHarness(
    (started) => {
      harness = started;
    },
    () => ({ feed: feed(), feedRetry: noWait, notifyAdmins: notice }),
  );

  const feed = () =>
    createGraphClients({
      graphApiUrl: graph.url,
      graphApiVersion: 'v25.0',
      accessToken: 'page-token',
      appSecret: 'app-secret',
      logger: silentLogger,
    }).feed;
  const notice = (sent: Notice): Promise<void> => {
    adminNotices.push(noticeText(sent));
    return Promise.resolve();
  };
  const testimonials = () => harness.database.db.collection<Testimonial>('testimonials');

  /** A testimonial of the resident, approved and published on the fake Page. */
  async function published(): Promise<string> {
    const created = await harness.deps.testimonials.create({
      psid: RESIDENT,
      text: 'Merci à Nadia pour les courses !',
      signature: { kind: 'anonymous' },
      consentVersion: 'testimonial-v1',
    });
    await harness.deps.testimonials.approve(created._id.toHexString(), '3000000000000001');
    const summary = await publishTestimonials(
      {
        db: harness.database.db,
        feed: feed(),
        pageId: PAGE_ID,
        notifyAdmins: notice,
        composer: frenchPosts,
        logger: silentLogger,
        retry: noWait,
      },
      harness.clock.now(),
    );
    assert.equal(summary.published, 1);
    return created._id.toHexString();
  }

  it('withdraws a published testimonial on request: the post is deleted and the admins told', async function () {
    const id = await published();
    const post = await testimonials().findOne({ psid: RESIDENT });
    assert.ok(post?.postId);
    await runTable(harness, RESIDENT, tables.withdrawTyped);
    const deletions = graph.calls.filter((call) => call.method === 'DELETE');
    assert.deepEqual(
      deletions.map((call) => call.path),
      [`/${post.postId}`],
    );
    const after = await testimonials().findOne({ psid: RESIDENT });
    assert.equal(after?.status, 'withdrawn');
    assert.equal(after?.consent.given, false);
    assert.ok(after?.postDeletedAt);
    assert.ok(adminNotices.some((text) => text.includes(id)));
  });

  it('"supprimer mes données" withdraws and deletes the testimonials, post included', async function () {
    await published();
    await runTable(harness, RESIDENT, [
      { send: { payload: 'MENU_PRIVACY' }, says: ['privacy.intro'] },
      { send: { payload: 'PRIVACY_DELETE' }, says: ['privacy.deleteConfirm'], contains: ['témoignages'] },
      { send: { payload: 'YES' }, says: ['privacy.deleted'] },
    ]);
    assert.equal(await testimonials().countDocuments({}), 0);
    assert.equal(graph.calls.filter((call) => call.method === 'DELETE').length, 1);
  });

  it('keeps a post whose deletion failed, without the psid, for the job to delete later', async function () {
    await published();
    graph.failNext(3, { status: 500, code: 2 });
    await runTable(harness, RESIDENT, [
      { send: { payload: 'MENU_PRIVACY' }, says: ['privacy.intro'] },
      { send: { payload: 'PRIVACY_DELETE' }, says: ['privacy.deleteConfirm'] },
      { send: { payload: 'YES' }, says: ['privacy.deleted'] },
    ]);
    const left = await testimonials().find({}).toArray();
    assert.equal(left.length, 1);
    assert.equal(left[0]?.psid, undefined);
    assert.equal(left[0]?.status, 'withdrawn');
    assert.ok(left[0]?.postId && !left[0].postDeletedAt);
  });
});

describe('dialogs: testimonials, over fakes', function () {
  let harness: FakeConversation;
  beforeEach(function () {
    harness = startFakeConversation(sharedNlu());
  });

  const testimonials = () => harness.testimonials.stored.filter((stored) => stored.psid === RESIDENT);

  /** A testimonial of the resident, approved and published on the Page. */
  async function published(): Promise<string> {
    const created = await harness.testimonials.create({
      psid: RESIDENT,
      text: 'Merci à Nadia pour les courses !',
      signature: { kind: 'anonymous' },
      consentVersion: 'testimonial-v1',
    });
    await harness.testimonials.approve(created._id.toHexString(), '3000000000000001');
    Object.assign(created, { status: 'published', postId: `${PAGE_ID}_1`, publishedAt: harness.clock.now() });
    return created._id.toHexString();
  }

  it('stores the story without contacts, with its signature and the consent dated, pending', async function () {
    await runTable(harness, RESIDENT, tables.happyPath);
    const stored = testimonials();
    assert.equal(stored.length, 1);
    const [testimonial] = stored;
    assert.equal(testimonial?.status, 'pending');
    assert.match(testimonial?.text ?? '', /^Ma voisine Nadia a fait mes courses/);
    assert.doesNotMatch(testimonial?.text ?? '', /06 12|34 56/);
    assert.equal(testimonial?.signature.kind, 'first_name_neighbourhood');
    assert.match(testimonial?.signature.text ?? '', /^Camille, La Maille 2$/);
    assert.deepEqual(testimonial?.consent, {
      given: true,
      at: harness.clock.now(),
      version: 'testimonial-v1',
    });
  });

  it('stores nothing when the consent is refused', async function () {
    await runTable(harness, RESIDENT, tables.refusedConsent);
    assert.equal(harness.testimonials.created.length, 0);
  });

  it('signs anonymously without asking a name, from a thank-you typed in free text', async function () {
    await runTable(harness, RESIDENT, tables.anonymous);
    const [stored] = testimonials();
    assert.deepEqual(stored?.signature, { kind: 'anonymous', text: 'Un voisin de Miramas' });
  });

  it('offers the withdrawal in "Mes données" and keeps the testimonial when the resident says no', async function () {
    await published();
    await runTable(harness, RESIDENT, tables.withdrawFromPrivacyKept);
    assert.equal(testimonials()[0]?.status, 'published');
    assert.deepEqual(harness.testimonials.withdrawals, []);
  });

  it('lists the testimonials in the export', async function () {
    await published();
    await runTable(harness, RESIDENT, [
      { send: { payload: 'MENU_PRIVACY' }, says: ['privacy.intro'] },
      {
        send: { payload: 'PRIVACY_EXPORT' },
        says: ['testimonialWithdraw.exportHeader', 'testimonialWithdraw.status.published'],
        contains: ['Merci à Nadia pour les courses !', 'Un voisin de Miramas'],
      },
    ]);
  });
});
