/**
 * What the tasks use cases are built from: the ports they call ({@link TasksPorts}) and the
 * due times ({@link TaskSettings}).
 *
 * @remarks
 * Types only. Each use case of the module takes the part of {@link TasksPorts} it calls.
 */
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { Notifier, NotifyAdmins } from '../messaging/notifier';
import type { StaffMail } from '../moderation';
import type { ScreeningWords } from '../screening/screenText';
import type { TaskNotice } from './notices';
import type { TaskRepository } from './taskRepository';

/** Who a referent is, for the order of their list (the moderation module's `ModeratorRepository`). */
export interface TaskReferentsPort {
  get(psid: string): Promise<{ quartiers: string[]; active: boolean } | null>;
}

/** How long referents have to take a task before the admins are told. */
export interface TaskSettings {
  /** Minutes before a task is due when its caller says nothing. */
  dueMinutes?: number;
  /** Minutes before an urgent task is due. */
  urgentDueMinutes?: number;
}

/** What `Tasks` is built from. */
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
  /** Due times; `DEFAULT_TASK_DUE_MINUTES` and `URGENT_TASK_DUE_MINUTES` by default. */
  settings?: TaskSettings;
}
