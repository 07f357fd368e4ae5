/**
 * The bot and everything it stands on (state, understanding, domain services, dialogs),
 * shared by the server and the terminal chat.
 */
import { ConversationState, UserState } from 'botbuilder';
import type { Db } from 'mongodb';
import { MainDialog } from '../dialogs/mainDialog';
import type { DialogDeps } from '../dialogs/deps';
import type { Clock } from '../services/clock';
import { MongoStorage, type StorageDocument } from '../services/db/mongoStorage';
import { ensureDomainIndexes } from '../services/domain/ensureIndexes';
import { AttentionFlags } from '../services/conversations/attention';
import { EntryRepository } from '../services/entries/entryRepository';
import type { Logger } from '../services/logger';
import { MatchRepository } from '../services/matching/matchRepository';
import { Matcher } from '../services/matching/matcher';
import { ConversationDirectory } from '../services/messaging/conversationDirectory';
import { Nlu } from '../services/nlu';
import { Geocoder } from '../services/places/geocoder';
import { ResidentRepository } from '../services/residents/residentRepository';
import { VoisinsBot } from './bot';
import { AdapterNotifier, type ProactiveAdapter } from './notifier';

/** Options of {@link createBotCore}. */
export interface BotCoreOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  geocoderUrl: string;
  /** Adapter for proactive messages on a channel. */
  adapterFor: (channelId: string) => ProactiveAdapter | undefined;
  botAppId: string;
  /** Understanding, loaded once per process; loaded here when not given. */
  nlu?: Nlu;
}

/** What {@link createBotCore} builds. */
export interface BotCore {
  bot: VoisinsBot;
  deps: DialogDeps;
  storage: MongoStorage;
}

/** Creates indexes (idempotent) and assembles the bot. */
export async function createBotCore(options: BotCoreOptions): Promise<BotCore> {
  const { db, clock, logger } = options;
  const storage = new MongoStorage(db.collection<StorageDocument>('bot_state'), clock);
  const directory = new ConversationDirectory(db);
  await Promise.all([ensureDomainIndexes(db), directory.ensureIndexes()]);

  const deps: DialogDeps = {
    nlu: options.nlu ?? Nlu.load(),
    residents: new ResidentRepository(db, clock),
    entries: new EntryRepository(db, clock),
    matcher: new Matcher(db),
    matches: new MatchRepository(db, clock),
    geocoder: new Geocoder({ baseUrl: options.geocoderUrl, logger }),
    attention: new AttentionFlags(db, clock),
    notifier: new AdapterNotifier({
      directory,
      adapterFor: options.adapterFor,
      botAppId: options.botAppId,
      clock,
    }),
    directory,
    clock,
    logger,
  };
  const bot = new VoisinsBot({
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    dialog: new MainDialog(deps),
    directory,
    clock,
  });
  return { bot, deps, storage };
}
