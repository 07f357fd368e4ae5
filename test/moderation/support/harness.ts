/**
 * A moderation test world: a fresh database, a fake Graph API over real HTTP, the real
 * Messenger adapter and notifier, a manual clock, and helpers to build Messenger events.
 */
import { toActivity } from '../../../bot/messenger/activities';
import { extractEvents } from '../../../bot/messenger/events';
import { threadEventFromActivity } from '../../../bot/messenger/threadEvents';
import type { ManualClock } from '../../../services/clock';
import { PAGE_INBOX_APP_ID } from '../../../services/graph';
import type { EntryRepository } from '../../../services/entries/entryRepository';
import { silentLogger } from '../../../services/logger';
import type { ConversationDirectory } from '../../../services/messaging/conversationDirectory';
import type { Moderation, ThreadEvent } from '../../../services/moderation';
import { openTestDatabase, type TestDatabase } from '../../support/db';
import type { FakeGraph, RecordedCall } from '../../support/fake-graph';
import { startMessengerFakes } from '../../support/messengerFakes';
import { testContainer } from '../../support/modules';

export const PAGE_ID = '1000000001';
export const OUR_APP_ID = '5550001';
/**
 * A Monday at 10:00 in Paris (a referents' working hour), one to two weeks from today.
 *
 * @remarks
 * In the future on purpose: the engine's TTL monitor runs on the real time, so records a test
 * stores under a clock in the past (undelivered notices, the directory's windows) could be
 * deleted in the middle of the test.
 */
export const MONDAY_10H = upcomingMondayAt10InParis(new Date());

function upcomingMondayAt10InParis(now: Date): Date {
  const parisHour = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const start = Math.ceil(now.getTime() / 3_600_000) * 3_600_000 + 7 * 24 * 3_600_000;
  for (let hour = 0; hour < 8 * 24; hour += 1) {
    const candidate = new Date(start + hour * 3_600_000);
    if (parisHour.format(candidate) === 'Mon 10:00') return candidate;
  }
  throw new Error('no Monday 10:00 in Paris within eight days');
}
const noWait = { attempts: 2, baseDelayMs: 0, maxDelayMs: 0, sleep: () => Promise.resolve() };

/** Everything a moderation test needs. */
export interface World {
  database: TestDatabase;
  graph: FakeGraph;
  clock: ManualClock;
  directory: ConversationDirectory;
  entries: EntryRepository;
  moderation: Moderation;
  /** Opens `psid`'s 24-hour window as if they wrote at `at` (default: now). */
  wrote(psid: string, at?: Date): Promise<void>;
  /** Send API calls (messages, not sender actions) to `psid`. */
  messagesTo(psid: string): RecordedCall[];
  /** Calls to `/me/<path>` (e.g. `pass_thread_control`). */
  callsTo(path: string): RecordedCall[];
  dispose(): Promise<void>;
}

/** Builds a {@link World} starting at `start`. */
export async function createWorld(start = MONDAY_10H): Promise<World> {
  const database = await openTestDatabase('moderation');
  const { graph, clients, clock, directory, notifier, wrote, messagesTo } = await startMessengerFakes({
    db: database.db,
    start,
    pageId: PAGE_ID,
    retry: noWait,
  });
  // The application's parts over the fake Graph API: thread control called directly (no turn).
  const container = testContainer({
    db: database.db,
    clock: clock.now,
    logger: silentLogger,
    transport: notifier,
    overrides: { threadControl: () => clients.handover, directory: () => directory },
    env: { MESSENGER_APP_ID: OUR_APP_ID },
  });
  await container.ensureIndexes();
  const entries = container.get('entryRepository');
  const moderation = container.get('moderation');
  return {
    database,
    graph,
    clock,
    directory,
    entries,
    moderation,
    wrote,
    messagesTo,
    callsTo: (path) => graph.calls.filter((call) => call.path === `/me/${path}`),
    async dispose() {
      await graph.close();
      await database.dispose();
    },
  };
}

/** Text of a recorded Send API call. */
export function textOf(call: RecordedCall | undefined): string {
  return (call?.body as { message?: { text?: string } } | undefined)?.message?.text ?? '';
}

/**
 * The {@link ThreadEvent} the bot would pass for one Messenger webhook item, mapped by
 * the real adapter code (`extractEvents` then `toActivity`).
 */
export function channelEvent(
  item: Record<string, unknown>,
  source: 'messaging' | 'standby' = 'messaging',
): ThreadEvent {
  const body = { object: 'page', entry: [{ id: PAGE_ID, time: 1, [source]: [item] }] };
  const [event] = extractEvents(body);
  const activity = event ? toActivity(event) : null;
  const input = activity ? threadEventFromActivity(activity, new Date(0)) : undefined;
  if (!input) throw new Error('the item did not map to a channel event');
  return input;
}

/** A resident's message while the page inbox owns the thread. */
export function standbyMessage(psid: string, text: string, mid: string, at: Date): ThreadEvent {
  return channelEvent(
    { sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: at.getTime(), message: { mid, text } },
    'standby',
  );
}

/** An echo of a message the Page sent to `psid` (`appId` undefined: typed in the inbox without app). */
export function echo(psid: string, text: string, mid: string, at: Date, appId?: string): ThreadEvent {
  const message: Record<string, unknown> = { mid, text, is_echo: true };
  if (appId !== undefined) message.app_id = Number(appId);
  return channelEvent({ sender: { id: PAGE_ID }, recipient: { id: psid }, timestamp: at.getTime(), message });
}

/** Control passed to `newOwner` for `psid`. */
export function passedTo(psid: string, newOwner: string, at: Date): ThreadEvent {
  return channelEvent({
    sender: { id: psid },
    recipient: { id: PAGE_ID },
    timestamp: at.getTime(),
    pass_thread_control: {
      new_owner_app_id: newOwner,
      previous_owner_app_id: PAGE_INBOX_APP_ID,
      metadata: 'done',
    },
  });
}
