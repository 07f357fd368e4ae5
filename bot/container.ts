/**
 * The composition root: the one place where the application's parts are built and wired.
 *
 * @remarks
 * The server (bot/app.ts), `npm run chat`, `npm run jobs`, `npm run admin` and every test
 * harness take their parts from a {@link Container}; none writes the wiring out again. Parts
 * are built on first use and then shared, so a tool builds only what it touches (`jobs list`
 * builds no module and needs no database). Tests replace parts by name with `overrides`
 * (a recording thread control, a fake transport, a shared understanding model); everything
 * built on a replaced part uses the replacement.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ConfigurationBotFrameworkAuthentication, ConversationState, UserState } from 'botbuilder';
import type { Db } from 'mongodb';
import { MainDialog } from '../dialogs/mainDialog';
import { UrgentNeedHandover } from '../dialogs/moderation/handOver';
import { noticeText, renderNotice } from '../dialogs/notices';
import { UndeliveredNotices } from '../dialogs/notices/undelivered';
import { screeningWords } from '../dialogs/screening';
import { frenchPosts } from '../dialogs/testimonials/signature';
import { systemClock, type Clock } from '../services/clock';
import { AttentionFlags } from '../services/conversations';
import { MongoStorage, type StorageDocument } from '../services/db/mongoStorage';
import { ensureDomainIndexes } from '../services/domain/ensureIndexes';
import { Entries, EntryRepository } from '../services/entries';
import { CodedError, ErrorCode } from '../services/errors';
import { PageComments } from './comments/pageComments';
import { createGraphClients, type ThreadControl } from '../services/graph';
import { SINGLE_ATTEMPT } from '../services/graph/retry';
import { InboxStore } from '../services/inbox/inboxStore';
import { ensureJobIndexes } from '../services/jobs';
import { Limits } from '../services/limits';
import type { Logger } from '../services/logger';
import { createMailer, MailOutbox } from '../services/mail';
import { Matcher, Matching, MatchRepository, NeedFinder } from '../services/matching';
import { ConversationDirectory } from '../services/messaging/conversationDirectory';
import { createModeration, StaffAccess, UndeliveredQueue } from '../services/moderation';
import { Nlu } from '../services/nlu';
import { journaledThreadControl, Outbox, OutboxStore } from '../services/outbox';
import { Geocoder } from '../services/places';
import { PersonalDataRights } from '../services/privacy';
import { ResidentRepository } from '../services/residents';
import { AdapterNotifier } from './adapterNotifier';
import { adminNotifier } from './adminNotifier';
import { VoisinsBot } from './bot';
import { createBotFrameworkAdapter } from './botframework/channelAdapter';
import { isBotFrameworkChannel } from './botframework/identity';
import { createChannelEventHandler } from './channelEventHandler';
import type { AppConfig } from './config';
import { applicationJobs } from './jobs';
import type { Parts } from './parts';

export type { Parts } from './parts';
import { MESSENGER_CHANNEL_ID } from './messenger/activities';
import { MessengerAdapter } from './messenger/adapter';
import type { EventKind, EventSource } from './messenger/events';
import { consoleLinkUrl } from './console/links';
import { MessageLimit } from './messenger/messageLimit';
import { NoticeNotifier } from './noticeNotifier';
import { OfflineStepNotifier } from './offlineStepNotifier';
import { StaffMailer } from './staffMailer';
import { createConsoleFigures } from './console/figures/figures';
import { helperMail } from './helperMail';
import { readRef } from '../services/referrals';
import { turnErrorPolicy } from './pipeline/turnErrors';
import { Testimonials } from '../services/testimonials';
import { createTasks, PromiseTracker } from '../services/tasks';

/** Replacements of parts by name; each receives the container, to build on other parts. */
export type PartOverrides = { [K in keyof Parts]?: (container: Container) => Parts[K] };

/** Options of {@link Container}. */
export interface ContainerOptions {
  config: AppConfig;
  /** The open database; absent for tools that never touch it. */
  db?: Db;
  logger: Logger;
  clock?: Clock;
  /** This instance's name in inbox and job leases; random by default. */
  instanceId?: string;
  overrides?: PartOverrides;
}

/** Without Messenger there is no thread to pass: the handover is still recorded and moderators told. */
const NO_THREAD_CONTROL: ThreadControl = {
  passThreadControl: () =>
    Promise.reject(new CodedError(ErrorCode.NotSupported, 'Messenger is not configured')),
  takeThreadControl: () =>
    Promise.reject(new CodedError(ErrorCode.NotSupported, 'Messenger is not configured')),
};

/** How each part is built by default. */
const FACTORIES: { [K in keyof Parts]: (container: Container) => Parts[K] } = {
  db: (c) => {
    if (!c.options.db) throw new CodedError(ErrorCode.NotSupported, 'this tool runs without a database');
    return c.options.db;
  },
  graph: ({ config, logger }) =>
    config.messenger &&
    createGraphClients({
      graphApiUrl: config.graphApiUrl,
      graphApiVersion: config.graphApiVersion,
      accessToken: config.messenger.pageAccessToken,
      appSecret: config.messenger.appSecret,
      logger,
    }),
  feed: (c) => c.get('graph')?.feed,
  outbox: (c) =>
    new Outbox({
      store: c.get('outboxStore'),
      clock: c.clock,
      logger: c.logger,
      // Keys the digest of what a call sends; without Messenger no turn goes through the outbox.
      secret: c.config.messenger?.appSecret ?? c.instanceId,
      refused: new UndeliveredQueue(c.get('db'), c.clock),
    }),
  outboxStore: (c) => new OutboxStore(c.get('db')),
  pageComments: (c) => {
    const graph = c.get('graph');
    if (!graph) return undefined;
    const nlu = c.get('nlu');
    return new PageComments({
      pageId: c.config.messenger?.pageId,
      comments: graph.comments,
      calls: c.get('outbox'),
      understand: (text) => nlu.understand(text),
      publicAnswer: c.config.commentsPublicAnswer,
      now: c.clock,
      logger: c.logger,
    });
  },
  directory: (c) => new ConversationDirectory(c.get('db')),
  messengerAdapter: (c) => {
    const graph = c.get('graph');
    if (!graph) return undefined;
    const adapter = new MessengerAdapter({
      send: graph.send,
      logger: c.logger,
      calls: c.get('outbox'),
      contacts: c.get('directory'),
      clock: c.clock,
    });
    adapter.onTurnError = turnErrorPolicy({ retried: true, logger: c.logger });
    // Past a resident's limit, their messages are not answered (one notice per blocking period).
    adapter.use(
      new MessageLimit({
        limits: c.get('limits'),
        nlu: c.get('nlu'),
        moderators: c.get('moderation').moderators,
        logger: c.logger,
      }),
    );
    return adapter;
  },
  cloudAdapter: (c) => {
    const adapter = createBotFrameworkAdapter(
      new ConfigurationBotFrameworkAuthentication({ ...c.config.botFramework }),
    );
    adapter.onTurnError = turnErrorPolicy({ retried: false, logger: c.logger });
    return adapter;
  },
  adapterFor: (c) => (channelId) => {
    if (channelId === MESSENGER_CHANNEL_ID) return c.get('messengerAdapter');
    return isBotFrameworkChannel(channelId) ? c.get('cloudAdapter') : undefined;
  },
  transport: (c) =>
    new AdapterNotifier({
      directory: c.get('directory'),
      adapterFor: c.get('adapterFor'),
      botAppId: c.config.botFramework.MicrosoftAppId,
      clock: c.clock,
    }),
  // A notice to a resident without Messenger becomes their referent's task (resolved at the
  // call: the tasks module sends notices through this part too).
  notices: (c) =>
    new OfflineStepNotifier(
      new NoticeNotifier(c.get('transport'), renderNotice, (psid) => c.get('residents').localeOf(psid)),
      (psid, notice) => c.get('promises').offlineStep(psid, notice),
    ),
  threadControl: (c) => {
    const graph = c.get('graph');
    return graph ? journaledThreadControl(graph.handover, c.get('outbox')) : NO_THREAD_CONTROL;
  },
  nlu: () => Nlu.load(),
  geocoder: (c) => new Geocoder({ baseUrl: c.config.geocoderUrl, logger: c.logger }),
  attention: (c) => new AttentionFlags(c.get('db'), c.clock),
  limits: (c) => new Limits({ db: c.get('db'), logger: c.logger }),
  residents: (c) => new ResidentRepository(c.get('db'), c.clock),
  entryRepository: (c) => new EntryRepository(c.get('db'), c.clock, { screening: screeningWords() }),
  matchRepository: (c) => new MatchRepository(c.get('db'), c.clock),
  moderation: (c) =>
    createModeration({
      db: c.get('db'),
      clock: c.clock,
      logger: c.logger,
      handover: c.get('threadControl'),
      notifier: c.get('notices'),
      noticeText,
      directory: c.get('directory'),
      attention: c.get('attention'),
      // A notice a referent cannot be sent (outside their window) is never dropped: it is a task.
      keepForModerator: async (psid, notice) => {
        await c.get('tasks').tasks.create({
          psid,
          reason: 'undelivered_notice',
          subject: notice.type,
          words: noticeText(notice),
        });
      },
      entries: c.get('entryRepository'),
      screening: screeningWords(),
      // Thread control is retried by the outbox, the one retry layer of Graph calls: a single attempt here.
      settings: {
        pageInboxAppId: c.config.pageInboxAppId,
        ourAppId: c.config.messengerAppId,
        retry: SINGLE_ATTEMPT,
      },
      // Urgent tasks, digests and reports are e-mailed to the staff (off without SMTP_URL).
      mail: (recipients, notice, key) => c.get('staffMailer').notify(recipients, notice, key),
    }),
  entries: (c) =>
    new Entries({
      repository: c.get('entryRepository'),
      residents: c.get('residents'),
      limits: c.get('limits'),
      audit: c.get('moderation').audit,
      notices: c.get('notices'),
      clock: c.clock,
      logger: c.logger,
    }),
  matching: (c) => {
    const moderation = c.get('moderation');
    return new Matching({
      matches: c.get('matchRepository'),
      offers: new Matcher(c.get('db'), c.clock),
      needs: new NeedFinder(c.get('db'), c.clock),
      entries: c.get('entries'),
      residents: c.get('residents'),
      limits: c.get('limits'),
      // Every promise of a referent the matching makes is flagged and becomes a task.
      attention: c.get('promises'),
      notices: c.get('notices'),
      // A helper outside their window who chose e-mail is e-mailed the request and its link.
      reachHelper: helperMail({
        residents: c.get('residents'),
        outbox: c.get('mailOutbox'),
        pageName: c.config.messengerPageName,
        linkSecret: c.config.linkSecret,
        answerHours: c.config.matchTimeoutHours,
        clock: c.clock,
        logger: c.logger,
      }),
      undelivered: new UndeliveredNotices(moderation.undelivered),
      handover: new UrgentNeedHandover({
        moderation,
        notifier: c.get('transport'),
        attention: c.get('promises'),
        undelivered: moderation.undelivered,
      }),
      clock: c.clock,
      logger: c.logger,
      settings: { helperAsksPerDay: c.config.helperAsksPerDay },
    });
  },
  testimonials: (c) =>
    new Testimonials({
      db: c.get('db'),
      clock: c.clock,
      logger: c.logger,
      moderators: c.get('moderation').moderators,
      feed: c.get('feed'),
      notifyAdmins: (notice) => c.get('notifyAdmins')(notice),
      composer: frenchPosts,
    }),
  tasks: (c) =>
    createTasks({
      db: c.get('db'),
      clock: c.clock,
      logger: c.logger,
      referents: c.get('moderation').moderators,
      notices: c.get('notices'),
      notifyAdmins: (notice) => c.get('notifyAdmins')(notice),
      screening: screeningWords(),
      staffMail: c.get('moderation').staffMail,
      settings: { dueMinutes: c.config.taskDueMinutes, urgentDueMinutes: c.config.urgentTaskDueMinutes },
    }),
  promises: (c) =>
    new PromiseTracker({
      tasks: c.get('tasks').tasks,
      attention: c.get('attention'),
      entries: c.get('entryRepository'),
      matches: c.get('matchRepository'),
      residents: c.get('residents'),
      logger: c.logger,
    }),
  privacy: (c) => new PersonalDataRights(c.get('db'), c.clock, frenchPosts),
  notifyAdmins: (c) =>
    adminNotifier({
      moderation: c.get('moderation'),
      notices: c.get('notices'),
      directory: c.get('directory'),
      clock: c.clock,
      logger: c.logger,
    }),
  conversation: (c) => ({
    nlu: c.get('nlu'),
    geocoder: c.get('geocoder'),
    residents: c.get('residents'),
    entries: c.get('entries'),
    matching: c.get('matching'),
    attention: c.get('promises'),
    moderation: c.get('moderation'),
    notifier: c.get('transport'),
    clock: c.clock,
    logger: c.logger,
    testimonials: c.get('testimonials'),
    privacy: c.get('privacy'),
    tasks: c.get('tasks').tasks,
    promises: c.get('promises'),
    consoleLink: async (psid) =>
      consoleLinkUrl(c.config.publicUrl, (await c.get('staffAccess').issueLink(psid)).token),
    referrals: { read: (raw) => readRef(raw, c.config.linkSecret, c.clock()) },
  }),
  storage: (c) => new MongoStorage(c.get('db').collection<StorageDocument>('bot_state'), c.clock),
  bot: (c) => {
    const storage = c.get('storage');
    return new VoisinsBot({
      conversationState: new ConversationState(storage),
      userState: new UserState(storage),
      dialog: new MainDialog(c.get('conversation')),
      directory: c.get('directory'),
      clock: c.clock,
      onChannelEvent: createChannelEventHandler({ handover: c.get('moderation').handover, clock: c.clock }),
    });
  },
  inbox: (c) => new InboxStore<EventSource, EventKind>(c.get('db')),
  jobs: (c) => applicationJobs(c),
  mailer: (c) => createMailer({ smtpUrl: c.config.mail.smtpUrl, from: c.config.mail.from, logger: c.logger }),
  mailOutbox: (c) =>
    new MailOutbox({ db: c.get('db'), mailer: c.get('mailer'), clock: c.clock, logger: c.logger }),
  staffMailer: (c) =>
    new StaffMailer({
      outbox: c.get('mailOutbox'),
      mailer: c.get('mailer'),
      publicBaseUrl: c.config.publicUrl,
      logger: c.logger,
    }),
  staffAccess: (c) => {
    const { moderators, audit } = c.get('moderation');
    return new StaffAccess({ db: c.get('db'), clock: c.clock, moderators, audit });
  },
  figures: (c) => createConsoleFigures(c.get('db'), c.clock),
};

/** The application's parts, built on first use from the configuration and the database. */
export class Container {
  readonly config: AppConfig;
  readonly logger: Logger;
  readonly clock: Clock;
  /** This instance's name in inbox and job leases. */
  readonly instanceId: string;
  private readonly built = new Map<keyof Parts, unknown>();
  private readonly building = new Set<keyof Parts>();

  constructor(readonly options: ContainerOptions) {
    this.config = options.config;
    this.logger = options.logger;
    this.clock = options.clock ?? systemClock;
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  }

  /** The part `name`, built (once) by its override or its default factory. */
  get<K extends keyof Parts>(name: K): Parts[K] {
    if (this.built.has(name)) return this.built.get(name) as Parts[K];
    if (this.building.has(name)) {
      throw new CodedError(ErrorCode.ConfigInvalid, `the part "${name}" depends on itself`);
    }
    this.building.add(name);
    try {
      const factory = this.options.overrides?.[name] ?? FACTORIES[name];
      const part = factory(this);
      this.built.set(name, part);
      return part;
    } finally {
      this.building.delete(name);
    }
  }

  /** The default of part `name`, built for `container` (an override may wrap it). */
  static defaultPart<K extends keyof Parts>(name: K, container: Container): Parts[K] {
    return (FACTORIES[name] as (c: Container) => Parts[K])(container);
  }

  /** Creates every collection's indexes (idempotent; once at start-up). */
  async ensureIndexes(): Promise<void> {
    const db = this.get('db');
    await Promise.all([
      ensureDomainIndexes(db),
      this.get('directory').ensureIndexes(),
      this.get('moderation').ensureIndexes(),
      this.get('tasks').ensureIndexes(),
      this.get('limits').ensureIndexes(),
      this.get('outboxStore').ensureIndexes(),
      this.get('inbox').ensureIndexes(),
      this.get('mailOutbox').ensureIndexes(),
      ensureJobIndexes(db),
      this.get('staffAccess').ensureIndexes(),
    ]);
  }
}
