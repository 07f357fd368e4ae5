/**
 * A new task's document, checked: a known reason, the resident's psid, the due time from
 * the urgency, and the resident's words screened of contact details.
 */
import { CodedError, ErrorCode } from '../errors';
import { screenText, type ScreeningWords } from '../screening/screenText';
import { cleanOptionalText, isCategory, requirePsid } from '../validation';
import type { TaskSettings } from './ports';
import type { UnsavedTask } from './taskRepository';
import { TASK_REASONS, type NewTask, type OfflineStep, type TaskContact } from './types';

/** Minutes before a task is due when the caller says nothing (then escalated if untaken). */
export const DEFAULT_TASK_DUE_MINUTES = 120;
/** Minutes before an urgent task is due. */
export const URGENT_TASK_DUE_MINUTES = 30;
/** Longest words of a resident kept on a task, in characters. */
export const MAX_WORDS_LENGTH = 600;
const MAX_TOLD_LENGTH = 200;
const MINUTE_MS = 60_000;

/**
 * The task to store for `input`, created at `now`: urgent for an emergency, due after the
 * caller's minutes or the settings' (or the defaults).
 *
 * @throws CodedError `payload_invalid` for an unknown reason or a malformed psid.
 */
export function validNewTask(
  input: NewTask,
  now: Date,
  settings: TaskSettings = {},
  screening?: ScreeningWords,
): UnsavedTask {
  const psid = requirePsid(input.psid);
  if (!TASK_REASONS.includes(input.reason)) {
    throw new CodedError(ErrorCode.PayloadInvalid, 'unknown task reason');
  }
  const urgency = input.urgency === 'high' || input.reason === 'emergency' ? 'high' : 'normal';
  const dueInMinutes =
    input.dueInMinutes ??
    (urgency === 'high'
      ? (settings.urgentDueMinutes ?? URGENT_TASK_DUE_MINUTES)
      : (settings.dueMinutes ?? DEFAULT_TASK_DUE_MINUTES));
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
  const words = screenedWords(input.words, screening);
  if (words) task.words = words;
  if (isCategory(input.category)) task.category = input.category;
  const neighbourhood = cleanOptionalText(input.neighbourhood, 100, 'neighbourhood');
  if (neighbourhood) task.neighbourhood = neighbourhood;
  const contact = contactOf(input.contact);
  if (contact) task.contact = contact;
  const told = cleanOptionalText(input.told, MAX_TOLD_LENGTH, 'told');
  if (told) task.told = told;
  if (input.assignedTo !== undefined) task.assignedTo = requirePsid(input.assignedTo);
  const step = stepOf(input.step);
  if (step) task.step = step;
  return task;
}

/**
 * `text` with contact details replaced by the `screening` placeholders, trimmed and cut at
 * `max` characters; undefined when nothing is left.
 */
export function screenedWords(
  text: string | undefined,
  screening: ScreeningWords | undefined,
  max = MAX_WORDS_LENGTH,
): string | undefined {
  if (typeof text !== 'string') return undefined;
  const clean = screenText(text, { words: screening }).text.trim();
  return clean ? Array.from(clean).slice(0, max).join('') : undefined;
}

function stepOf(step: OfflineStep | undefined): OfflineStep | undefined {
  if (!step || typeof step.notice?.type !== 'string') return undefined;
  const addressAs = cleanOptionalText(step.addressAs, 100, 'addressAs');
  return addressAs ? { addressAs, notice: step.notice } : { notice: step.notice };
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
