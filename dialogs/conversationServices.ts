/**
 * What the root dialog is given: the services the conversation layer is composed from, where
 * the conversation's state lives, and what a turn ends with.
 */
import type { StatePropertyAccessor } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Clock } from '../services/clock';
import type { Locale } from '../services/i18n';
import type { Logger } from '../services/logger';
import type { ResidentNotifier } from '../services/messaging/notifier';
import type {
  AttentionPort,
  ConsoleLinkPort,
  EntriesPort,
  GeocoderPort,
  MatchingPort,
  ModerationPort,
  NluPort,
  PrivacyPort,
  PromisesPort,
  ResidentsPort,
  TasksPort,
  TestimonialsPort,
} from './ports';
import type { ReferralOrigin, ReferralsPort } from './referralAnswer';

/**
 * The services the conversation layer is composed from, given once to the root dialog,
 * which passes each dialog only the ports it calls.
 */
export interface ConversationServices {
  nlu: NluPort;
  geocoder: GeocoderPort;
  residents: ResidentsPort;
  entries: EntriesPort;
  matching: MatchingPort;
  attention: AttentionPort;
  moderation: ModerationPort;
  notifier: ResidentNotifier;
  clock: Clock;
  logger: Logger;
  testimonials: TestimonialsPort;
  privacy: PrivacyPort;
  /** The referents' tasks (their menu). */
  tasks: TasksPort;
  /** Promises made to residents, recorded as tasks. */
  promises: PromisesPort;
  /** Sign-in links to the referents' console ("Ouvrir la console" in their menu); no such choice without. */
  consoleLink?: ConsoleLinkPort;
  /** The refs of the m.me links residents open (posters, e-mailed requests). */
  referrals: ReferralsPort;
}

/** Where the conversation's state lives (properties of the bot's conversation state). */
export interface ConversationAccessors {
  /** The dialog stack. */
  dialogState: StatePropertyAccessor<DialogState>;
  /** The resident's last texts, screened, for a handover's summary (property `recentTexts`). */
  recentTexts: StatePropertyAccessor<string[]>;
  /** The language of the conversation (property `language`). */
  language: StatePropertyAccessor<ConversationLanguage>;
  /** Where the resident came from: the poster they scanned (property `origin`). */
  origin: StatePropertyAccessor<ReferralOrigin>;
}

/** The language a conversation is held in, and whether the resident document knows it. */
export interface ConversationLanguage {
  locale: Locale;
  /** False until the resident document records `locale` (it exists only after the storage consent). */
  onResident: boolean;
}

/** What a turn ended with, for the bot. */
export interface TurnOutcome {
  /** The resident had their data erased: every state of theirs must go (the caller deletes the rest). */
  stateDeleted: boolean;
}
