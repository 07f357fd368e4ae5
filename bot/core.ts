/**
 * The bot and everything it stands on (state, understanding, domain services, dialogs),
 * shared by the server and the terminal chat.
 */
import { ConversationState, UserState } from 'botbuilder';
import type { Db } from 'mongodb';
import { MainDialog, type ConversationServices } from '../dialogs/mainDialog';
import type { Clock } from '../services/clock';
import { MongoStorage, type StorageDocument } from '../services/db/mongoStorage';
import { CodedError, ErrorCode } from '../services/errors';
import { ensureDomainIndexes } from '../services/domain/ensureIndexes';
import { AttentionFlags } from '../services/conversations/attention';
import { Entries } from '../services/entries/entries';
import { EntryRepository } from '../services/entries/entryRepository';
import type { ThreadControl } from '../services/graph';
import { SINGLE_ATTEMPT } from '../services/graph/retry';
import type { Logger } from '../services/logger';
import { createModeration, type Moderation } from '../services/moderation';
import { MatchRepository } from '../services/matching/matchRepository';
import { Matcher } from '../services/matching/matcher';
import { Matching } from '../services/matching/matching';
import { ConversationDirectory } from '../services/messaging/conversationDirectory';
import { Nlu } from '../services/nlu';
import { Geocoder } from '../services/places/geocoder';
import { PersonalDataRights } from '../services/privacy/rights';
import { ResidentRepository } from '../services/residents/residentRepository';
import { Limits } from '../services/limits';
import { ModeratorRepository } from '../services/moderation/moderatorRepository';
import type { PageFeed } from '../services/testimonials/withdrawal';
import { adminNotifier } from './adminNotifier';
import { DialogTestimonials } from './testimonialsPort';
import { VoisinsBot } from './bot';
import { createChannelEventHandler } from './channelEventHandler';
import { AdapterNotifier, type ProactiveAdapter } from './adapterNotifier';
import { NoticeNotifier } from './noticeNotifier';
import { noticeText, renderNotice } from '../dialogs/notices';
import { UndeliveredNotices } from '../dialogs/notices/undelivered';
import { screeningWords } from '../dialogs/screening';
import { UrgentNeedHandover } from '../dialogs/moderation/handOver';
import type { Notifier } from '../services/messaging/notifier';
import { frenchPosts } from '../dialogs/testimonials/signature';

/** Without Messenger there is no thread to pass: the handover is still recorded and moderators told. */
const NO_THREAD_CONTROL: ThreadControl = {
  passThreadControl: () =>
    Promise.reject(new CodedError(ErrorCode.NotSupported, 'Messenger is not configured')),
  takeThreadControl: () =>
    Promise.reject(new CodedError(ErrorCode.NotSupported, 'Messenger is not configured')),
};

/** Options of {@link createBotCore}. */
export interface BotCoreOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  geocoderUrl: string;
  /** Where people can be written to; created here when not given (the Messenger adapter shares it). */
  directory?: ConversationDirectory;
  /** Adapter for proactive messages on a channel. */
  adapterFor: (channelId: string) => ProactiveAdapter | undefined;
  botAppId: string;
  /** Understanding, loaded once per process; loaded here when not given. */
  nlu?: Nlu;
  /**
   * Thread control on Messenger, retried by its provider (`journaledThreadControl`); absent
   * (terminal chat, Emulator only) handovers are recorded but not passed.
   */
  handover?: ThreadControl;
  /** The app that receives handed-over threads (the page inbox). */
  pageInboxAppId: string;
  /** Our own Meta app id, to tell our echoes from the inbox's. */
  ourAppId?: string;
  /** The Page feed, to delete the post of a testimonial whose consent is withdrawn; absent without Messenger. */
  feed?: PageFeed;
}

/** What {@link createBotCore} builds. */
export interface BotCore {
  bot: VoisinsBot;
  /** The services the dialogs are composed from (the jobs use some of them too). */
  deps: ConversationServices;
  storage: MongoStorage;
  /** Where people can be written to. */
  directory: ConversationDirectory;
  moderation: Moderation;
  /** The modules' typed notices, rendered to French and sent inside the 24-hour window. */
  notices: Notifier;
  /** The per-person limits (messages answered, entries stored, helpers asked). */
  limits: Limits;
  /** The entries module's use cases (registration, owner's actions, expiry). */
  entries: Entries;
  /** The matching module's use cases (requests to helpers, time-outs, follow-ups). */
  matching: Matching;
  /** Creates every collection's indexes (idempotent). */
  ensureIndexes(): Promise<void>;
}

/** Creates indexes (idempotent) and assembles the bot. */
export async function createBotCore(options: BotCoreOptions): Promise<BotCore> {
  const core = buildBotCore(options);
  await core.ensureIndexes();
  return core;
}

/** Assembles the bot without touching the database (tools that only list what exists use it). */
export function buildBotCore(options: BotCoreOptions): BotCore {
  const { db, clock, logger } = options;
  const storage = new MongoStorage(db.collection<StorageDocument>('bot_state'), clock);
  const directory = options.directory ?? new ConversationDirectory(db);

  const attention = new AttentionFlags(db, clock);
  const limits = new Limits({ db, logger });
  const notifier = new AdapterNotifier({
    directory,
    adapterFor: options.adapterFor,
    botAppId: options.botAppId,
    clock,
  });
  const notices = new NoticeNotifier(notifier, renderNotice);
  const moderation = createModeration({
    db,
    clock,
    logger,
    handover: options.handover ?? NO_THREAD_CONTROL,
    notifier: notices,
    noticeText,
    directory,
    attention,
    entries: new EntryRepository(db, clock),
    screening: screeningWords(),
    // Thread control is retried by the outbox, the one retry layer of Graph calls: a single attempt here.
    settings: { pageInboxAppId: options.pageInboxAppId, ourAppId: options.ourAppId, retry: SINGLE_ATTEMPT },
  });
  const residents = new ResidentRepository(db, clock);
  const entries = new Entries({
    repository: new EntryRepository(db, clock, { screening: screeningWords() }),
    residents,
    limits,
    audit: moderation.audit,
    notices,
    clock,
    logger,
  });
  const matching = new Matching({
    matches: new MatchRepository(db, clock),
    offers: new Matcher(db),
    entries,
    residents,
    limits,
    attention,
    notices,
    undelivered: new UndeliveredNotices(moderation.undelivered),
    handover: new UrgentNeedHandover({
      moderation,
      notifier,
      attention,
      undelivered: moderation.undelivered,
    }),
    clock,
    logger,
  });
  const deps: ConversationServices = {
    nlu: options.nlu ?? Nlu.load(),
    residents,
    entries,
    matching,
    geocoder: new Geocoder({ baseUrl: options.geocoderUrl, logger }),
    attention,
    moderation,
    notifier,
    clock,
    logger,
    testimonials: new DialogTestimonials({
      db,
      clock,
      logger,
      moderators: new ModeratorRepository(db, clock),
      feed: options.feed,
      notifyAdmins: (notice) => adminNotifier(core, clock, logger)(notice),
      composer: frenchPosts,
    }),
    privacy: new PersonalDataRights(db, clock, frenchPosts),
  };
  const bot = new VoisinsBot({
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    dialog: new MainDialog(deps),
    directory,
    clock,
    onChannelEvent: createChannelEventHandler({
      handover: moderation.handover,
      clock,
    }),
  });
  const core: BotCore = {
    bot,
    deps,
    storage,
    directory,
    moderation,
    notices,
    limits,
    entries,
    matching,
    ensureIndexes: async () => {
      await Promise.all([
        ensureDomainIndexes(db),
        directory.ensureIndexes(),
        moderation.ensureIndexes(),
        limits.ensureIndexes(),
      ]);
    },
  };
  return core;
}
