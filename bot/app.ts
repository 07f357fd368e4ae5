/**
 * The running application: adapters, bot, inbox worker and HTTP server over one database.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Db } from 'mongodb';
import type { Server } from 'restify';
import { systemClock, type Clock } from '../services/clock';
import { InboxStore } from '../services/inbox/inboxStore';
import { InboxWorker } from '../services/inbox/inboxWorker';
import { Scheduler } from '../services/jobs';
import { UndeliveredQueue } from '../services/moderation';
import { ConversationDirectory } from '../services/messaging/conversationDirectory';
import { journaledThreadControl, Outbox, OutboxStore } from '../services/outbox';
import type { Logger } from '../services/logger';
import type { Nlu } from '../services/nlu';
import type { AppConfig } from './config';
import { createBotFrameworkAdapter } from './botframework/channelAdapter';
import { isBotFrameworkChannel } from './botframework/identity';
import { createBotCore, type BotCore } from './core';
import { graphFromConfig } from './graph';
import { applicationJobs } from './jobs';
import { MESSENGER_CHANNEL_ID } from './messenger/activities';
import { MessengerAdapter } from './messenger/adapter';
import type { EventKind, EventSource } from './messenger/events';
import { MessageLimit } from './messenger/messageLimit';
import { turnErrorPolicy } from './pipeline/turnErrors';
import { createServer } from './server';

/** Options of {@link createApp}. */
export interface AppOptions {
  config: AppConfig;
  db: Db;
  logger: Logger;
  clock?: Clock;
  /** This instance's name in inbox leases; random by default. */
  instanceId?: string;
  nlu?: Nlu;
  /** Inbox poll interval (tests shorten it). */
  pollIntervalMs?: number;
  /** Runs the scheduled jobs (default true); tests run jobs by hand instead. */
  scheduleJobs?: boolean;
}

/** A built application, not yet listening. */
export interface App {
  server: Server;
  core: BotCore;
  inbox: InboxStore<EventSource, EventKind>;
  worker: InboxWorker<EventSource, EventKind> | undefined;
  scheduler: Scheduler | undefined;
  messengerAdapter: MessengerAdapter | undefined;
  /** Starts the inbox worker and listens; resolves with the bound address. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops listening and lets the worker finish the events in hand. */
  close(): Promise<void>;
}

/** Assembles the application from configuration and an open database. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, db, logger } = options;
  const clock = options.clock ?? systemClock;
  const instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;

  const cloudAdapter = createBotFrameworkAdapter(
    new ConfigurationBotFrameworkAuthentication({ ...config.botFramework }),
  );
  const graph = graphFromConfig(config, logger);
  // Every Graph call a turn makes goes through the outbox: once per event, however often it runs.
  const outboxStore = new OutboxStore(db);
  await outboxStore.ensureIndexes();
  const outbox = new Outbox({
    store: outboxStore,
    clock,
    logger,
    // Keys the digest of what a call sends; without Messenger no turn goes through the outbox.
    secret: config.messenger?.appSecret ?? instanceId,
    refused: new UndeliveredQueue(db, clock),
  });
  const directory = new ConversationDirectory(db);
  const messengerAdapter = graph
    ? new MessengerAdapter({ send: graph.send, logger, calls: outbox, contacts: directory, clock })
    : undefined;

  const core = await createBotCore({
    db,
    clock,
    logger,
    directory,
    geocoderUrl: config.geocoderUrl,
    botAppId: config.botFramework.MicrosoftAppId,
    nlu: options.nlu,
    handover: graph && journaledThreadControl(graph.handover, outbox),
    pageInboxAppId: config.pageInboxAppId,
    ourAppId: config.messengerAppId,
    feed: graph?.feed,
    adapterFor: (channelId) => {
      if (channelId === MESSENGER_CHANNEL_ID) return messengerAdapter;
      return isBotFrameworkChannel(channelId) ? cloudAdapter : undefined;
    },
  });

  cloudAdapter.onTurnError = turnErrorPolicy({ retried: false, logger });
  if (messengerAdapter) messengerAdapter.onTurnError = turnErrorPolicy({ retried: true, logger });
  // Past a resident's limit, their messages are not answered (one notice per blocking period).
  messengerAdapter?.use(
    new MessageLimit({
      limits: core.limits,
      nlu: core.deps.nlu,
      moderators: core.moderation.moderators,
      logger,
    }),
  );

  const inbox = new InboxStore<EventSource, EventKind>(db);
  await inbox.ensureIndexes();
  const worker = messengerAdapter
    ? new InboxWorker({
        store: inbox,
        owner: instanceId,
        clock,
        logger,
        pollIntervalMs: options.pollIntervalMs,
        handle: (event) => messengerAdapter.processEvent(event, (context) => core.bot.run(context)),
      })
    : undefined;

  const scheduler =
    options.scheduleJobs === false
      ? undefined
      : new Scheduler({
          db,
          owner: instanceId,
          logger,
          clock,
          jobs: applicationJobs({
            db,
            core,
            clock,
            logger,
            feed: graph?.feed,
            pageId: config.messenger?.pageId,
            matchTimeoutHours: config.matchTimeoutHours,
            followUpAfterHours: config.followUpAfterHours,
          }),
        });

  const server = createServer({
    logger,
    pingDatabase: async () => {
      await db.command({ ping: 1 });
    },
    botFramework: {
      access: config.botFrameworkAccess,
      serviceHosts: config.botFrameworkServiceHosts,
      process: async (request, response) => {
        await cloudAdapter.process(request, response, (context) => core.bot.run(context));
      },
    },
    messenger: config.messenger && {
      appSecret: config.messenger.appSecret,
      verifyToken: config.messenger.verifyToken,
      pageId: config.messenger.pageId,
      maxEventAgeMs: config.maxEventAgeMinutes * 60_000,
      now: clock,
      accept: async (events) => {
        await inbox.accept(events, clock());
        worker?.wake();
      },
    },
  });

  return {
    server,
    core,
    inbox,
    worker,
    scheduler,
    messengerAdapter,
    listen: async (port, host = '0.0.0.0') => {
      const address = await new Promise<AddressInfo>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server.address()));
      });
      if (config.inboxWorker) worker?.start();
      await scheduler?.start();
      return address;
    },
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      await Promise.all([worker?.stop(), scheduler?.stop()]);
    },
  };
}
