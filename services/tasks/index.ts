/**
 * The referents' tasks: every promise made to a resident and every case the bot cannot
 * finish, assembled over one database.
 */
import type { Db } from 'mongodb';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { Notifier, NotifyAdmins } from '../messaging/notifier';
import type { ScreeningWords } from '../screening/screenText';
import type { TaskNotice } from './notices';
import { TaskRepository } from './taskRepository';
import type { TaskReferentsPort, TaskSettings, TasksPorts } from './ports';
import { Tasks } from './tasks';

export * from './handoverTimeouts';
export * from './figures';
export * from './jobs';
export * from './notices';
export * from './personalData';
export * from './promises';
export * from './taskRepository';
export * from './tasks';
export * from './ports';
export { DEFAULT_TASK_DUE_MINUTES, URGENT_TASK_DUE_MINUTES } from './newTask';
export { DIGEST_MAX_TASKS, headlineOf } from './taskLists';
export type { RefusalReply, RefusalReplyResult } from './refusalReplies';
export { DEFAULT_ESCALATIONS_PER_RUN, type EscalateOptions } from './escalation';
export * from './types';

/** What {@link createTasks} needs. */
export interface TasksOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  referents: TaskReferentsPort;
  notices: Notifier<TaskNotice>;
  notifyAdmins: NotifyAdmins<TaskNotice>;
  screening?: ScreeningWords;
  /** E-mails the staff of urgent tasks and emergencies (the moderation module's `StaffMail`). */
  staffMail?: TasksPorts['staffMail'];
  /** Due times (the configuration's). */
  settings?: TaskSettings;
}

/** The tasks module: its use cases and its indexes. */
export interface TasksModule {
  tasks: Tasks;
  /** Creates the indexes of `tasks` (idempotent). */
  ensureIndexes(): Promise<void>;
}

/** Builds the tasks module over `db`. */
export function createTasks(options: TasksOptions): TasksModule {
  const repository = new TaskRepository(options.db);
  const tasks = new Tasks({ ...options, repository });
  return { tasks, ensureIndexes: () => repository.ensureIndexes() };
}
