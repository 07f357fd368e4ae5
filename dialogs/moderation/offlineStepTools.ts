/**
 * The referent records the answer of a resident without Messenger to a step's question
 * (`MOD_TASKYES_` / `MOD_TASKNO_<taskId>`): the same use case as the resident's own button
 * would have called, on their behalf, then the task is done (outcome `reached`).
 */
import type { Activity } from 'botbuilder';
import { t } from '../../services/i18n';
import type { StepNotice, Task } from '../../services/tasks';
import { contactText } from '../notices/matching';
import { stepQuestion } from '../notices/offline';
import type { EntriesPort, MatchingPort, TasksPort } from '../ports';
import { ModPayload, ModPrefix, idAfter } from '../payload';
import { choice } from '../replies';
import { backToMenu } from './moderatorMenu';

/** What recording an answer calls: the use cases behind the residents' buttons. */
export interface StepAnswerDeps {
  tasks: Pick<TasksPort, 'get' | 'complete'>;
  matching: Pick<MatchingPort, 'answerSuggestion' | 'answerRequest' | 'recordFollowUp' | 'entryPublished'>;
  entries: Pick<EntriesPort, 'renew' | 'close'>;
}

/** The payload of a step's answer. */
export function stepAnswerPayload(yes: boolean, taskId: string): string {
  return `${yes ? ModPrefix.taskYes : ModPrefix.taskNo}${taskId}`;
}

/** The task id and the answer of a step's answer payload, if it is one. */
export function readStepAnswer(payload: string): { id: string; yes: boolean } | undefined {
  const yes = idAfter(payload, ModPrefix.taskYes);
  if (yes) return { id: yes, yes: true };
  const no = idAfter(payload, ModPrefix.taskNo);
  return no ? { id: no, yes: false } : undefined;
}

const field = (notice: StepNotice, name: string): string => {
  const value = notice[name];
  return typeof value === 'string' ? value : '';
};

/**
 * Calls the use case the person's button would have called, as them; what the referent is
 * told, or undefined when the question is no longer waiting (answered, lapsed, withdrawn).
 */
async function record(
  deps: StepAnswerDeps,
  task: Task,
  notice: StepNotice,
  yes: boolean,
): Promise<string | undefined> {
  const psid = task.psid;
  switch (stepQuestion(notice)) {
    case 'suggestion': {
      const outcome = await deps.matching.answerSuggestion(field(notice, 'matchId'), psid, yes);
      if (outcome.status === 'stale') return undefined;
      if (outcome.status === 'asked') {
        return t(outcome.sent ? 'tasks.offline.done.helperAsked' : 'tasks.offline.done.helperViaReferent');
      }
      return t(outcome.next ? 'tasks.offline.done.nextSuggested' : 'tasks.offline.done.stillLooking');
    }
    case 'request': {
      const outcome = await deps.matching.answerRequest(field(notice, 'matchId'), psid, yes);
      if (outcome.status === 'stale') return undefined;
      if (outcome.status === 'declined') return t('tasks.offline.done.declined');
      const contact = contactText(outcome.askerContact) ?? t('tasks.offline.what.contactByReferent');
      return t('tasks.offline.done.accepted', { contact });
    }
    case 'followUp': {
      const recorded = await deps.matching.recordFollowUp(field(notice, 'matchId'), psid, yes);
      if (!recorded) return undefined;
      return t(yes ? 'tasks.offline.done.followUpYes' : 'tasks.offline.done.followUpNo');
    }
    case 'renewal': {
      const entryId = field(notice, 'entryId');
      const done = yes ? await deps.entries.renew(entryId, psid) : await deps.entries.close(entryId, psid);
      if (!done) return undefined;
      // Renewed: matched again at once, as when the resident renews it themself.
      if (yes) await deps.matching.entryPublished(entryId);
      return t(yes ? 'tasks.offline.done.renewed' : 'tasks.offline.done.closed');
    }
    default:
      return undefined;
  }
}

/**
 * Records the person's answer to the step's question and ends the task (`reached`); when
 * the question no longer waits, says so and leaves the task to end with an outcome.
 */
export async function answerStep(
  deps: StepAnswerDeps,
  referent: string,
  id: string,
  yes: boolean,
): Promise<Partial<Activity>> {
  const task = await deps.tasks.get(id);
  const notice = task?.step?.notice;
  if (!task || task.status === 'done' || !notice) return backToMenu(t('tasks.gone'));
  const said = await record(deps, task, notice, yes);
  if (said === undefined) {
    return backToMenu(t('tasks.offline.stale'), [choice(t('tasks.done'), `${ModPrefix.taskDone}${id}`)]);
  }
  await deps.tasks.complete(referent, id, 'reached');
  return backToMenu(`${said}\n${t('tasks.offline.completed')}`, [choice(t('tasks.next'), ModPayload.tasks)]);
}
