/**
 * The vocabulary of the ports the dialogs call: each service is described by the methods
 * the conversation layer uses, so the real services (`ResidentRepository`, `EntryRepository`,
 * `Matcher`, `MatchRepository`, `AttentionFlags`, `Nlu`, `Geocoder`…) fit structurally and
 * tests can pass in-memory fakes.
 *
 * @remarks
 * There is no bag: each dialog declares, next to it, the few ports it calls (usually a
 * `Pick<>` of these), and its parent passes it just those.
 */
import type { ObjectId } from 'mongodb';
import type {
  AttentionReason,
  Category,
  Consent,
  Entry,
  GeoPoint,
  LocationSource,
  Resident,
} from '../services/domain/types';
import type { Entries } from '../services/entries';
import type { Matching } from '../services/matching';
import type {
  AuditLog,
  HandoverService,
  ModeratorRepository,
  QualificationService,
} from '../services/moderation';
import type { Understanding } from '../services/nlu';
import type { Locale } from '../services/i18n';
import type { PromiseFacts, PromiseTracker, Tasks } from '../services/tasks';
import type { LocateDeps } from '../services/places';
import type { PersonalDataRights } from '../services/privacy';
import type {
  NewTestimonial,
  StoredTestimonial,
  WithdrawalReport,
  WithdrawalTarget,
} from '../services/testimonials';

export type { EmergencyKind, Intent, Understanding } from '../services/nlu';

/** The understanding service (`Nlu` in services/nlu). */
export interface NluPort {
  understand(text: string): Understanding;
  classifyCategory(text: string): { label: Category; confidence: number };
}

/** A place found for an entry. */
export interface FoundPlace {
  location: GeoPoint;
  source: LocationSource;
  neighbourhood?: string;
}

/** The address geocoder (`Geocoder` in services/places). */
export type GeocoderPort = LocateDeps['geocoder'];

/** Residents and their consents (`ResidentRepository`). */
export interface ResidentsPort {
  get(psid: string): Promise<Resident | null>;
  recordStorageConsent(psid: string, consent: Consent): Promise<Resident>;
  setContact(psid: string, contact: Resident['contact']): Promise<void>;
  /** Records the conversation's language on the resident; false while they do not exist yet. */
  setLocale(psid: string, locale: Locale): Promise<boolean>;
}

/**
 * The rights of access and erasure (`PersonalDataRights` in services/privacy): the same
 * erasure as the retention job's.
 */
export type PrivacyPort = Pick<PersonalDataRights, 'exportData' | 'erase'>;

/** A stored entry, with its id. */
export type StoredEntry = Entry & { _id: ObjectId };

/**
 * Offers and needs (the entries module's use cases, `Entries`): registration with the daily
 * limit, and the owner's actions (owner-guarded, false otherwise).
 */
export type EntriesPort = Pick<
  Entries,
  | 'dailyAllowance'
  | 'register'
  | 'registerOnBehalf'
  | 'get'
  | 'listByResident'
  | 'pause'
  | 'resume'
  | 'renew'
  | 'withdraw'
  | 'close'
  | 'awaitingRenewal'
  | 'republish'
  | 'makeRegular'
>;

/** An offer near a need, `distanceMeters` apart (between the centres of their blocks). */
export interface NearbyOffer {
  offer: StoredEntry;
  distanceMeters: number;
}

/**
 * Putting needs in touch with offers (the matching module's use cases, `Matching`): offers
 * near a need, asking a helper, a helper's answer, the author's answer to a suggested
 * helper, an entry published again, where needs stand, the answer to the follow-up question.
 */
export type MatchingPort = Pick<
  Matching,
  | 'findOffersFor'
  | 'askHelper'
  | 'answerRequest'
  | 'pendingRequestFor'
  | 'requestAwaiting'
  | 'recordFollowUp'
  | 'pendingFollowUpFor'
  | 'pendingSuggestionFor'
  | 'answerSuggestion'
  | 'entryPublished'
  | 'needStates'
>;

/**
 * Conversations the moderators must look at: the flag, and the task the referents see
 * (`PromiseTracker` of services/tasks; `AttentionFlags` fits where no task is wanted).
 */
export interface AttentionPort {
  flag(psid: string, reason: AttentionReason, detail?: string, facts?: PromiseFacts): Promise<unknown>;
}

/**
 * A one-time sign-in link to the referents' console for `psid` (the composition root's, over
 * the moderation module's `StaffAccess`); rejects with `not_moderator` for anyone else.
 */
export type ConsoleLinkPort = (psid: string) => Promise<string>;

/** The referents' tasks (`Tasks` of services/tasks). */
export type TasksPort = Pick<Tasks, 'listFor' | 'count' | 'take' | 'complete' | 'get' | 'refusalReply'>;

/** A promise made to a resident, recorded as a task (`PromiseTracker` of services/tasks). */
export type PromisesPort = Pick<PromiseTracker, 'promise'>;

/**
 * Testimonials (`TestimonialRepository`, the consent withdrawal that deletes published
 * posts, and who may review them); the testimonials module's `Testimonials` use cases.
 */
export interface TestimonialsPort {
  create(input: NewTestimonial): Promise<StoredTestimonial>;
  get(id: string): Promise<StoredTestimonial | null>;
  listPending(limit?: number): Promise<StoredTestimonial[]>;
  /** The resident's testimonials, newest first. */
  listByResident(psid: string): Promise<StoredTestimonial[]>;
  approve(id: string, adminPsid: string, correctedText?: string): Promise<StoredTestimonial | null>;
  reject(id: string, adminPsid: string): Promise<StoredTestimonial | null>;
  schedule(id: string, date: Date): Promise<StoredTestimonial | null>;
  /** True for a moderator with the role `admin`. */
  canReview(psid: string): Promise<boolean>;
  /** Withdraws the consent; published posts are deleted and the admins told. Not owner-guarded. */
  withdraw(target: WithdrawalTarget): Promise<WithdrawalReport>;
}

/** Handing a conversation to the referents and their handover tools (`HandoverService`). */
export type HandoverPort = Pick<
  HandoverService,
  'availability' | 'handOver' | 'openHandovers' | 'takeHandover' | 'closeHandover'
>;

/**
 * The referents' services (`Moderation` from services/moderation).
 *
 * @remarks
 * The services check that the caller is an active moderator and audit what they do;
 * the dialogs check it too, to show the right menu.
 */
export interface ModerationPort {
  moderators: Pick<ModeratorRepository, 'isModerator' | 'isAdmin'>;
  handover: HandoverPort;
  qualification: Pick<
    QualificationService,
    'listPendingEntries' | 'approveEntry' | 'rejectEntry' | 'recentRefusal'
  >;
  audit: Pick<AuditLog, 'record'>;
}
