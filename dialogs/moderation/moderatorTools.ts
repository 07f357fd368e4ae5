/**
 * What the main routing does with a referent: the `MOD_…` payloads (only for active
 * moderators; anyone else gets the resident menu and nothing else), and their menu in
 * place of the residents' on "menu", Get Started and greetings.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { ErrorCode } from '../../services/errors';
import { t } from '../../services/i18n';
import { ModerationError } from '../../services/moderation';
import type { Logger } from '../../services/logger';
import type { ResidentNotifier } from '../../services/messaging/notifier';
import type { ConsoleLinkPort, EntriesPort, MatchingPort, ModerationPort, TasksPort } from '../ports';
import { DialogId } from '../ids';
import { ModPayload, ModPrefix, idAfter } from '../payload';
import { withMenu } from '../replies';
import { close, handoverList, handoverView, take } from './handoverTools';
import { backToMenu, moderatorMenu } from './moderatorMenu';
import { readReject } from './modPayload';
import { approve, entryView, pendingList, refuseReasons, reject } from './reviewTools';
import { answerStep, readStepAnswer } from './offlineStepTools';
import { completeTask, outcomeChoices, readOutcome, takeTask, taskList, taskView } from './taskTools';

/** What a referent's payload led to: a dialog to start, or nothing more. */
export interface ModeratorOutcome {
  begin?: { id: string; options?: object };
}

/** What the referents' tools call. */
export interface ModeratorToolsDeps {
  moderation: Pick<ModerationPort, 'moderators' | 'qualification' | 'handover'>;
  /**
   * An approved entry is matched at once (`entryPublished`); a referent records the answer of
   * a resident without Messenger with the use cases of the residents' buttons.
   */
  matching: Pick<MatchingPort, 'entryPublished' | 'answerSuggestion' | 'answerRequest' | 'recordFollowUp'>;
  /** Renewing or closing the entry of a resident without Messenger, as they answered. */
  entries: Pick<EntriesPort, 'renew' | 'close'>;
  notifier: ResidentNotifier;
  logger: Logger;
  tasks: TasksPort;
  clock: () => Date;
  /** Sign-in links to the referents' console; without it, no "Ouvrir la console". */
  consoleLink?: ConsoleLinkPort;
}

/** True for an active moderator. */
export async function isModerator(
  context: TurnContext,
  deps: { moderation: Pick<ModerationPort, 'moderators'> },
): Promise<boolean> {
  return deps.moderation.moderators.isModerator(context.activity.from.id);
}

/** Shows the referents' menu to a moderator; false (nothing sent) for anyone else. */
export async function showModeratorMenu(
  context: TurnContext,
  deps: Pick<ModeratorToolsDeps, 'moderation' | 'tasks' | 'consoleLink'>,
): Promise<boolean> {
  if (!(await isModerator(context, deps))) return false;
  await context.sendActivity(await moderatorMenu(deps, context.activity.from.id));
  return true;
}

/** Serves a `MOD_…` payload. */
export async function handleModeratorPayload(
  context: TurnContext,
  deps: ModeratorToolsDeps,
  payload: string,
): Promise<ModeratorOutcome> {
  const psid = context.activity.from.id;
  if (!(await isModerator(context, deps))) {
    await context.sendActivity(withMenu(t('interrupt.menu')));
    return {};
  }
  if (payload === ModPayload.register) return { begin: { id: DialogId.assistedRegistration } };
  let reply: Partial<Activity>;
  try {
    reply = await answer(deps, psid, payload);
  } catch (error) {
    if (!(error instanceof ModerationError)) throw error;
    deps.logger.info('moderator action refused', { code: error.code });
    if (error.code === ErrorCode.NotModerator) reply = withMenu(t('interrupt.menu'));
    else reply = backToMenu(t('moderatorMenu.alreadyDone'));
  }
  await context.sendActivity(reply);
  return {};
}

/** The answer to one payload; throws the services' {@link ModerationError}. */
async function answer(deps: ModeratorToolsDeps, psid: string, payload: string): Promise<Partial<Activity>> {
  switch (payload) {
    case ModPayload.menu:
      return moderatorMenu(deps, psid);
    case ModPayload.residentMenu:
      return withMenu(t('interrupt.menu'));
    case ModPayload.pending:
      return pendingList(deps, psid);
    case ModPayload.handovers:
      return handoverList(deps, psid);
    case ModPayload.tasks:
      return taskList(taskDeps(deps), psid);
    case ModPayload.console:
      if (!deps.consoleLink) return moderatorMenu(deps, psid, t('understanding.unknownPayload'));
      return backToMenu(t('console.signIn.messengerLink', { url: await deps.consoleLink(psid) }));
  }
  const ended = readOutcome(payload);
  if (ended) return completeTask(taskDeps(deps), psid, ended.id, ended.outcome);
  const answered = readStepAnswer(payload);
  if (answered) return answerStep(deps, psid, answered.id, answered.yes);
  const rejection = readReject(payload);
  if (rejection) return reject(deps, psid, rejection.entryId, rejection.reason);
  const id = (prefix: string) => idAfter(payload, prefix);
  const entry = id(ModPrefix.entry);
  if (entry) return entryView(deps, psid, entry);
  const approved = id(ModPrefix.approve);
  if (approved) return approve(deps, psid, approved);
  const refused = id(ModPrefix.refuse);
  if (refused) return refuseReasons(refused);
  const handover = id(ModPrefix.handover);
  if (handover) return handoverView(deps, psid, handover);
  const taken = id(ModPrefix.take);
  if (taken) return take(deps, psid, taken);
  const closed = id(ModPrefix.close);
  if (closed) return close(deps, psid, closed);
  const task = id(ModPrefix.task);
  if (task) return taskView(taskDeps(deps), psid, task);
  const takenTask = id(ModPrefix.taskTake);
  if (takenTask) return takeTask(taskDeps(deps), psid, takenTask);
  const doneTask = id(ModPrefix.taskDone);
  if (doneTask) return outcomeChoices(doneTask);
  return moderatorMenu(deps, psid, t('understanding.unknownPayload'));
}

function taskDeps(deps: ModeratorToolsDeps): { tasks: TasksPort; now: () => Date } {
  return { tasks: deps.tasks, now: deps.clock };
}
