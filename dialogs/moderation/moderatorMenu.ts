/**
 * The referents' menu: their tasks, entries to review, conversations handed over,
 * registering someone who is not online, and the residents' menu.
 */
import type { Activity, CardAction } from 'botbuilder';
import { t } from '../../services/i18n';
import type { ConsoleLinkPort, ModerationPort, TasksPort } from '../ports';
import { choice, withChoices } from '../replies';
import { ModPayload, TestimonialPayload } from '../payload';

/** What the referents' menu calls (to count what waits). */
export interface ModeratorMenuDeps {
  moderation: Pick<ModerationPort, 'qualification' | 'handover' | 'moderators'>;
  tasks: Pick<TasksPort, 'count'>;
  /** With it, the menu offers "Ouvrir la console". */
  consoleLink?: ConsoleLinkPort;
}

/**
 * The menu's quick replies, with the counts (tasks first); admins also review testimonials;
 * "Ouvrir la console" when the console is there (`console`).
 */
export function moderatorChoices(
  pending: number,
  handovers: number,
  admin = false,
  tasks = 0,
  withConsole = false,
): CardAction[] {
  return [
    choice(t('tasks.menu', { count: tasks }), ModPayload.tasks),
    choice(t('moderatorMenu.menu.pending', { count: pending }), ModPayload.pending),
    choice(t('moderatorMenu.menu.handoffs', { count: handovers }), ModPayload.handovers),
    ...(admin ? [choice(t('moderatorMenu.menu.testimonials'), TestimonialPayload.adminList)] : []),
    ...(withConsole ? [choice(t('console.signIn.menu'), ModPayload.console)] : []),
    choice(t('moderatorMenu.menu.register'), ModPayload.register),
    choice(t('moderatorMenu.menu.residentMenu'), ModPayload.residentMenu),
  ];
}

/** `text` (the menu's intro by default) with the referents' menu and today's counts. */
export async function moderatorMenu(
  deps: ModeratorMenuDeps,
  psid: string,
  text?: string,
): Promise<Partial<Activity>> {
  const [pending, handovers, admin, tasks] = await Promise.all([
    deps.moderation.qualification.listPendingEntries(psid),
    deps.moderation.handover.openHandovers(psid),
    deps.moderation.moderators.isAdmin(psid),
    deps.tasks.count(psid),
  ]);
  const intro =
    text ?? t('moderatorMenu.menu.intro', { pending: pending.length, handoffs: handovers.length, tasks });
  return withChoices(
    intro,
    moderatorChoices(pending.length, handovers.length, admin, tasks, deps.consoleLink !== undefined),
  );
}

/** Just the menu's quick replies after `text`, without counting again. */
export function backToMenu(text: string, extra: CardAction[] = []): Partial<Activity> {
  return withChoices(text, [...extra, choice(t('moderatorMenu.menu.back'), ModPayload.menu)]);
}
