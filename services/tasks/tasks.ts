/**
 * The tasks module's use cases in one object (`Tasks`): a promise made to a resident becomes
 * a task; a referent lists, takes and completes it; the resident is told the outcome;
 * untaken tasks go to the admins.
 *
 * @remarks
 * Creating, taking and completing a task are written here; the rest lives in files of its
 * own, which this class hands each call to: newTask.ts (a task's checks), taskLists.ts (a
 * referent's list and digest), refusalReplies.ts (a reply to a refused entry),
 * escalation.ts (untaken tasks).
 *
 * The only writer of `tasks` (through `TaskRepository`). No French here: people are told
 * through `TaskNotice`s, rendered by the conversation layer.
 */
import type { ObjectId } from 'mongodb';
import { CodedError, ErrorCode } from '../errors';
import { redactId } from '../logger';
import { requireObjectId, requirePsid } from '../validation';
import { escalateUntaken, type EscalateOptions } from './escalation';
import { screenedWords, validNewTask } from './newTask';
import type { TaskMailNotice } from './notices';
import type { TasksPorts } from './ports';
import { RefusalReplies, type RefusalReply, type RefusalReplyResult } from './refusalReplies';
import { headlineOf, TaskLists } from './taskLists';
import { TASK_OUTCOMES, type NewTask, type Task, type TaskOutcome } from './types';

const MAX_NOTE_LENGTH = 300;

/** What {@link Tasks.complete} did. */
export interface CompleteResult {
  task: Task;
  /** Whether the resident was told the outcome now (a referent passes it on otherwise). */
  residentTold: boolean;
}

/** The referents' tasks. */
export class Tasks {
  private readonly lists: TaskLists;
  private readonly refusalReplies: RefusalReplies;

  constructor(private readonly ports: TasksPorts) {
    this.lists = new TaskLists(ports);
    this.refusalReplies = new RefusalReplies(ports, (input) => this.create(input));
  }

  /**
   * Records a promise made to a resident: once per resident, reason and subject while it is
   * not done (the same promise made again returns the open task).
   *
   * @throws CodedError `payload_invalid` for an unknown reason or a malformed psid.
   */
  async create(input: NewTask): Promise<{ task: Task; created: boolean }> {
    const task = validNewTask(input, this.ports.clock(), this.ports.settings, this.ports.screening);
    const stored = await this.ports.repository.insertOnce(task);
    if (stored.created) {
      this.ports.logger.info('task created', { reason: task.reason, resident: redactId(task.psid) });
      if (stored.task.urgency === 'high') await this.mailUrgent(stored.task);
    }
    return stored;
  }

  /** A referent's daily digest: see {@link TaskLists.digestFor}. */
  digestFor(
    referent: { psid: string; quartiers: readonly string[] },
    now: Date,
  ): Promise<Extract<TaskMailNotice, { type: 'tasks.digest' }> | null> {
    return this.lists.digestFor(referent, now);
  }

  /** A reply to the refusal of an entry becomes the refusing referent's task: see {@link RefusalReplies.refusalReply}. */
  refusalReply(input: RefusalReply): Promise<RefusalReplyResult> {
    return this.refusalReplies.refusalReply(input);
  }

  /** The task, or null. */
  get(id: string | ObjectId): Promise<Task | null> {
    return this.ports.repository.get(id);
  }

  /** The tasks a referent sees, in the order to take them: see {@link TaskLists.listFor}. */
  listFor(referent: string): Promise<Task[]> {
    return this.lists.listFor(referent);
  }

  /** The tasks about resident `psid`, done ones too, newest first (their page in the console). */
  listByResident(psid: string): Promise<Task[]> {
    return this.ports.repository.byResident(requirePsid(psid));
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
      screenedWords(note, this.ports.screening, MAX_NOTE_LENGTH),
    );
    if (!done) return null;
    // A notice about a notice is the referent's own; nobody else is waiting for an answer.
    if (done.reason === 'undelivered_notice') return { task: done, residentTold: false };
    // A resident without Messenger heard it from the referent who called them (a notice to
    // them would only be one more task).
    if (done.reason === 'offline_resident_step')
      return { task: done, residentTold: outcome !== 'not_reachable' };
    const result = await this.ports.notices.notify(done.psid, {
      type: 'tasks.outcome',
      reason: done.reason,
      outcome,
    });
    this.ports.logger.info('task done', { reason: done.reason, outcome, told: result });
    return { task: done, residentTold: result === 'sent' };
  }

  /** Tells the admins of every untaken task past its due time: see {@link escalateUntaken}. */
  escalateUntaken(now: Date, options: EscalateOptions = {}): Promise<{ escalated: number }> {
    return escalateUntaken(this.ports, now, options);
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
}
