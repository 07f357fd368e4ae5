/**
 * Harness of the jobs and testimonials tests: a fresh database, the fake Graph API over
 * real HTTP (with a Page feed that keeps its posts), the app's notifier over a
 * MessengerAdapter, a manual clock and a recorder of the admins' notices.
 */
import type { ManualClock } from '../../services/clock';
import type { GraphClients, RetryOptions } from '../../services/graph';
import type { JobDeps } from '../../services/jobs';
import { silentLogger } from '../../services/logger';
import type { ConversationDirectory } from '../../services/messaging/conversationDirectory';
import { openTestDatabase, type TestDatabase } from '../support/db';
import { modulesOf, testContainer, type Modules } from '../support/modules';
import type { FakeGraph, RecordedCall } from '../support/fake-graph';
import { startMessengerFakes } from '../support/messengerFakes';
import { noticeText } from '../../dialogs/notices';
import { frenchPosts } from '../../dialogs/testimonials/signature';

/** The Page of the tests. */
export const PAGE_ID = '5550001';
/** Retries that do not wait. */
export const noWait: RetryOptions = {
  attempts: 3,
  baseDelayMs: 1,
  maxDelayMs: 1,
  sleep: () => Promise.resolve(),
};

/** A post the fake feed holds. */
export interface FakePost {
  id: string;
  message: string;
}

/** What {@link openJobsHarness} gives. */
export interface JobsHarness {
  database: TestDatabase;
  graph: FakeGraph;
  clients: GraphClients;
  clock: ManualClock;
  directory: ConversationDirectory;
  /** Posts currently on the fake Page (newest first); DELETE removes them. */
  posts: FakePost[];
  /** Texts sent to the admins, in order. */
  adminNotices: string[];
  deps: JobDeps;
  /** The entries and matching use cases, their notices sent through the app's notifier. */
  modules: Modules;
  /** Records that `psid` wrote to the Page at `at` (opens their 24-hour window). */
  wrote(psid: string, at?: Date): Promise<void>;
  /** Send API messages to `psid`. */
  messagesTo(psid: string): RecordedCall[];
  /** Calls of `method` on the Page feed. */
  feedCalls(method: string): RecordedCall[];
  /** Resets the fake's calls and reinstalls the feed (after `graph.reset()`). */
  resetGraph(): void;
  dispose(): Promise<void>;
}

/** Opens the harness at `start`. */
export async function openJobsHarness(prefix: string, start: Date): Promise<JobsHarness> {
  const database = await openTestDatabase(prefix);
  const { graph, clients, clock, directory, notifier, wrote, messagesTo } = await startMessengerFakes({
    db: database.db,
    start,
    pageId: PAGE_ID,
    retry: noWait,
  });
  const posts: FakePost[] = [];
  const adminNotices: string[] = [];
  let sequence = 0;
  const installFeed = (): void => {
    graph.respond(`/${PAGE_ID}/feed`, (call) => {
      if (call.method === 'GET') return { body: { data: posts.map((post) => ({ ...post })) } };
      sequence += 1;
      const post = {
        id: `${PAGE_ID}_${9000 + sequence}`,
        message: String((call.body as { message?: unknown }).message),
      };
      posts.unshift(post);
      return { body: { id: post.id } };
    });
    graph.respond(new RegExp(`^/${PAGE_ID}_\\d+$`), (call) => {
      const index = posts.findIndex((post) => call.path === `/${post.id}`);
      if (call.method !== 'DELETE' || index < 0)
        return { status: 404, body: { error: { message: 'no post', code: 100 } } };
      posts.splice(index, 1);
      return { body: { success: true } };
    });
  };
  installFeed();
  const container = testContainer({
    db: database.db,
    clock: clock.now,
    logger: silentLogger,
    transport: notifier,
    overrides: { directory: () => directory },
  });
  await container.ensureIndexes();
  const modules = modulesOf(container);
  return {
    database,
    graph,
    clients,
    clock,
    directory,
    posts,
    adminNotices,
    deps: {
      db: database.db,
      logger: silentLogger,
      notifyAdmins: (notice) => {
        adminNotices.push(noticeText(notice));
        return Promise.resolve();
      },
      feed: clients.feed,
      pageId: PAGE_ID,
      entries: modules.entries,
      matching: modules.matching,
      composer: frenchPosts,
    },
    modules,
    wrote,
    messagesTo,
    feedCalls: (method) =>
      graph.calls.filter(
        (call) =>
          call.method === method &&
          (call.path === `/${PAGE_ID}/feed` || call.path.startsWith(`/${PAGE_ID}_`)),
      ),
    resetGraph: () => {
      graph.reset();
      installFeed();
    },
    async dispose() {
      await graph.close();
      await database.dispose();
    },
  };
}

/** Quick-reply payloads of a Send API call. */
export function payloadsOf(call: RecordedCall): string[] {
  const message = (call.body as { message?: { quick_replies?: { payload?: string }[] } }).message;
  return (message?.quick_replies ?? []).map((reply) => reply.payload ?? '');
}
