/**
 * Every promise of a referent becomes a task: the attention port the dialogs and the
 * matching module already call ({@link PromiseTracker.flag}) flags the conversation as
 * before and records the task the referents see; the dialogs' other promises call
 * {@link PromiseTracker.promise}.
 *
 * @remarks
 * A flag carries a reason and a short detail (`no_helper_left <needId>`, a match id…): the
 * tracker reads the subject from it and fills the task from the need it names (the
 * resident's words, category, urgency, neighbourhood) and from the resident's shared contact.
 *
 * A notice to a resident without Messenger becomes a task too ({@link PromiseTracker.offlineStep}):
 * the notice delivery path calls it, so no call site has to know who is offline.
 */
import type { ObjectId } from 'mongodb';
import type { AttentionReason, Category, Entry, Resident } from '../domain/types';
import { redactId, type Logger } from '../logger';
import type { Notice } from '../messaging/notifier';
import type { Tasks } from './tasks';
import type { NewTask, StepNotice, Task, TaskContact, TaskReason, TaskUrgency } from './types';

/** What a caller knows of the request behind a promise. */
export interface PromiseFacts {
  /** The resident's own words (screened by the module). */
  words?: string;
  category?: Category;
  urgency?: TaskUrgency;
  neighbourhood?: string;
  /** What the bot told the resident (a locale key). */
  told?: string;
  /** What the task is about, when the detail does not say (an entry id…). */
  subject?: string;
}

/** The conversations' flags (`AttentionFlags`). */
export interface FlagPort {
  flag(psid: string, reason: AttentionReason, detail?: string): Promise<unknown>;
}

/** Reading the entry a promise is about (`Entries`). */
export interface PromiseEntriesPort {
  get(id: string | ObjectId): Promise<(Entry & { _id: ObjectId }) | null>;
}

/** Reading the match a promise is about (`MatchRepository`). */
export interface PromiseMatchesPort {
  get(id: string | ObjectId): Promise<{ needId: ObjectId; category: Category } | null>;
}

/** Reading the contact a resident shares, and who a resident without Messenger is (`ResidentRepository`). */
export interface PromiseResidentsPort {
  get(psid: string): Promise<Pick<Resident, 'contact' | 'offline'> | null>;
}

/** What {@link PromiseTracker} is built from. */
export interface PromiseTrackerPorts {
  tasks: Pick<Tasks, 'create'>;
  attention: FlagPort;
  entries: PromiseEntriesPort;
  matches: PromiseMatchesPort;
  residents: PromiseResidentsPort;
  logger: Logger;
}

const OBJECT_ID = /\b[0-9a-f]{24}\b/;

/** The match or entry a notice is about (`matchId`, `entryId`), if it names one. */
function subjectOfNotice(notice: StepNotice): string | undefined {
  for (const field of ['matchId', 'entryId'] as const) {
    const value = notice[field];
    if (typeof value === 'string' && OBJECT_ID.test(value)) return value;
  }
  return undefined;
}

/** The task reason of an attention flag, read with its detail. */
export function taskReasonOfFlag(reason: AttentionReason, detail = ''): TaskReason {
  switch (reason) {
    case 'misunderstood_twice':
      return 'misunderstood';
    case 'no_match_urgent':
      return 'no_match';
    case 'match_outside_window':
      return 'helper_outside_window';
    case 'complaint':
      return detail.startsWith('follow-up') ? 'follow_up_no' : 'complaint';
    case 'asked_for_human':
      if (detail.startsWith('no_helper_left')) return 'no_match';
      if (detail.startsWith('match_limit')) return 'helper_outside_window';
      if (detail.startsWith('contact_via_referent')) return 'contact_via_referent';
      return 'asked_for_human';
    default:
      return reason;
  }
}

/** Flags and records the promises made to residents. */
export class PromiseTracker implements FlagPort {
  constructor(private readonly ports: PromiseTrackerPorts) {}

  /**
   * Flags the conversation (as the attention port always did) and records the task; the
   * task is what the referents see.
   */
  async flag(
    psid: string,
    reason: AttentionReason,
    detail?: string,
    facts: PromiseFacts = {},
  ): Promise<void> {
    await this.ports.attention.flag(psid, reason, detail);
    const subject = facts.subject ?? detail?.match(OBJECT_ID)?.[0];
    await this.promise(psid, taskReasonOfFlag(reason, detail), { ...facts, ...(subject ? { subject } : {}) });
  }

  /**
   * Records a task for a promise made to `psid`, filled from the need its subject names
   * and the contact the resident shares; a task already open for the same promise is kept.
   */
  async promise(psid: string, reason: TaskReason, facts: PromiseFacts = {}): Promise<void> {
    const task: NewTask = { psid, reason, ...facts };
    const entry = facts.subject ? await this.entryOf(facts.subject) : null;
    if (entry) {
      task.category ??= entry.category;
      if (entry.psid === psid) {
        task.words ??= entry.description;
        task.neighbourhood ??= entry.neighbourhood;
        if (entry.urgency === 'high') task.urgency ??= 'high';
      }
    }
    const contact = await this.contactOf(psid);
    if (contact) task.contact = contact;
    const { created } = await this.ports.tasks.create(task);
    if (!created) this.ports.logger.info('task already open', { reason, resident: redactId(psid) });
  }

  /**
   * A notice to a resident without Messenger: a task `offline_resident_step` for the referent
   * who registered them (`assignedTo`; the other referents see it too), with their phone as
   * contact, how to address them and the notice itself, which the referents read as a call
   * script with its answers. The same notice about the same match or entry, while its task
   * is not done, stays one task.
   */
  async offlineStep(psid: string, sent: Notice): Promise<Task> {
    // A notice is data: its fields are kept as they are, for the referents' call script.
    const notice = { ...sent } as StepNotice;
    const resident = await this.ports.residents.get(psid);
    const profile = resident?.offline;
    const about = subjectOfNotice(notice);
    const entry = about ? await this.entryOf(about) : null;
    const own = entry?.psid === psid ? entry : null;
    const task: NewTask = {
      psid,
      reason: 'offline_resident_step',
      subject: about ? `${notice.type} ${about}` : notice.type,
      step: { ...(profile ? { addressAs: profile.addressAs } : {}), notice },
    };
    const category = entry?.category ?? notice.category;
    if (typeof category === 'string') task.category = category as Category;
    const neighbourhood = profile?.neighbourhood ?? own?.neighbourhood;
    if (neighbourhood) task.neighbourhood = neighbourhood;
    if (own?.urgency === 'high') task.urgency = 'high';
    if (profile) task.assignedTo = profile.registeredBy;
    const contact = await this.contactOf(psid);
    if (contact) task.contact = contact;
    const { task: stored, created } = await this.ports.tasks.create(task);
    this.ports.logger.info(created ? 'offline step is a task' : 'offline step already a task', {
      notice: notice.type,
      resident: redactId(psid),
    });
    return stored;
  }

  private async entryOf(subject: string): Promise<(Entry & { _id: ObjectId }) | null> {
    const entry = await this.ports.entries.get(subject);
    if (entry) return entry;
    const match = await this.ports.matches.get(subject);
    return match ? this.ports.entries.get(match.needId) : null;
  }

  private async contactOf(psid: string): Promise<TaskContact | undefined> {
    const resident = await this.ports.residents.get(psid);
    if (!resident) return undefined;
    const { channels, phone, email } = resident.contact;
    const shared: TaskContact = {};
    if (phone && channels.includes('phone')) shared.phone = phone;
    if (email && channels.includes('email')) shared.email = email;
    return shared.phone || shared.email ? shared : undefined;
  }
}
