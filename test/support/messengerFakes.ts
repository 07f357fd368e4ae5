/**
 * The Messenger side of a test world: a fake Graph API over real HTTP, the real Graph
 * clients, Messenger adapter and notifier, a manual clock and the conversation directory.
 */
import type { Db } from 'mongodb';
import { MessengerAdapter } from '../../bot/messenger/adapter';
import { AdapterNotifier } from '../../bot/adapterNotifier';
import { manualClock, type ManualClock } from '../../services/clock';
import { createGraphClients, type GraphClients, type RetryOptions } from '../../services/graph';
import { silentLogger } from '../../services/logger';
import { ConversationDirectory } from '../../services/messaging/conversationDirectory';
import { startFakeGraph, type FakeGraph, type RecordedCall } from './fake-graph';

/** What {@link startMessengerFakes} gives. */
export interface MessengerFakes {
  graph: FakeGraph;
  clients: GraphClients;
  clock: ManualClock;
  directory: ConversationDirectory;
  adapter: MessengerAdapter;
  notifier: AdapterNotifier;
  /** Opens `psid`'s 24-hour window as if they wrote to the Page at `at` (default: now). */
  wrote: (psid: string, at?: Date) => Promise<void>;
  /** Send API messages (not sender actions) to `psid`. */
  messagesTo: (psid: string) => RecordedCall[];
}

/** Starts the fake Graph API and builds the real Messenger pieces over it. */
export async function startMessengerFakes(options: {
  db: Db;
  start: Date;
  pageId: string;
  /** Retries of the adapter; tests pass ones that do not wait. */
  retry: RetryOptions;
}): Promise<MessengerFakes> {
  const { db, pageId, retry } = options;
  const graph = await startFakeGraph();
  const clients = createGraphClients({
    graphApiUrl: graph.url,
    graphApiVersion: 'v25.0',
    accessToken: 'page-token',
    appSecret: 'app-secret',
  });
  const clock = manualClock(options.start);
  const directory = new ConversationDirectory(db);
  const adapter = new MessengerAdapter({
    send: clients.send,
    logger: silentLogger,
    retry,
    sleep: retry.sleep ?? (() => Promise.resolve()),
  });
  const notifier = new AdapterNotifier({
    directory,
    adapterFor: () => adapter,
    botAppId: '',
    clock: clock.now,
  });
  return {
    graph,
    clients,
    clock,
    directory,
    adapter,
    notifier,
    wrote: (psid, at = clock.now()) =>
      directory.touch(psid, at, {
        channelId: 'facebook',
        serviceUrl: 'https://messenger.invalid',
        conversation: { id: psid, isGroup: false, conversationType: 'personal', name: '' },
        user: { id: psid, name: '' },
        bot: { id: pageId, name: '' },
      }),
    messagesTo: (psid) =>
      graph.calls.filter((call) => {
        const body = call.body as { recipient?: { id?: string }; message?: unknown } | undefined;
        return call.path === '/me/messages' && body?.recipient?.id === psid && body.message !== undefined;
      }),
  };
}
