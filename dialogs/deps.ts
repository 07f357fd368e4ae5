/**
 * What the dialogs need from the rest of the bot, passed through the constructor.
 *
 * @remarks
 * Each collaborator is described here by the few methods the dialogs call (a port), so the
 * real services (`ResidentRepository`, `EntryRepository`, `Matcher`, `MatchRepository`,
 * `AttentionFlags`, `Nlu`, `Geocoder`) fit structurally and tests can pass the same
 * real classes on a test database.
 */
import type { ObjectId } from 'mongodb';
import type { Clock } from '../services/clock';
import type {
  AttentionReason,
  Category,
  Consent,
  Entry,
  GeoPoint,
  LocationSource,
  Match,
  Resident,
} from '../services/domain/types';
import type { Limits } from '../services/limits';
import type { Logger } from '../services/logger';
import type { ConversationDirectory } from '../services/messaging/conversationDirectory';
import type {
  AuditLog,
  HandoverService,
  ModeratorRepository,
  QualificationService,
} from '../services/moderation';
import type { ResidentNotifier } from '../services/messaging/notifier';
import type { Understanding } from '../services/nlu';
import type { LocateDeps } from '../services/places/locate';
import type { PersonalDataRights } from '../services/privacy/rights';
import type { NewTestimonial, WithdrawalTarget } from '../services/testimonials/testimonialRepository';
import type { StoredTestimonial } from '../services/testimonials/types';
import type { WithdrawalReport } from '../services/testimonials/withdrawal';

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
}

/**
 * The rights of access and erasure (`PersonalDataRights` in services/privacy): the same
 * erasure as the retention job's.
 */
export type PrivacyPort = Pick<PersonalDataRights, 'exportData' | 'erase'>;

/** A stored entry, with its id. */
export type StoredEntry = Entry & { _id: ObjectId };

/** What the dialogs give to create an entry. */
export type NewEntryInput = Pick<
  Entry,
  | 'psid'
  | 'kind'
  | 'category'
  | 'description'
  | 'addressText'
  | 'neighbourhood'
  | 'location'
  | 'locationSource'
  | 'availability'
  | 'beneficiary'
  | 'urgency'
  | 'flags'
  | 'registeredBy'
>;

/** Offers and needs (`EntryRepository`). Actions are owner-guarded and answer false otherwise. */
export interface EntriesPort {
  create(input: NewEntryInput): Promise<StoredEntry>;
  get(id: string | ObjectId): Promise<StoredEntry | null>;
  listByResident(psid: string): Promise<StoredEntry[]>;
  pause(id: string | ObjectId, psid: string): Promise<boolean>;
  resume(id: string | ObjectId, psid: string): Promise<boolean>;
  renew(id: string | ObjectId, psid: string): Promise<boolean>;
  withdraw(id: string | ObjectId, psid: string): Promise<boolean>;
  close(id: string | ObjectId, psid: string): Promise<boolean>;
}

/** An offer near a need, `distanceMeters` apart (between the centres of their blocks). */
export interface NearbyOffer {
  offer: StoredEntry;
  distanceMeters: number;
}

/** Finds published offers near a need (`Matcher`). */
export interface MatcherPort {
  findOffersNear(
    need: Entry,
    options?: { maxDistanceMeters?: number; limit?: number; excludeOfferIds?: ObjectId[] },
  ): Promise<NearbyOffer[]>;
}

/** A stored match, with its id. */
export type StoredMatch = Match & { _id: ObjectId };

/** Needs put in touch with offers (`MatchRepository`). */
export interface MatchesPort {
  propose(need: StoredEntry, offer: StoredEntry, distanceMeters: number): Promise<StoredMatch>;
  get(id: string | ObjectId): Promise<StoredMatch | null>;
  accept(id: string | ObjectId, offerPsid: string): Promise<StoredMatch | null>;
  decline(id: string | ObjectId, offerPsid: string): Promise<StoredMatch | null>;
  toModerators(id: string | ObjectId): Promise<StoredMatch | null>;
  forNeed(needId: ObjectId): Promise<StoredMatch[]>;
}

/** Conversations the moderators must look at (`AttentionFlags`). */
export interface AttentionPort {
  flag(psid: string, reason: AttentionReason, detail?: string): Promise<unknown>;
}

/**
 * Testimonials (`TestimonialRepository`, the consent withdrawal that deletes published
 * posts, and who may review them); assembled in bot/testimonialsPort.ts.
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

/** Per-person daily limits on entries stored and helpers asked (`Limits` in services/limits). */
export type LimitsPort = Pick<Limits, 'settings' | 'mayCreateEntry' | 'takeEntry' | 'takeMatchRequest'>;

/** Answers to the jobs' follow-up question (`recordFollowUpAnswer`; a "no" flags a complaint). */
export interface FollowUpsPort {
  /** False when the match is unknown or `psid` is not one of its residents. */
  recordAnswer(matchId: string, psid: string, yes: boolean): Promise<boolean>;
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
  qualification: Pick<QualificationService, 'listPendingEntries' | 'approveEntry' | 'rejectEntry'>;
  audit: Pick<AuditLog, 'record'>;
}

/** Everything the dialogs depend on. */
export interface DialogDeps {
  nlu: NluPort;
  residents: ResidentsPort;
  entries: EntriesPort;
  matcher: MatcherPort;
  matches: MatchesPort;
  geocoder: GeocoderPort;
  attention: AttentionPort;
  moderation: ModerationPort;
  notifier: ResidentNotifier;
  directory: Pick<ConversationDirectory, 'canMessage'>;
  clock: Clock;
  logger: Logger;
  testimonials: TestimonialsPort;
  privacy: PrivacyPort;
  followUps: FollowUpsPort;
  limits: LimitsPort;
}
