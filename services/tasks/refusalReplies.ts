/**
 * The author of a refused entry answers the refusal: their words become a task for the
 * referent who refused it, who is told in Messenger when they can be.
 */
import type { Category } from '../domain/types';
import { redactId } from '../logger';
import { screenedWords, MAX_WORDS_LENGTH } from './newTask';
import type { TasksPorts } from './ports';
import type { NewTask, Task } from './types';

/** What {@link RefusalReplies.refusalReply} needs. */
export interface RefusalReply {
  /** The resident who answered. */
  psid: string;
  /** What they wrote (screened before it is stored or sent). */
  words: string;
  /** The refused entry. */
  entryId: string;
  /** The referent who refused it. */
  referent: string;
  /** Why it was refused (the moderation module's reason). */
  refusedBecause: string;
  category?: Category;
  neighbourhood?: string;
  /** What the resident was told (for the referent). */
  told?: string;
}

/** What {@link RefusalReplies.refusalReply} did. */
export interface RefusalReplyResult {
  task: Task;
  /** False when the words were added to the task already open for this refusal. */
  created: boolean;
  /** Whether the referent was sent a Messenger notice now. */
  referentTold: boolean;
}

/** Records a task once (see `Tasks.create`). */
export type CreateTask = (input: NewTask) => Promise<{ task: Task; created: boolean }>;

/** The ports {@link RefusalReplies} calls. */
export type RefusalReplyPorts = Pick<TasksPorts, 'repository' | 'notices' | 'logger' | 'screening'>;

/** Residents' replies to the refusal of their entry. */
export class RefusalReplies {
  constructor(
    private readonly ports: RefusalReplyPorts,
    private readonly create: CreateTask,
  ) {}

  /**
   * The author of a refused entry answered the refusal: their words go to a
   * `refusal_reply` task for the referent who refused it (one per entry while unfinished,
   * later words added to it), and that referent is told in Messenger; when they cannot be
   * told (outside their window), the task, first in their list, is the notice.
   */
  async refusalReply(input: RefusalReply): Promise<RefusalReplyResult> {
    const { task, created } = await this.create({
      psid: input.psid,
      reason: 'refusal_reply',
      subject: input.entryId,
      words: input.words,
      ...(input.category ? { category: input.category } : {}),
      ...(input.neighbourhood ? { neighbourhood: input.neighbourhood } : {}),
      assignedTo: input.referent,
      told: input.told,
    });
    const words = screenedWords(input.words, this.ports.screening) ?? '';
    const current = created
      ? task
      : ((await this.ports.repository.addWords(task._id, words, MAX_WORDS_LENGTH)) ?? task);
    let referentTold = false;
    try {
      const result = await this.ports.notices.notify(input.referent, {
        type: 'tasks.refusalReply',
        refusedBecause: input.refusedBecause,
        words,
        ...(input.category ? { category: input.category } : {}),
        ...(input.neighbourhood ? { neighbourhood: input.neighbourhood } : {}),
      });
      referentTold = result === 'sent';
    } catch (error) {
      // The task stands: the referent finds it first in their list.
      this.ports.logger.warn('refusal reply notice refused', {
        referent: redactId(input.referent),
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
    this.ports.logger.info('refusal reply', { resident: redactId(input.psid), created, referentTold });
    return { task: current, created, referentTold };
  }
}
