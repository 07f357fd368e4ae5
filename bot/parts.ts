/**
 * The names and types of the application's parts, as the container builds them
 * (bot/container.ts), for what builds on them without needing the container itself.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Clock } from '../services/clock';
import type { Db } from 'mongodb';
import type { ConversationServices } from '../dialogs/mainDialog';
import type { AttentionFlags } from '../services/conversations';
import type { MongoStorage } from '../services/db/mongoStorage';
import type { Entries, EntryRepository } from '../services/entries';
import type { GraphClients, ThreadControl } from '../services/graph';
import type { InboxStore } from '../services/inbox/inboxStore';
import type { Job } from '../services/jobs';
import type { Limits } from '../services/limits';
import type { Logger } from '../services/logger';
import type { Mailer, MailOutbox } from '../services/mail';
import type { Matching, MatchRepository } from '../services/matching';
import type { ConversationDirectory } from '../services/messaging/conversationDirectory';
import type { Notifier, NotifyAdmins, ResidentNotifier } from '../services/messaging/notifier';
import type { Moderation, StaffAccess } from '../services/moderation';
import type { Nlu } from '../services/nlu';
import type { Outbox, OutboxStore } from '../services/outbox';
import type { Geocoder } from '../services/places';
import type { PersonalDataRights } from '../services/privacy';
import type { ResidentRepository } from '../services/residents';
import type { PageFeed, Testimonials } from '../services/testimonials';
import type { PromiseTracker, TasksModule } from '../services/tasks';
import type { ProactiveAdapter } from './adapterNotifier';
import type { ConsoleFigures } from './console/figures/figures';
import type { VoisinsBot } from './bot';
import type { AppConfig } from './config';
import type { PageComments } from './comments/pageComments';
import type { MessengerAdapter } from './messenger/adapter';
import type { StaffMailer } from './staffMailer';
import type { EventKind, EventSource } from './messenger/events';

/** Every part the application is made of, by name. */
export interface Parts {
  /** The database; a tool without one (`jobs list`) throws when something asks for it. */
  db: Db;
  /** The Graph API clients of the Page; undefined when Messenger is not configured. */
  graph: GraphClients | undefined;
  /** The Page feed (testimonials); undefined when Messenger is not configured. */
  feed: PageFeed | undefined;
  /** Every Graph call a turn makes, made once per event and meaning. */
  outbox: Outbox;
  /** The outbox's records (`outbox`). */
  outboxStore: OutboxStore;
  /** Answers comments under the Page's posts; undefined when Messenger is not configured. */
  pageComments: PageComments | undefined;
  /** Where and until when each person can be written to. */
  directory: ConversationDirectory;
  /** The Messenger channel; undefined when Messenger is not configured. */
  messengerAdapter: MessengerAdapter | undefined;
  /** The Bot Framework channel (`POST /api/messages`). */
  cloudAdapter: CloudAdapter;
  /** The adapter that writes proactively on a channel (the Messenger and Bot Framework ones). */
  adapterFor: (channelId: string) => ProactiveAdapter | undefined;
  /** Rendered messages to a person, inside their 24-hour window. */
  transport: ResidentNotifier;
  /** The modules' typed notices, rendered to French then sent through {@link Parts.transport}. */
  notices: Notifier;
  /** Passing a thread to the Page inbox and taking it back (journaled by the outbox). */
  threadControl: ThreadControl;
  /** The French understanding, loaded once per process. */
  nlu: Nlu;
  geocoder: Geocoder;
  attention: AttentionFlags;
  limits: Limits;
  residents: ResidentRepository;
  /** The entries module's store (`entries`), behind {@link Parts.entries}. */
  entryRepository: EntryRepository;
  /** The matching module's store (`matches`), behind {@link Parts.matching}. */
  matchRepository: MatchRepository;
  moderation: Moderation;
  entries: Entries;
  matching: Matching;
  testimonials: Testimonials;
  /** The referents' tasks (`tasks`). */
  tasks: TasksModule;
  /** The attention port that also records every promise made to a resident as a task. */
  promises: PromiseTracker;
  privacy: PersonalDataRights;
  /** Notices to the Page admins (the moderators' broadcast, or their queue when none is reachable). */
  notifyAdmins: NotifyAdmins;
  /** The services the conversation layer is composed from. */
  conversation: ConversationServices;
  /** The bot's state (`bot_state`). */
  storage: MongoStorage;
  bot: VoisinsBot;
  /** The webhook's events waiting to be processed. */
  inbox: InboxStore<EventSource, EventKind>;
  /** The scheduled jobs, by name. */
  jobs: Job[];
  /** SMTP (`SMTP_URL`, `MAIL_FROM`), or a mailer that says e-mail is off. */
  mailer: Mailer;
  /** Every e-mail to the staff, stored then sent and retried (`mail_outbox`). */
  mailOutbox: MailOutbox;
  /** The staff's e-mails in French: the modules' notices and the console's sign-in link. */
  staffMailer: StaffMailer;
  /** Sign-in links and sessions of the referents' console (`staff_links`, `staff_sessions`). */
  staffAccess: StaffAccess;
  /** The console's map, coverage table and dashboard figures (read only). */
  figures: ConsoleFigures;
}

/** What builds on the parts: their source (the container), its configuration and logger. */
export interface PartSource {
  readonly config: AppConfig;
  readonly logger: Logger;
  get<K extends keyof Parts>(name: K): Parts[K];
}

/**
 * What a part's default factory builds on: the part source, plus the clock, this instance's
 * name and the open database the container was given.
 */
export interface PartBuilder extends PartSource {
  readonly clock: Clock;
  readonly instanceId: string;
  readonly options: { readonly db?: Db };
}

/** How each of the parts named `K` is built by default (bot/composition/). */
export type PartFactories<K extends keyof Parts = keyof Parts> = {
  [P in K]: (builder: PartBuilder) => Parts[P];
};
