/**
 * The referents' tasks from Messenger: the list (their neighbourhoods first, then by
 * urgency and age), one task with the resident's words, what the bot told them and the
 * contact they share, "je m'en occupe", then "terminer" with an outcome the resident is told.
 * A step of a resident without Messenger shows its call script and the notice's own answers
 * (offlineStepTools.ts).
 */
import type { Activity } from 'botbuilder';
import { t } from '../../services/i18n';
import { TASK_OUTCOMES, type Task, type TaskOutcome } from '../../services/tasks';
import { callScript, stepAnswerTitles } from '../notices/offline';
import { taskOutcomeLabel, taskReasonLabel, waitedText } from '../notices/tasks';
import type { TasksPort } from '../ports';
import { ModPayload, ModPrefix, idAfter } from '../payload';
import { categoryName, choice, frenchDate, withChoices } from '../replies';
import { backToMenu } from './moderatorMenu';
import { stepAnswerPayload } from './offlineStepTools';
import { MAX_LISTED } from './reviewTools';

const EXCERPT_LENGTH = 60;
/** A call script is cut longer in the list: whom to call and why fit. */
const SCRIPT_EXCERPT_LENGTH = 140;

/** What the task tools call. */
export interface TaskToolsDeps {
  tasks: TasksPort;
  now: () => Date;
}

/** `MOD_TASKOUT_NOT_REACHABLE_<id>` for an outcome and a task id. */
export function outcomePayload(outcome: TaskOutcome, id: string): string {
  return `${ModPrefix.taskOutcome}${outcome.toUpperCase()}_${id}`;
}

/** The outcome and task id of an outcome payload, if it is one. */
export function readOutcome(payload: string): { outcome: TaskOutcome; id: string } | undefined {
  if (!payload.startsWith(ModPrefix.taskOutcome)) return undefined;
  const rest = payload.slice(ModPrefix.taskOutcome.length);
  const id = idAfter(rest.slice(-25), '_');
  const named = rest.slice(0, -25).toLowerCase();
  const outcome = TASK_OUTCOMES.find((known) => known === named);
  return id && outcome ? { outcome, id } : undefined;
}

/** The tasks waiting, one line and one quick reply each. */
export async function taskList(deps: TaskToolsDeps, psid: string): Promise<Partial<Activity>> {
  const tasks = await deps.tasks.listFor(psid);
  if (tasks.length === 0) return backToMenu(t('tasks.none'));
  const shown = tasks.slice(0, MAX_LISTED);
  const now = deps.now();
  const lines = shown.map((task, index) => {
    const line = t('tasks.line', { index: index + 1, ...describe(task, psid, now) });
    const script = callScript(task);
    if (script) return `${line}\n   ${cut(script, SCRIPT_EXCERPT_LENGTH)}`;
    return task.words ? `${line}\n   « ${cut(task.words)} »` : line;
  });
  const header = t('tasks.intro', { shown: shown.length, total: tasks.length });
  return backToMenu(
    [header, ...lines].join('\n'),
    shown.map((task, index) =>
      choice(t('tasks.pick', { index: index + 1 }), `${ModPrefix.task}${task._id.toHexString()}`),
    ),
  );
}

/** One task, in full, with what the referent can do. */
export async function taskView(deps: TaskToolsDeps, psid: string, id: string): Promise<Partial<Activity>> {
  const task = await deps.tasks.get(id);
  if (!task || task.status === 'done') return backToMenu(t('tasks.gone'));
  const script = callScript(task);
  const text = script
    ? t('tasks.offline.detail', {
        ...describe(task, psid, deps.now()),
        since: frenchDate(task.createdAt),
        script,
      })
    : t('tasks.detail', {
        ...describe(task, psid, deps.now()),
        since: frenchDate(task.createdAt),
        words: task.words ? `« ${task.words} »` : t('tasks.noWords'),
        told: task.told ? toldText(task.told) : t('tasks.noTold'),
        contact: contactText(task),
      });
  const answers = task.step ? stepAnswerTitles(task.step) : undefined;
  const actions = [
    ...(answers
      ? [choice(answers.yes, stepAnswerPayload(true, id)), choice(answers.no, stepAnswerPayload(false, id))]
      : []),
    ...(task.status === 'open' ? [choice(t('tasks.take'), `${ModPrefix.taskTake}${id}`)] : []),
    choice(t('tasks.done'), `${ModPrefix.taskDone}${id}`),
    choice(t('tasks.backToList'), ModPayload.tasks),
  ];
  return withChoices(Array.from(text).slice(0, 2000).join(''), actions);
}

/** The referent takes the task. */
export async function takeTask(deps: TaskToolsDeps, psid: string, id: string): Promise<Partial<Activity>> {
  const taken = await deps.tasks.take(psid, id);
  if (!taken) return backToMenu(t('moderatorMenu.alreadyDone'));
  return backToMenu(t('tasks.taken'), [choice(t('tasks.done'), `${ModPrefix.taskDone}${id}`)]);
}

/** Asks for the outcome of the task. */
export function outcomeChoices(id: string): Partial<Activity> {
  return withChoices(t('tasks.outcomeQuestion'), [
    ...TASK_OUTCOMES.map((outcome) => choice(taskOutcomeLabel(outcome), outcomePayload(outcome, id))),
    choice(t('tasks.backToList'), ModPayload.tasks),
  ]);
}

/** Ends the task with `outcome`: the resident is told it in words. */
export async function completeTask(
  deps: TaskToolsDeps,
  psid: string,
  id: string,
  outcome: TaskOutcome,
): Promise<Partial<Activity>> {
  const done = await deps.tasks.complete(psid, id, outcome);
  if (!done) return backToMenu(t('moderatorMenu.alreadyDone'));
  const key =
    done.residentTold || done.task.reason === 'undelivered_notice'
      ? 'tasks.completed'
      : 'tasks.completedNotTold';
  return backToMenu(t(key, { outcome: taskOutcomeLabel(outcome) }), [
    choice(t('tasks.next'), ModPayload.tasks),
  ]);
}

function describe(
  task: Task,
  psid: string,
  now: Date,
): { reason: string; category: string; quartier: string; urgent: string; state: string; waited: string } {
  const state =
    task.status === 'open'
      ? t('tasks.stateOpen')
      : task.takenBy === psid
        ? t('tasks.stateMine')
        : t('tasks.stateTaken');
  return {
    reason: taskReasonLabel(task.reason),
    category: task.category ? categoryName(task.category) : t('tasks.noCategory'),
    quartier: task.neighbourhood ?? t('moderatorMenu.review.noQuartier'),
    urgent: task.urgency === 'high' ? t('tasks.urgent') : '',
    state,
    waited: waitedText(task, now),
  };
}

/** The French of what the bot told the resident: a locale key, or a note already in words. */
function toldText(told: string): string {
  try {
    return `« ${t(told)} »`;
  } catch {
    return told;
  }
}

function contactText(task: Task): string {
  const parts = [task.contact?.phone, task.contact?.email].filter((part): part is string => !!part);
  return parts.length > 0 ? parts.join(', ') : t('tasks.noContact');
}

function cut(text: string, length = EXCERPT_LENGTH): string {
  const characters = Array.from(text.replace(/\s+/g, ' '));
  return characters.length > length ? `${characters.slice(0, length - 1).join('')}…` : text;
}
