/**
 * The real MainDialog over in-memory fakes of its ports: no database, no geocoder server.
 * For the conversations whose assertions are about what the bot says, what it asks of its
 * ports and what it flags or hands over, not about stored documents.
 *
 * @remarks
 * Each fake keeps what it was asked in plain arrays (the records the tests assert on) and
 * answers like the real module would for the cases the tables play; a method a test does
 * not expect rejects with `not_supported`.
 */
import type { Activity } from 'botbuilder';
import { ObjectId } from 'mongodb';
import { MainDialog, type ConversationServices } from '../../../dialogs/mainDialog';
import type {
  EntriesPort,
  GeocoderPort,
  HandoverPort,
  MatchingPort,
  ModerationPort,
  NearbyOffer,
  NluPort,
  PrivacyPort,
  ResidentsPort,
  StoredEntry,
  TestimonialsPort,
} from '../../../dialogs/ports';
import { frenchPosts } from '../../../dialogs/testimonials/signature';
import { manualClock, type Clock, type ManualClock } from '../../../services/clock';
import type { AttentionReason, Consent, Resident } from '../../../services/domain/types';
import type {
  DailyAllowance,
  EntryInput,
  Registration,
  RegistrationOutcome,
  RepublishOutcome,
} from '../../../services/entries';
import { CodedError, ErrorCode } from '../../../services/errors';
import { silentLogger } from '../../../services/logger';
import { readRef } from '../../../services/referrals';
import type { NeedState, RequestAnswerOutcome, SuggestionAnswerOutcome } from '../../../services/matching';
import type { SharedContact } from '../../../services/matching/notices';
import type { ResidentHandoverNotice } from '../../../services/moderation';
import { MIN_SCORE, type GeocodedAddress, type GeocodeOutcome } from '../../../services/places/geocoder';
import type { ErasureReport } from '../../../services/privacy/erasure';
import type { PersonalDataExport } from '../../../services/privacy/export';
import type { NewTestimonial, WithdrawalTarget } from '../../../services/testimonials/testimonialRepository';
import type { StoredTestimonial } from '../../../services/testimonials/types';
import type { WithdrawalReport } from '../../../services/testimonials/withdrawal';
import { KNOWN_ADDRESSES } from '../../support/fake-geocoder';
import { converseWith, type Input } from './conversation';
import { RecordingNotifier } from './recordingNotifier';
import type { TaskReason } from '../../../services/tasks';

/** A flag raised through the attention port. */
export interface RaisedFlag {
  psid: string;
  reason: AttentionReason;
  detail?: string;
}

/** A handover asked of the handover port. */
export interface RecordedHandover {
  psid: string;
  reason: AttentionReason;
  summary: string;
  scores?: Record<string, number>;
  neighbourhood?: string;
}

const unused = (port: string) => () =>
  Promise.reject(new CodedError(ErrorCode.NotSupported, `${port}: not expected in this conversation`));

/** Entries kept in memory (owner-guarded like the repository), for the dialogs that list them. */
export class MemoryEntries implements EntriesPort {
  readonly stored: StoredEntry[] = [];

  /** What `register` was asked, in order (the dialogs' registrations). */
  readonly registrations: Array<{ psid: string; registration: Registration }> = [];

  /**
   * Stores an entry as the registration would, without limits (seeding and forms); `status`
   * is `pending_review` unless given, `at` the creation time.
   */
  add(psid: string, input: EntryInput, extra: Partial<StoredEntry> = {}): StoredEntry {
    const now = extra.createdAt ?? new Date('2048-04-06T09:00:00Z');
    const entry = {
      ...input,
      psid,
      flags: input.flags ?? [],
      _id: new ObjectId(),
      status: 'pending_review',
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + 30 * 86_400_000),
      ...extra,
    } as StoredEntry;
    this.stored.push(entry);
    return entry;
  }

  dailyAllowance(): Promise<DailyAllowance> {
    return Promise.resolve({ allowed: true });
  }

  register(psid: string, registration: Registration): Promise<RegistrationOutcome> {
    this.registrations.push({ psid, registration });
    return Promise.resolve({ status: 'stored', entry: this.add(psid, registration.entry) });
  }

  /** No renewal question is asked over these fakes. */
  awaitingRenewal(): Promise<StoredEntry[]> {
    return Promise.resolve([]);
  }

  registerOnBehalf(): Promise<StoredEntry> {
    return Promise.reject(new CodedError(ErrorCode.NotSupported, 'entries.registerOnBehalf: not expected'));
  }

  get(id: string | ObjectId): Promise<StoredEntry | null> {
    return Promise.resolve(this.stored.find((entry) => entry._id.equals(id)) ?? null);
  }

  listByResident(psid: string): Promise<StoredEntry[]> {
    return Promise.resolve(this.stored.filter((entry) => entry.psid === psid));
  }

  pause(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.update(id, psid, (entry) => (entry.paused = true));
  }

  resume(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.update(id, psid, (entry) => (entry.paused = false));
  }

  renew(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.update(id, psid, (entry) => (entry.expiresAt = new Date(entry.expiresAt.getTime() + 1)));
  }

  withdraw(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.update(id, psid, (entry) => (entry.status = 'withdrawn'));
  }

  close(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.update(id, psid, (entry) => (entry.status = 'closed'));
  }

  /** A used-up one-off offer stored again, pending review (no limits over these fakes). */
  async republish(id: string | ObjectId, psid: string): Promise<RepublishOutcome> {
    const used = (await this.listByResident(psid)).find(
      (entry) => entry._id.equals(id) && entry.status === 'matched' && !entry.republishedAt,
    );
    if (!used) return { status: 'unavailable' };
    used.republishedAt = new Date();
    const { kind, category, description, location, locationSource, availability, flags } = used;
    const content = { kind, category, description, location, locationSource, availability, flags };
    return { status: 'stored', entry: this.add(psid, content) };
  }

  makeRegular(id: string | ObjectId, psid: string): Promise<boolean> {
    return this.update(id, psid, (entry) => {
      entry.recurring = true;
      if (entry.status === 'matched') entry.status = 'published';
    });
  }

  private update(
    id: string | ObjectId,
    psid: string,
    change: (entry: StoredEntry) => void,
  ): Promise<boolean> {
    const entry = this.stored.find((candidate) => candidate._id.equals(id) && candidate.psid === psid);
    if (entry) change(entry);
    return Promise.resolve(entry !== undefined);
  }
}

/** Residents kept in memory, for the forms (contact, consent) and the exports. */
export class MemoryResidents implements ResidentsPort {
  readonly stored = new Map<string, Resident>();

  constructor(private readonly clock: Clock) {}

  get(psid: string): Promise<Resident | null> {
    return Promise.resolve(this.stored.get(psid) ?? null);
  }

  recordStorageConsent(psid: string, consent: Consent): Promise<Resident> {
    const resident = this.ensure(psid);
    resident.consents.storage = consent;
    return Promise.resolve(resident);
  }

  setContact(psid: string, contact: Resident['contact']): Promise<void> {
    this.ensure(psid).contact = contact;
    return Promise.resolve();
  }

  setLocale(psid: string, locale: 'fr' | 'en'): Promise<boolean> {
    const resident = this.stored.get(psid);
    if (resident) resident.locale = locale;
    return Promise.resolve(resident !== undefined);
  }

  private ensure(psid: string): Resident {
    let resident = this.stored.get(psid);
    if (!resident) {
      const now = this.clock();
      resident = { psid, consents: {}, contact: { channels: [] }, createdAt: now, updatedAt: now };
      this.stored.set(psid, resident);
    }
    return resident;
  }
}

/**
 * The address geocoder answering from the fake BAN's table ({@link KNOWN_ADDRESSES}), with
 * the same switch as the HTTP fake: `error` plays a service that is down.
 */
export class TableGeocoder implements GeocoderPort {
  /** The texts asked, in order. */
  readonly requests: string[] = [];
  mode: 'up' | 'error' = 'up';

  async geocode(text: string): Promise<GeocodedAddress | null> {
    const outcome = await this.lookup(text);
    return outcome.status === 'found' ? outcome.address : null;
  }

  lookup(text: string): Promise<GeocodeOutcome> {
    const query = text.replace(/\s+/g, ' ').trim();
    if (query.length < 3) return Promise.resolve({ status: 'unknown' });
    this.requests.push(query);
    if (this.mode === 'error') return Promise.resolve({ status: 'unavailable' });
    const known = KNOWN_ADDRESSES.find((address) => query.toLowerCase().includes(address.match));
    return Promise.resolve(
      known && known.score >= MIN_SCORE
        ? { status: 'found', address: { lat: known.lat, lon: known.lon, label: known.label } }
        : { status: 'unknown' },
    );
  }
}

/** A request to a helper, as the fake matching keeps it. */
export interface FakeRequest {
  helperPsid: string;
  status: 'proposed' | 'accepted' | 'declined';
  /** What the asker agreed to share (null: through a referent). */
  askerContact: SharedContact | null;
}

/**
 * Matching in memory: the offers near a need are `nearby` (none by default); requests to
 * helpers are seeded in `requests` (by match id) and answered by `answerRequest`; the
 * follow-up answers are recorded.
 */
export class MemoryMatching implements MatchingPort {
  nearby: NearbyOffer[] = [];
  readonly requests = new Map<string, FakeRequest>();
  /** The helpers' answers asked of the module, in order. */
  readonly answers: Array<{ matchId: string; helperPsid: string; accepted: boolean }> = [];
  /** The follow-up answers recorded, in order. */
  readonly followUps: Array<{ matchId: string; psid: string; yes: boolean }> = [];
  /** Matches whose follow-up question `psid` may answer (match id → psid). */
  readonly followUpAskedOf = new Map<string, string>();
  /** The needs a helper was asked about (not expected over these fakes: it rejects). */
  readonly asked: StoredEntry[] = [];

  askHelper(need: StoredEntry): ReturnType<MatchingPort['askHelper']> {
    this.asked.push(need);
    return unused('matching.askHelper')();
  }

  findOffersFor(): Promise<NearbyOffer[]> {
    return Promise.resolve(this.nearby);
  }

  answerRequest(matchId: string, helperPsid: string, accepted: boolean): Promise<RequestAnswerOutcome> {
    this.answers.push({ matchId, helperPsid, accepted });
    const request = this.requests.get(matchId);
    if (!request || request.helperPsid !== helperPsid || request.status !== 'proposed')
      return Promise.resolve({ status: 'stale' });
    request.status = accepted ? 'accepted' : 'declined';
    return Promise.resolve(
      (accepted
        ? { status: 'accepted', askerContact: request.askerContact, askerTold: true }
        : { status: 'declined', next: 'to_moderators' }) as RequestAnswerOutcome,
    );
  }

  /** The seeded request `matchId` while it waits for `helperPsid` (no notice details over these fakes). */
  requestAwaiting(matchId: string, helperPsid: string): ReturnType<MatchingPort['requestAwaiting']> {
    const request = this.requests.get(matchId);
    if (!request || request.helperPsid !== helperPsid) return Promise.resolve({ status: 'not_theirs' });
    return request.status === 'proposed'
      ? unused('matching.requestAwaiting')()
      : Promise.resolve({ status: 'settled' });
  }

  /** The latest request still proposed to `helperPsid` (the last seeded wins). */
  pendingRequestFor(helperPsid: string): Promise<string | null> {
    const waiting = [...this.requests].filter(
      ([, request]) => request.helperPsid === helperPsid && request.status === 'proposed',
    );
    return Promise.resolve(waiting.at(-1)?.[0] ?? null);
  }

  /** The last follow-up `psid` may answer and has not answered yet. */
  /** The tables of the fakes suggest no helper (the suggestions run on the database harness). */
  pendingSuggestionFor(_needPsid: string): Promise<string | null> {
    return Promise.resolve(null);
  }

  pendingFollowUpFor(psid: string): ReturnType<MatchingPort['pendingFollowUpFor']> {
    const answered = new Set(this.followUps.map((answer) => answer.matchId));
    const waiting = [...this.followUpAskedOf].filter(([id, asked]) => asked === psid && !answered.has(id));
    const matchId = waiting.at(-1)?.[0];
    return Promise.resolve(matchId ? { matchId, category: 'groceries' } : null);
  }

  recordFollowUp(matchId: string | ObjectId, psid: string, yes: boolean): Promise<boolean> {
    const id = String(matchId);
    if (this.followUpAskedOf.get(id) !== psid) return Promise.resolve(false);
    this.followUps.push({ matchId: id, psid, yes });
    return Promise.resolve(true);
  }

  /** Suggestions answered by their authors, in order (every one is stale over these fakes). */
  readonly suggestionAnswers: Array<{ matchId: string; psid: string; yes: boolean }> = [];
  /** Entries published again (resumed, renewed, approved), in order. */
  readonly published: string[] = [];
  /** Where needs stand, by need id (`searching` when absent). */
  readonly needStateOf = new Map<string, NeedState>();

  answerSuggestion(matchId: string, psid: string, yes: boolean): Promise<SuggestionAnswerOutcome> {
    this.suggestionAnswers.push({ matchId, psid, yes });
    return Promise.resolve({ status: 'stale' });
  }

  entryPublished(entryId: string | ObjectId): Promise<number> {
    this.published.push(String(entryId));
    return Promise.resolve(0);
  }

  needStates(needs: readonly StoredEntry[]): Promise<Map<string, NeedState>> {
    return Promise.resolve(
      new Map(
        needs
          .filter((entry) => entry.kind === 'need')
          .map((need) => [
            need._id.toHexString(),
            this.needStateOf.get(need._id.toHexString()) ?? 'searching',
          ]),
      ),
    );
  }
}

/** A call to a referents' tool (review or handover tools), as the fake moderation records it. */
export interface ModerationCall {
  tool: 'approveEntry' | 'rejectEntry' | 'takeHandover' | 'closeHandover';
  moderatorPsid: string;
  id: string;
  detail?: string;
}

/**
 * The referents' services in memory: who is a referent (`moderators`, psid → role), the
 * referents' hours (`notice`), the handovers asked (`handovers`), the entries waiting for
 * review (those of `entries` pending), the tools' calls and the audit records.
 */
export class MemoryModeration implements ModerationPort {
  readonly referents = new Map<string, 'moderator' | 'admin'>();
  notice: ResidentHandoverNotice = { withinHours: false };
  readonly handovers: RecordedHandover[] = [];
  /** The ids given to `handovers`, in the same order. */
  readonly handoverIds: ObjectId[] = [];
  readonly calls: ModerationCall[] = [];
  readonly audits: Array<{ actor: string; action: string; detail?: string }> = [];
  readonly moderators: ModerationPort['moderators'];
  readonly handover: HandoverPort;
  readonly qualification: ModerationPort['qualification'];
  readonly audit: ModerationPort['audit'];

  constructor(entries: MemoryEntries) {
    const referents = this.referents;
    const handovers = this.handovers;
    const handoverIds = this.handoverIds;
    const calls = this.calls;
    const audits = this.audits;
    const notice = () => this.notice;
    const refused = (call: ModerationCall) => {
      calls.push(call);
      return Promise.reject(new CodedError(ErrorCode.NotSupported, `moderation.${call.tool}: not expected`));
    };
    this.moderators = {
      isModerator: (psid) => Promise.resolve(referents.has(psid)),
      isAdmin: (psid) => Promise.resolve(referents.get(psid) === 'admin'),
    };
    this.handover = {
      availability: () => Promise.resolve(notice()),
      handOver(input) {
        const handoverId = new ObjectId();
        handovers.push(input);
        handoverIds.push(handoverId);
        return Promise.resolve({ handoverId, created: true, passed: true, ...notice() });
      },
      openHandovers: () => Promise.resolve([]),
      takeHandover: (moderatorPsid, id) => refused({ tool: 'takeHandover', moderatorPsid, id }),
      closeHandover: (moderatorPsid, id) => refused({ tool: 'closeHandover', moderatorPsid, id }),
    };
    this.qualification = {
      listPendingEntries: () =>
        Promise.resolve(entries.stored.filter((entry) => entry.status === 'pending_review')),
      approveEntry: (moderatorPsid, id) => refused({ tool: 'approveEntry', moderatorPsid, id }),
      rejectEntry: (moderatorPsid, id, reason) =>
        refused({ tool: 'rejectEntry', moderatorPsid, id, detail: reason }),
      // The fakes refuse no entry: nobody's words are a reply to a refusal.
      recentRefusal: () => Promise.resolve(null),
    };
    this.audit = {
      record(actor, action, _target, detail) {
        audits.push({ actor: String(actor), action, ...(detail === undefined ? {} : { detail }) });
        return Promise.resolve();
      },
    };
  }
}

/**
 * Testimonials in memory: created as the repository would (pending, the consent dated, the
 * signature rendered by the dialogs' composer), reviewed by the admins of `admins`,
 * withdrawals recorded (nothing was ever on the Page).
 */
export class MemoryTestimonials implements TestimonialsPort {
  readonly stored: StoredTestimonial[] = [];
  /** What `create` was given, in order. */
  readonly created: NewTestimonial[] = [];
  readonly withdrawals: WithdrawalTarget[] = [];
  readonly admins = new Set<string>();

  constructor(private readonly clock: Clock) {}

  create(input: NewTestimonial): Promise<StoredTestimonial> {
    this.created.push(input);
    const now = this.clock();
    const testimonial: StoredTestimonial = {
      _id: new ObjectId(),
      psid: input.psid,
      text: input.text,
      signature: frenchPosts.signature(input.signature),
      consent: { given: true, at: now, version: input.consentVersion },
      status: 'pending',
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    };
    this.stored.push(testimonial);
    return Promise.resolve(testimonial);
  }

  get(id: string): Promise<StoredTestimonial | null> {
    return Promise.resolve(this.stored.find((testimonial) => testimonial._id.toHexString() === id) ?? null);
  }

  listPending(limit = 10): Promise<StoredTestimonial[]> {
    return Promise.resolve(
      this.stored.filter((testimonial) => testimonial.status === 'pending').slice(0, limit),
    );
  }

  listByResident(psid: string): Promise<StoredTestimonial[]> {
    return Promise.resolve(this.stored.filter((testimonial) => testimonial.psid === psid).reverse());
  }

  approve(id: string, adminPsid: string, correctedText?: string): Promise<StoredTestimonial | null> {
    return this.review(id, adminPsid, (testimonial) => {
      testimonial.status = 'approved';
      if (correctedText !== undefined && correctedText !== testimonial.text) {
        testimonial.originalText = testimonial.text;
        testimonial.text = correctedText;
      }
    });
  }

  reject(id: string, adminPsid: string): Promise<StoredTestimonial | null> {
    return this.review(id, adminPsid, (testimonial) => (testimonial.status = 'rejected'));
  }

  schedule(id: string, date: Date): Promise<StoredTestimonial | null> {
    const testimonial = this.stored.find((candidate) => candidate._id.toHexString() === id);
    if (!testimonial || !['pending', 'approved', 'scheduled'].includes(testimonial.status))
      return Promise.resolve(null);
    testimonial.status = 'scheduled';
    testimonial.publishAt = date;
    return Promise.resolve(testimonial);
  }

  canReview(psid: string): Promise<boolean> {
    return Promise.resolve(this.admins.has(psid));
  }

  withdraw(target: WithdrawalTarget): Promise<WithdrawalReport> {
    this.withdrawals.push(target);
    return Promise.resolve({ withdrawn: 0, postsDeleted: 0, deleteFailed: 0 });
  }

  private review(
    id: string,
    adminPsid: string,
    change: (testimonial: StoredTestimonial) => void,
  ): Promise<StoredTestimonial | null> {
    const testimonial = this.stored.find((candidate) => candidate._id.toHexString() === id);
    if (!testimonial || !['pending', 'approved', 'scheduled'].includes(testimonial.status))
      return Promise.resolve(null);
    change(testimonial);
    testimonial.reviewedBy = adminPsid;
    testimonial.reviewedAt = this.clock();
    return Promise.resolve(testimonial);
  }
}

/**
 * The rights of access and erasure over the other fakes: the export gathers what they hold
 * (no matches, handovers or notices are kept by the fakes); erasures are recorded, not done.
 */
export class MemoryPrivacy implements PrivacyPort {
  readonly erasures: string[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly residents: MemoryResidents,
    private readonly entries: MemoryEntries,
    private readonly testimonials: MemoryTestimonials,
  ) {}

  async exportData(psid: string): Promise<PersonalDataExport> {
    return {
      exportedAt: this.clock(),
      resident: await this.residents.get(psid),
      entries: await this.entries.listByResident(psid),
      matches: [],
      attention: null,
      tasks: [],
      handovers: [],
      notices: [],
      testimonials: (await this.testimonials.listByResident(psid)).map(
        ({ psid: _psid, reviewedBy: _reviewer, attempt: _attempt, ...kept }) => kept,
      ),
      lastMessageAt: null,
      moderator: null,
    };
  }

  /** Records the erasure; the real one is checked on the database (test/dialogs/account.test.ts). */
  erase(psid: string): Promise<ErasureReport> {
    this.erasures.push(psid);
    return unused('privacy.erase')();
  }
}

/** A conversation with the real MainDialog over the fakes. */
export interface FakeConversation {
  services: ConversationServices;
  clock: ManualClock;
  notifier: RecordingNotifier;
  residents: MemoryResidents;
  entries: MemoryEntries;
  matching: MemoryMatching;
  moderation: MemoryModeration;
  testimonials: MemoryTestimonials;
  privacy: MemoryPrivacy;
  geocoder: TableGeocoder;
  /** The flags raised through the attention port. */
  flags: RaisedFlag[];
  /** The promises recorded as tasks through the promises port (reason per resident). */
  promises: { psid: string; reason: TaskReason }[];
  /** The handovers asked of the handover port (`moderation.handovers`). */
  handovers: RecordedHandover[];
  /** The reasons flagged for `psid`, in order. */
  reasons(psid: string): AttentionReason[];
  /** Sends `input` as `psid` and returns the bot's replies. */
  say(psid: string, input: Input): Promise<Partial<Activity>[]>;
}

/** The key of the personal links the fakes read. */
export const FAKE_LINK_SECRET = 'fake-link-secret-0123456789';

/**
 * Starts a conversation over fakes, on a manual clock at Monday 6 April 2048, 11 h in Paris
 * (the harness's); `overrides` replaces some of the ports.
 */
export function startFakeConversation(
  nlu: NluPort,
  overrides: Partial<ConversationServices> = {},
): FakeConversation {
  const clock = manualClock(new Date('2048-04-06T09:00:00Z'));
  const notifier = new RecordingNotifier();
  const flags: RaisedFlag[] = [];
  const promises: { psid: string; reason: TaskReason }[] = [];
  const residents = new MemoryResidents(clock.now);
  const entries = new MemoryEntries();
  const matching = new MemoryMatching();
  const moderation = new MemoryModeration(entries);
  const testimonials = new MemoryTestimonials(clock.now);
  const privacy = new MemoryPrivacy(clock.now, residents, entries, testimonials);
  const geocoder = new TableGeocoder();
  const services: ConversationServices = {
    nlu,
    geocoder,
    residents,
    entries,
    matching,
    attention: {
      flag(psid, reason, detail) {
        flags.push({ psid, reason, detail });
        return Promise.resolve();
      },
    },
    moderation,
    notifier,
    clock: clock.now,
    logger: silentLogger,
    testimonials,
    privacy,
    tasks: {
      listFor: () => Promise.resolve([]),
      count: () => Promise.resolve(0),
      get: () => Promise.resolve(null),
      take: () => Promise.resolve(null),
      complete: () => Promise.resolve(null),
      refusalReply: () => Promise.reject(new Error('no refusal in the fakes')),
    },
    promises: {
      promise(psid, reason) {
        promises.push({ psid, reason });
        return Promise.resolve();
      },
    },
    // Refs read with a fixed test secret on the fakes' clock.
    referrals: { read: (raw) => readRef(raw, FAKE_LINK_SECRET, clock.now()) },
    ...overrides,
  };
  const dialog = new MainDialog(services);
  const { say } = converseWith(dialog);
  return {
    services,
    clock,
    notifier,
    residents,
    entries,
    matching,
    moderation,
    testimonials,
    privacy,
    geocoder,
    flags,
    promises,
    handovers: moderation.handovers,
    reasons: (psid) => flags.filter((flag) => flag.psid === psid).map((flag) => flag.reason),
    say,
  };
}
