/**
 * The tasks module's use cases: a promise made to a resident becomes a task; a referent
 * lists, takes and completes it; the resident is told the outcome; untaken tasks go to the
 * admins.
 *
 * @remarks
 * The only writer of `tasks` (through {@link TaskRepository}). No French here: people are
 * told through {@link TaskNotice}s, rendered by the conversation layer.
 */
import type { ObjectId } from 'mongodb';
import type { Clock } from '../clock';
import { CodedError, ErrorCode } from '../errors';
import { redactId, type Logger } from '../logger';
import type { Notifier, NotifyAdmins } from '../messaging/notifier';
import { neighbourhoodKey, type StaffMail } from '../moderation';
import { screenText, type ScreeningWords } from '../screening/screenText';
import { cleanOptionalText, isCategory, requireObjectId, requirePsid } from '../validation';
import type { TaskHeadline, TaskMailNotice, TaskNotice } from './notices';
import type { TaskRepository, UnsavedTask } from './taskRepository';
import {
  TASK_OUTCOMES,
  TASK_REASONS,
  type NewTask,
  type Task,
  type TaskContact,
  type TaskOutcome,
} from './types';

/** Minutes before a task is due when the caller says nothing (then escalated if untaken). */
export const DEFAULT_TASK_DUE_MINUTES = 120;
/** Minutes before an urgent task is due. */
export const URGENT_TASK_DUE_MINUTES = 30;
/** Tasks escalated per run at most. */
export const DEFAULT_ESCALATIONS_PER_RUN = 50;
const MAX_WORDS_LENGTH = 600;
const MAX_NOTE_LENGTH = 300;
const MAX_TOLD_LENGTH = 200;
const MINUTE_MS = 60_000;

/** Who a referent is, for the order of their list (the moderation module's `ModeratorRepository`). */
export interface TaskReferentsPort {
  get(psid: string): Promise<{ quartiers: string[]; active: boolean } | null>;
}

/** What {@link Tasks} is built from. */
export interface TasksPorts {
  repository: TaskRepository;
  referents: TaskReferentsPort;
  /** Tells residents the outcome (inside their window). */
  notices: Notifier<TaskNotice>;
  /** Tells the admins of an untaken task. */
  notifyAdmins: NotifyAdmins<TaskNotice>;
  clock: Clock;
  logger: Logger;
  /** The placeholders written where the resident's words held contact details. */
  screening?: ScreeningWords;
  /** E-mails the staff of an urgent task or an emergency as soon as it is created. */
  staffMail?: Pick<StaffMail, 'toNeighbourhood'>;
}

/** Tasks listed at most in a referent's daily digest (the others are counted). */
export const DIGEST_MAX_TASKS = 30;

/** What {@link Tasks.complete} did. */
export interface CompleteResult {
  task: Task;
  /** Whether the resident was told the outcome now (a referent passes it on otherwise). */
  residentTold: boolean;
}

/** Options of {@link Tasks.escalateUntaken}. */
export interface EscalateOptions {
  /** Minutes past the due time before the admins are told; 0 by default. */
  graceMinutes?: number;
  perRun?: number;
}

/** The referents' tasks. */
export class Tasks {
  constructor(private readonly ports: TasksPorts) {}

  /**
   * Records a promise made to a resident: once per resident, reason and subject while it is
   * not done (the same promise made again returns the open task).
   *
   * @throws CodedError `payload_invalid` for an unknown reason or a malformed psid.
   */
  async create(input: NewTask): Promise<{ task: Task; created: boolean }> {
    const psid = requirePsid(input.psid);
    if (!TASK_REASONS.includes(input.reason)) {
      throw new CodedError(ErrorCode.PayloadInvalid, 'unknown task reason');
    }
    const now = this.ports.clock();
    const urgency = input.urgency === 'high' || input.reason === 'emergency' ? 'high' : 'normal';
    const dueInMinutes =
      input.dueInMinutes ?? (urgency === 'high' ? URGENT_TASK_DUE_MINUTES : DEFAULT_TASK_DUE_MINUTES);
    const task: UnsavedTask = {
      psid,
      reason: input.reason,
      urgency,
      status: 'open',
      createdAt: now,
      dueAt: new Date(now.getTime() + dueInMinutes * MINUTE_MS),
    };
    const subject = cleanOptionalText(input.subject, 100, 'subject');
    if (subject) task.subject = subject;
    const words = this.screened(input.words);
    if (words) task.words = words;
    if (isCategory(input.category)) task.category = input.category;
    const neighbourhood = cleanOptionalText(input.neighbourhood, 100, 'neighbourhood');
    if (neighbourhood) task.neighbourhood = neighbourhood;
    const contact = contactOf(input.contact);
    if (contact) task.contact = contact;
    const told = cleanOptionalText(input.told, MAX_TOLD_LENGTH, 'told');
    if (told) task.told = told;
    const stored = await this.ports.repository.insertOnce(task);
    if (stored.created) {
      this.ports.logger.info('task created', { reason: task.reason, resident: redactId(psid) });
      if (stored.task.urgency === 'high') await this.mailUrgent(stored.task);
    }
    return stored;
  }

  /**
   * The tasks waiting in `referent`'s neighbourhoods (every task when they follow every
   * neighbourhood), their own undelivered notices included, as a digest notice: urgent then
   * oldest first, {@link DIGEST_MAX_TASKS} at most. Null when nothing waits.
   */
  async digestFor(
    referent: { psid: string; quartiers: readonly string[] },
    now: Date,
  ): Promise<Extract<TaskMailNotice, { type: 'tasks.digest' }> | null> {
    const keys = new Set(referent.quartiers.map(neighbourhoodKey).filter(Boolean));
    const mine = (task: Task): boolean =>
      keys.size === 0 ||
      task.psid === referent.psid ||
      (task.neighbourhood !== undefined && keys.has(neighbourhoodKey(task.neighbourhood)));
    const tasks = (await this.ports.repository.unfinished(referent.psid))
      .filter(mine)
      .sort((a, b) => urgencyRank(a) - urgencyRank(b) || a.createdAt.getTime() - b.createdAt.getTime());
    if (tasks.length === 0) return null;
    return {
      type: 'tasks.digest',
      tasks: tasks.slice(0, DIGEST_MAX_TASKS).map((task) => headlineOf(task, now)),
      more: Math.max(0, tasks.length - DIGEST_MAX_TASKS),
    };
  }

  /**
   * E-mails an urgent task to the staff on duty. The task is stored whatever happens here:
   * a failure is logged and the `task-escalation` job still tells the admins in time.
   */
  private async mailUrgent(task: Task): Promise<void> {
    if (!this.ports.staffMail) return;
    try {
      const result = await this.ports.staffMail.toNeighbourhood(
        task.neighbourhood,
        { type: 'tasks.urgent', task: headlineOf(task, task.createdAt) },
        `task:${task._id.toHexString()}:urgent`,
      );
      this.ports.logger.info('urgent task e-mailed', { reason: task.reason, ...result });
    } catch (error) {
      this.ports.logger.warn('urgent task not e-mailed (escalation still applies)', {
        reason: task.reason,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** The task, or null. */
  get(id: string | ObjectId): Promise<Task | null> {
    return this.ports.repository.get(id);
  }

  /**
   * The tasks a referent sees, open and taken (their own undelivered notices included, not
   * other referents'): their neighbourhoods' first (every task is
   * theirs when they follow every neighbourhood), then the urgent ones, then the oldest.
   */
  async listFor(referent: string): Promise<Task[]> {
    const who = await this.ports.referents.get(referent);
    const keys = new Set((who?.quartiers ?? []).map(neighbourhoodKey));
    const mine = (task: Task): number =>
      keys.size === 0 || (task.neighbourhood !== undefined && keys.has(neighbourhoodKey(task.neighbourhood)))
        ? 0
        : 1;
    const tasks = await this.ports.repository.unfinished(referent);
    return tasks.sort(
      (a, b) =>
        mine(a) - mine(b) || urgencyRank(a) - urgencyRank(b) || a.createdAt.getTime() - b.createdAt.getTime(),
    );
  }

  /** How many tasks wait (open or taken) in `referent`'s list, for their menu. */
  count(referent: string): Promise<number> {
    return this.ports.repository.countUnfinished(referent);
  }

  /** `referent` takes the task; null when it is unknown or someone already took it. */
  async take(referent: string, id: string): Promise<Task | null> {
    const taken = await this.ports.repository.take(
      requireObjectId(id, 'task id'),
      requirePsid(referent),
      this.ports.clock(),
    );
    if (taken) this.ports.logger.info('task taken', { reason: taken.reason, referent: redactId(referent) });
    return taken;
  }

  /**
   * `referent` ends the task with `outcome`; the resident is told the result in words
   * (inside their window). Null when the task is unknown or already done.
   *
   * @throws CodedError `payload_invalid` for an unknown outcome.
   */
  async complete(
    referent: string,
    id: string,
    outcome: TaskOutcome,
    note?: string,
  ): Promise<CompleteResult | null> {
    if (!TASK_OUTCOMES.includes(outcome))
      throw new CodedError(ErrorCode.PayloadInvalid, 'unknown task outcome');
    const done = await this.ports.repository.complete(
      requireObjectId(id, 'task id'),
      requirePsid(referent),
      outcome,
      this.ports.clock(),
      this.screened(note, MAX_NOTE_LENGTH),
    );
    if (!done) return null;
    // A notice about a notice is the referent's own; nobody else is waiting for an answer.
    if (done.reason === 'undelivered_notice') return { task: done, residentTold: false };
    const result = await this.ports.notices.notify(done.psid, {
      type: 'tasks.outcome',
      reason: done.reason,
      outcome,
    });
    this.ports.logger.info('task done', { reason: done.reason, outcome, told: result });
    return { task: done, residentTold: result === 'sent' };
  }

  /**
   * Tells the admins of every open task past its due time (plus `graceMinutes`) and not
   * escalated yet, once each (claimed atomically).
   */
  async escalateUntaken(now: Date, options: EscalateOptions = {}): Promise<{ escalated: number }> {
    const before = new Date(now.getTime() - (options.graceMinutes ?? 0) * MINUTE_MS);
    const perRun = options.perRun ?? DEFAULT_ESCALATIONS_PER_RUN;
    let escalated = 0;
    while (escalated < perRun) {
      const task = await this.ports.repository.claimForEscalation(before, now);
      if (!task) break;
      escalated += 1;
      await this.ports.notifyAdmins({
        type: 'tasks.escalated',
        minutes: Math.round((now.getTime() - task.createdAt.getTime()) / MINUTE_MS),
        reason: task.reason,
        urgency: task.urgency,
        ...(task.category ? { category: task.category } : {}),
        ...(task.neighbourhood ? { neighbourhood: task.neighbourhood } : {}),
        ...(task.words ? { words: task.words } : {}),
      });
    }
    return { escalated };
  }

  private screened(text: string | undefined, max = MAX_WORDS_LENGTH): string | undefined {
    if (typeof text !== 'string') return undefined;
    const clean = screenText(text, { words: this.ports.screening }).text.trim();
    return clean ? Array.from(clean).slice(0, max).join('') : undefined;
  }
}

/** What an e-mail may say of `task` at `now`: no words, no contact. */
export function headlineOf(task: Task, now: Date): TaskHeadline {
  return {
    taskId: task._id.toHexString(),
    reason: task.reason,
    urgency: task.urgency,
    status: task.status,
    ...(task.category ? { category: task.category } : {}),
    ...(task.neighbourhood ? { neighbourhood: task.neighbourhood } : {}),
    waitedMinutes: Math.max(0, Math.round((now.getTime() - task.createdAt.getTime()) / MINUTE_MS)),
    overdue: task.dueAt.getTime() <= now.getTime(),
  };
}

function urgencyRank(task: Task): number {
  return task.urgency === 'high' ? 0 : 1;
}

function contactOf(contact: TaskContact | undefined): TaskContact | undefined {
  if (!contact) return undefined;
  const kept: TaskContact = {};
  if (typeof contact.phone === 'string' && contact.phone.trim())
    kept.phone = contact.phone.trim().slice(0, 40);
  if (typeof contact.email === 'string' && contact.email.trim())
    kept.email = contact.email.trim().slice(0, 200);
  return kept.phone || kept.email ? kept : undefined;
}
