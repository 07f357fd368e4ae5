/**
 * What a task is: one thing a referent must do for one resident, because the bot promised
 * it ("un référent prend le relais…") or could not finish it.
 */
import type { ObjectId } from 'mongodb';
import type { Category } from '../domain/types';

/** Why the task exists (stored values). */
export type TaskReason =
  /** The resident asked to talk to someone. */
  | 'asked_for_human'
  /** The resident chose none of the helpers proposed ("Aucun ne convient"). */
  | 'declined_all'
  /** Nobody near could help (or nobody was left after declines and timeouts). */
  | 'no_match'
  /** The chosen helper could not be told (outside their 24-hour window, or past a limit). */
  | 'helper_outside_window'
  /** A step for a resident who is not on Messenger (registered by a referent). */
  | 'offline_resident_step'
  /** The resident said the help did not happen. */
  | 'follow_up_no'
  /** A hand-over nobody answered before it timed out. */
  | 'handover_timeout'
  /** The bot did not understand the resident twice. */
  | 'misunderstood'
  /** The resident wrote about an emergency. */
  | 'emergency'
  /** The resident replied to the refusal of their entry. */
  | 'refusal_reply'
  /** A notice to a referent could not be delivered: the task is the notice. */
  | 'undelivered_notice'
  /** Money was mentioned: a referent reads the entry with the resident. */
  | 'money'
  /** A complaint or a safeguarding concern. */
  | 'complaint'
  /** Registering someone who is not online. */
  | 'offline_registration'
  /** The two residents must be put in touch by a referent (one shares no contact). */
  | 'contact_via_referent';

/** Every {@link TaskReason}, for validation. */
export const TASK_REASONS: readonly TaskReason[] = [
  'asked_for_human',
  'declined_all',
  'no_match',
  'helper_outside_window',
  'offline_resident_step',
  'follow_up_no',
  'handover_timeout',
  'misunderstood',
  'emergency',
  'refusal_reply',
  'undelivered_notice',
  'money',
  'complaint',
  'offline_registration',
  'contact_via_referent',
];

/** Where a task is. */
export type TaskStatus = 'open' | 'taken' | 'done';

/** How a referent ended a task (what the resident is told). */
export type TaskOutcome = 'reached' | 'helped' | 'not_reachable' | 'closed';

/** Every {@link TaskOutcome}, for validation and the referents' choices. */
export const TASK_OUTCOMES: readonly TaskOutcome[] = ['reached', 'helped', 'not_reachable', 'closed'];

/** How pressing a task is (sorted high first). */
export type TaskUrgency = 'high' | 'normal';

/** The contact the resident agreed to share with the referents. */
export interface TaskContact {
  phone?: string;
  email?: string;
}

/** A notice as data (`type` and what its text needs), as a module sent it. */
export interface StepNotice {
  readonly type: string;
  readonly [field: string]: unknown;
}

/**
 * A step of a resident without Messenger (`offline_resident_step`): whom the referent calls
 * and the Messenger notice they would have been sent, rendered for the referent as a call
 * script, with the notice's own answers when it asks a question.
 */
export interface OfflineStep {
  /** How to address them on the phone ("Mme Martin"); absent for someone registered without a name. */
  addressAs?: string;
  /** The notice, as the module sent it. */
  notice: StepNotice;
}

/** What a caller knows when it creates a task. */
export interface NewTask {
  /** The resident concerned (the referent, for `undelivered_notice`). */
  psid: string;
  reason: TaskReason;
  /**
   * What the task is about (an entry id, a match id, a handover id…): with `psid` and
   * `reason`, the same promise made twice leaves one open task.
   */
  subject?: string;
  /** The resident's own words (screened before they are stored). */
  words?: string;
  category?: Category;
  urgency?: TaskUrgency;
  neighbourhood?: string;
  contact?: TaskContact;
  /** What the bot already told the resident (a locale key or a short note, for the referent). */
  told?: string;
  /** Minutes before the task is due (the module's default otherwise). */
  dueInMinutes?: number;
  /**
   * The referent whose task it is first (the one who registered a resident without Messenger,
   * the one who refused the entry for `refusal_reply`); every referent still sees it.
   */
  assignedTo?: string;
  /** For `offline_resident_step`: whom to call, and the notice that became this task. */
  step?: OfflineStep;
}

/** A stored task (collection `tasks`). */
export interface Task {
  _id: ObjectId;
  psid: string;
  reason: TaskReason;
  subject?: string;
  /** `psid|reason|subject` while the task is open or taken (unique), unset once done. */
  openKey?: string;
  words?: string;
  category?: Category;
  urgency: TaskUrgency;
  neighbourhood?: string;
  contact?: TaskContact;
  told?: string;
  /** The referent whose task it is first; every referent still sees it. */
  assignedTo?: string;
  step?: OfflineStep;
  status: TaskStatus;
  createdAt: Date;
  dueAt: Date;
  takenBy?: string;
  takenAt?: Date;
  doneBy?: string;
  doneAt?: Date;
  outcome?: TaskOutcome;
  note?: string;
  /** When the admins were told nobody took it. */
  escalatedAt?: Date;
}
