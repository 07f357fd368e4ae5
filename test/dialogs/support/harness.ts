/**
 * A conversation with the real MainDialog, the real domain services on the test database,
 * the entries and matching use cases, the real NLU, the real Geocoder against the fake BAN server, a recording notifier, and
 * the real moderation services over a recording thread control.
 */
import type { Activity, ConversationState } from 'botbuilder';
import { MainDialog, type ConversationServices } from '../../../dialogs/mainDialog';
import { converseWith, toActivity, type Input } from './conversation';

export { toActivity, type Input } from './conversation';
import { manualClock, type ManualClock } from '../../../services/clock';
import type { AttentionFlags } from '../../../services/conversations/attention';
import type { Entries } from '../../../services/entries/entries';
import type { EntryRepository } from '../../../services/entries/entryRepository';
import { silentLogger } from '../../../services/logger';
import type { MatchRepository } from '../../../services/matching/matchRepository';
import type { Matching } from '../../../services/matching/matching';
import type { Moderation } from '../../../services/moderation';
import { Nlu } from '../../../services/nlu';
import { Geocoder } from '../../../services/places/geocoder';
import type { ResidentRepository } from '../../../services/residents/residentRepository';
import { openTestDatabase, type TestDatabase } from '../../support/db';
import { startFakeGeocoder, type FakeGeocoder } from '../../support/fake-geocoder';
import { RecordingThreadControl } from '../moderation/support/recordingThreadControl';
import { parseConfig } from '../../../bot/config';
import { Container } from '../../../bot/container';
import { Testimonials } from '../../../services/testimonials/testimonials';
import type { RetryOptions } from '../../../services/graph';
import type { PageFeed } from '../../../services/testimonials/withdrawal';
import { RecordingNotifier } from './recordingNotifier';
import { frenchPosts } from '../../../dialogs/testimonials/signature';
import type { NotifyAdmins } from '../../../services/messaging/notifier';

/** A running conversation harness. */
export interface Harness {
  deps: ConversationServices;
  database: TestDatabase;
  notifier: RecordingNotifier;
  geocoder: FakeGeocoder;
  clock: ManualClock;
  attention: AttentionFlags;
  moderation: Moderation;
  /** What the handover service asked Meta (passes to the page inbox, take-backs). */
  threadControl: RecordingThreadControl;
  /** The entries and matching use cases behind `deps` (with their jobs' use cases). */
  entries: Entries;
  matching: Matching;
  /** The real repositories behind `deps`, for seeding and checking. */
  repositories: { residents: ResidentRepository; entries: EntryRepository; matches: MatchRepository };
  conversationState: ConversationState;
  /** The dialog state stored for `psid`'s conversation, if any. */
  dialogStateOf(psid: string): Promise<unknown>;
  /** Sends `input` as `psid` and returns the bot's replies. */
  say(psid: string, input: Input): Promise<Partial<Activity>[]>;
  dispose(): Promise<void>;
}

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  /** The Page feed testimonials are deleted from (none by default). */
  feed?: PageFeed;
  /** Receives the admins' notices (dropped by default). */
  notifyAdmins?: NotifyAdmins;
  /** Retries of feed calls. */
  feedRetry?: RetryOptions;
}

/** The model, loaded once for every suite of the run. */
let model: Nlu | undefined;

/** The understanding model shared by the suites (it is read-only). */
export function sharedNlu(): Nlu {
  model ??= Nlu.load();
  return model;
}

/**
 * Gives each test of the enclosing suite a fresh harness on the shared model, disposed after
 * the test: `onStart` receives it (to keep in the suite's variable and prepare it).
 */
export function useHarness(
  onStart: (harness: Harness) => void | Promise<void>,
  options: () => HarnessOptions = () => ({}),
): void {
  let current: Harness | undefined;
  beforeEach(async function () {
    current = await startHarness(sharedNlu(), options());
    await onStart(current);
  });
  afterEach(async function () {
    await current?.dispose();
    current = undefined;
  });
}

/** Starts a harness on a fresh database. */
export async function startHarness(nlu: Nlu, options: HarnessOptions = {}): Promise<Harness> {
  const database = await openTestDatabase('dialogs');
  const { db } = database;
  // In the future (2048 has 2020's weekdays): the stores carry TTL indexes (conversations,
  // inbox, outbox, mail), and the engine deletes documents whose expiry is past in real time.
  const clock = manualClock(new Date('2048-04-06T09:00:00Z'));
  const geocoder = await startFakeGeocoder();
  const notifier = new RecordingNotifier();
  const threadControl = new RecordingThreadControl();
  // The application's parts, with a recording transport and thread control, no Messenger.
  const container = new Container({
    config: parseConfig({ MONGODB_URI: database.uri, MONGODB_DB: database.name }),
    db,
    logger: silentLogger,
    clock: clock.now,
    overrides: {
      nlu: () => nlu,
      graph: () => undefined,
      feed: () => options.feed,
      transport: () => notifier,
      threadControl: () => threadControl,
      geocoder: () => new Geocoder({ baseUrl: geocoder.url, timeoutMs: 500, logger: silentLogger }),
      notifyAdmins: () => options.notifyAdmins ?? (() => Promise.resolve()),
      testimonials: (c) =>
        new Testimonials({
          db,
          clock: clock.now,
          logger: silentLogger,
          moderators: c.get('moderation').moderators,
          feed: options.feed,
          notifyAdmins: c.get('notifyAdmins'),
          composer: frenchPosts,
          retry: options.feedRetry,
        }),
    },
  });
  await container.ensureIndexes();
  const deps = container.get('conversation');
  const dialog = new MainDialog(deps);
  const repositories = {
    residents: container.get('residents'),
    entries: container.get('entryRepository'),
    matches: container.get('matchRepository'),
  };
  const { storage, conversationState, say } = converseWith(dialog);

  return {
    deps,
    database,
    notifier,
    geocoder,
    clock,
    attention: container.get('attention'),
    moderation: container.get('moderation'),
    threadControl,
    entries: container.get('entries'),
    matching: container.get('matching'),
    repositories,
    conversationState,
    async dialogStateOf(psid) {
      const key = `test/conversations/${toActivity(psid, 'x').conversation!.id}/`;
      const stored: unknown = (await storage.read([key]))[key];
      return typeof stored === 'object' && stored !== null
        ? (stored as Record<string, unknown>).dialogState
        : undefined;
    },
    say,
    async dispose() {
      await geocoder.close();
      await database.dispose();
    },
  };
}
