/**
 * The referents' menu: entries to review, conversations handed over, registering someone
 * who is not online, and the residents' menu.
 */
import type { Activity, CardAction } from 'botbuilder';
import { t } from '../../services/i18n';
import type { DialogDeps } from '../deps';
import { choice, withChoices } from '../replies';
import { ModPayload } from './modPayload';

/** The menu's quick replies, with the counts. */
export function moderatorChoices(pending: number, handoffs: number): CardAction[] {
  return [
    choice(t('moderatorMenu.menu.pending', { count: pending }), ModPayload.pending),
    choice(t('moderatorMenu.menu.handoffs', { count: handoffs }), ModPayload.handoffs),
    choice(t('moderatorMenu.menu.register'), ModPayload.register),
    choice(t('moderatorMenu.menu.residentMenu'), ModPayload.residentMenu),
  ];
}

/** `text` (the menu's intro by default) with the referents' menu and today's counts. */
export async function moderatorMenu(
  deps: DialogDeps,
  psid: string,
  text?: string,
): Promise<Partial<Activity>> {
  const [pending, handoffs] = await Promise.all([
    deps.moderation.qualification.listPendingEntries(psid),
    deps.moderation.handover.openHandoffs(psid),
  ]);
  const intro = text ?? t('moderatorMenu.menu.intro', { pending: pending.length, handoffs: handoffs.length });
  return withChoices(intro, moderatorChoices(pending.length, handoffs.length));
}

/** Just the menu's quick replies after `text`, without counting again. */
export function backToMenu(text: string, extra: CardAction[] = []): Partial<Activity> {
  return withChoices(text, [...extra, choice(t('moderatorMenu.menu.back'), ModPayload.menu)]);
}
