/**
 * The running application: the HTTP server, the inbox worker and the scheduler, over the
 * parts of one {@link Container}.
 */
import type { AddressInfo } from 'node:net';
import type { Db } from 'mongodb';
import type { Server } from 'restify';
import type { Clock } from '../services/clock';
import type { InboxStore } from '../services/inbox/inboxStore';
import { InboxWorker } from '../services/inbox/inboxWorker';
import { Scheduler } from '../services/jobs';
import type { Logger } from '../services/logger';
import type { AppConfig } from './config';
import { Container, type PartOverrides } from './container';
import type { MessengerAdapter } from './messenger/adapter';
import type { EventKind, EventSource } from './messenger/events';
import { FIGURES_ASSETS } from './console/figures/assets';
import { emailedLinks } from './console/links';
import { consoleRoutes } from './console/routes';
import { tileOrigin } from './configValues';
import { createServer } from './server';

/** Options of {@link createApp}. */
export interface AppOptions {
  config: AppConfig;
  db: Db;
  logger: Logger;
  clock?: Clock;
  /** This instance's name in inbox leases; random by default. */
  instanceId?: string;
  /** Parts replaced by name (tests: a shared understanding model, a recording thread control). */
  overrides?: PartOverrides;
  /** Inbox poll interval (tests shorten it). */
  pollIntervalMs?: number;
  /** Runs the scheduled jobs (default true); tests run jobs by hand instead. */
  scheduleJobs?: boolean;
}

/** A built application, not yet listening. */
export interface App {
  server: Server;
  /** The parts the application is made of. */
  container: Container;
  inbox: InboxStore<EventSource, EventKind>;
  worker: InboxWorker<EventSource, EventKind> | undefined;
  scheduler: Scheduler | undefined;
  messengerAdapter: MessengerAdapter | undefined;
  /** Starts the inbox worker and listens; resolves with the bound address. */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops listening and lets the worker finish the events in hand. */
  close(): Promise<void>;
}

/** Assembles the application from configuration and an open database; creates the indexes. */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, db, logger } = options;
  const container = new Container({
    config,
    db,
    logger,
    clock: options.clock,
    instanceId: options.instanceId,
    overrides: options.overrides,
  });
  await container.ensureIndexes();
  const { clock, instanceId } = container;
  const bot = container.get('bot');
  const inbox = container.get('inbox');
  const messengerAdapter = container.get('messengerAdapter');
  const cloudAdapter = container.get('cloudAdapter');
  const pageComments = container.get('pageComments');

  const worker = messengerAdapter
    ? new InboxWorker({
        store: inbox,
        owner: instanceId,
        clock,
        logger,
        pollIntervalMs: options.pollIntervalMs,
        handle: async (event) => {
          if (event.kind === 'comment') await pageComments?.handle(event);
          else await messengerAdapter.processEvent(event, (context) => bot.run(context));
        },
      })
    : undefined;

  const scheduler =
    options.scheduleJobs === false
      ? undefined
      : new Scheduler({ db, owner: instanceId, logger, clock, jobs: container.get('jobs') });

  const server = createServer({
    logger,
    console: {
      access: container.get('staffAccess'),
      routes: consoleRoutes(container),
      publicUrl: config.publicUrl,
      staticFiles: FIGURES_ASSETS,
      imageSources: [tileOrigin(config.mapTileUrl)].filter((origin) => origin !== undefined),
      ...(container.get('mailer').enabled ? { emailLink: emailedLinks(container, logger) } : {}),
    },
    pingDatabase: async () => {
      await db.command({ ping: 1 });
    },
    botFramework: {
      access: config.botFrameworkAccess,
      serviceHosts: config.botFrameworkServiceHosts,
      process: async (request, response) => {
        await cloudAdapter.process(request, response, (context) => bot.run(context));
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
    container,
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
