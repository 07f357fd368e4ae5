/**
 * The real MainDialog over in-memory fakes of its ports: no database, no geocoder. For the
 * conversations whose assertions are about what the bot says and what it flags, not about
 * stored documents.
 */
import type { Activity } from 'botbuilder';
import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { ObjectId } from 'mongodb';
import {
  MainDialog,
  type ConversationAccessors,
  type ConversationServices,
} from '../../../dialogs/mainDialog';
import type { EntriesPort, NluPort, StoredEntry } from '../../../dialogs/ports';
import type { AttentionReason } from '../../../services/domain/types';
import type {
  DailyAllowance,
  EntryInput,
  Registration,
  RegistrationOutcome,
} from '../../../services/entries/entries';
import { silentLogger } from '../../../services/logger';
import { CodedError, ErrorCode } from '../../../services/errors';
import { toActivity, type Input } from './harness';
import { RecordingNotifier } from './recordingNotifier';

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

/** A conversation with the real MainDialog over fakes. */
export interface FakeConversation {
  services: ConversationServices;
  notifier: RecordingNotifier;
  flags: RaisedFlag[];
  handovers: RecordedHandover[];
  /** The reasons flagged for `psid`, in order. */
  reasons(psid: string): AttentionReason[];
  /** Sends `input` as `psid` and returns the bot's replies. */
  say(psid: string, input: Input): Promise<Partial<Activity>[]>;
}

const unused = (port: string) => () =>
  Promise.reject(new CodedError(ErrorCode.NotSupported, `${port}: not expected in this conversation`));

/** Entries kept in memory (owner-guarded like the repository), for the dialogs that list them. */
export class MemoryEntries implements EntriesPort {
  readonly stored: StoredEntry[] = [];

  /** Stores an entry as the registration would, without limits (seeding and forms). */
  add(psid: string, input: EntryInput): StoredEntry {
    const now = new Date('2020-04-06T09:00:00Z');
    const entry = {
      ...input,
      psid,
      flags: input.flags ?? [],
      _id: new ObjectId(),
      status: 'pending_review',
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + 30 * 86_400_000),
    } as StoredEntry;
    this.stored.push(entry);
    return entry;
  }

  dailyAllowance(): Promise<DailyAllowance> {
    return Promise.resolve({ allowed: true });
  }

  register(psid: string, registration: Registration): Promise<RegistrationOutcome> {
    return Promise.resolve({ status: 'stored', entry: this.add(psid, registration.entry) });
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

/** Starts a conversation over fakes; `overrides` replaces some of them. */
export function startFakeConversation(
  nlu: NluPort,
  overrides: Partial<ConversationServices> = {},
): FakeConversation {
  const notifier = new RecordingNotifier();
  const flags: RaisedFlag[] = [];
  const handovers: RecordedHandover[] = [];
  const services: ConversationServices = {
    nlu,
    geocoder: { search: () => Promise.resolve([]) } as unknown as ConversationServices['geocoder'],
    residents: {
      get: () => Promise.resolve(null),
      recordStorageConsent: unused('residents.recordStorageConsent'),
      setContact: () => Promise.resolve(),
    },
    entries: new MemoryEntries(),
    matching: {
      findOffersFor: () => Promise.resolve([]),
      askHelper: unused('matching.askHelper'),
      answerRequest: () => Promise.resolve({ status: 'stale' }),
      recordFollowUp: () => Promise.resolve(false),
    },
    attention: {
      flag(psid, reason, detail) {
        flags.push({ psid, reason, detail });
        return Promise.resolve();
      },
    },
    moderation: {
      moderators: { isModerator: () => Promise.resolve(false), isAdmin: () => Promise.resolve(false) },
      handover: {
        availability: () => Promise.resolve({ withinHours: false }),
        handOver(input) {
          handovers.push(input);
          return Promise.resolve({
            handoverId: new ObjectId(),
            created: true,
            passed: true,
            withinHours: false,
          });
        },
        openHandovers: () => Promise.resolve([]),
        takeHandover: unused('handover.takeHandover'),
        closeHandover: unused('handover.closeHandover'),
      },
      qualification: {
        listPendingEntries: () => Promise.resolve([]),
        approveEntry: unused('qualification.approveEntry'),
        rejectEntry: unused('qualification.rejectEntry'),
      },
      audit: { record: () => Promise.resolve() },
    },
    notifier,
    clock: () => new Date('2020-04-06T09:00:00Z'),
    logger: silentLogger,
    testimonials: {
      create: unused('testimonials.create'),
      get: () => Promise.resolve(null),
      listPending: () => Promise.resolve([]),
      listByResident: () => Promise.resolve([]),
      approve: () => Promise.resolve(null),
      reject: () => Promise.resolve(null),
      schedule: () => Promise.resolve(null),
      canReview: () => Promise.resolve(false),
      withdraw: () => Promise.resolve({ withdrawn: 0, postsDeleted: 0, deleteFailed: 0 }),
    },
    privacy: { exportData: unused('privacy.exportData'), erase: unused('privacy.erase') },
    ...overrides,
  };
  const dialog = new MainDialog(services);
  const conversationState = new ConversationState(new MemoryStorage());
  const accessors: ConversationAccessors = {
    dialogState: conversationState.createProperty<DialogState>('dialogState'),
    recentTexts: conversationState.createProperty<string[]>('recentTexts'),
  };
  const adapter = new TestAdapter();
  return {
    services,
    notifier,
    flags,
    handovers,
    reasons: (psid) => flags.filter((flag) => flag.psid === psid).map((flag) => flag.reason),
    async say(psid, input) {
      adapter.activeQueue.splice(0);
      await adapter.processActivity(toActivity(psid, input), async (context) => {
        await dialog.run(context, accessors);
        await conversationState.saveChanges(context);
      });
      return adapter.activeQueue.splice(0);
    },
  };
}
