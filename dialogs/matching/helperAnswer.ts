/**
 * A helper's answer to a request (`MATCH_ACCEPT_<id>` / `MATCH_DECLINE_<id>`), which can
 * arrive at any time in the helper's own conversation.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Resident } from '../../services/domain/types';
import { t } from '../../services/i18n';
import type { MatchesPort, ResidentsPort } from '../ports';
import { PayloadPrefix, idAfter } from '../payload';
import { categoryName, withMenu } from '../replies';
import { askNextHelper, type MoveOnDeps } from './askHelper';

/** What answering a helper calls. */
export type HelperAnswerDeps = MoveOnDeps & {
  matches: Pick<MatchesPort, 'accept' | 'decline'>;
  residents: Pick<ResidentsPort, 'get'>;
};

/** The contact details `resident` agreed to share, or null for "through the page only". */
export function sharedContact(resident: Resident | null): string | null {
  if (!resident) return null;
  const { channels, phone, email } = resident.contact;
  const parts: string[] = [];
  if (channels.includes('phone') && phone) parts.push(t('match.phone', { phone }));
  if (channels.includes('email') && email) parts.push(t('match.email', { email }));
  return parts.length > 0 ? t('match.contactOf', { contact: parts.join(', ') }) : null;
}

/** True when the payload is a helper's answer. */
export function isHelperAnswer(payload: string | undefined): boolean {
  return (
    idAfter(payload, PayloadPrefix.matchAccept) !== undefined ||
    idAfter(payload, PayloadPrefix.matchDecline) !== undefined
  );
}

/** The reply to the helper: with the menu when idle; plain when a question follows. */
function reply(text: string, idle: boolean): Partial<Activity> | string {
  return idle ? withMenu(`${text}\n${t('greeting.menuPrompt')}`) : text;
}

/**
 * Handles a helper's answer. When `idle` is false the helper was answering another
 * question, which the caller asks again after this reply.
 */
export async function handleHelperAnswer(
  context: TurnContext,
  deps: HelperAnswerDeps,
  payload: string,
  idle: boolean,
): Promise<void> {
  const helperPsid = context.activity.from.id;
  const acceptId = idAfter(payload, PayloadPrefix.matchAccept);
  if (acceptId) {
    await accept(context, deps, acceptId, helperPsid, idle);
    return;
  }
  const declineId = idAfter(payload, PayloadPrefix.matchDecline);
  if (!declineId) return;
  const declined = await deps.matches.decline(declineId, helperPsid);
  if (!declined) {
    await context.sendActivity(reply(t('match.stale'), idle));
    return;
  }
  await context.sendActivity(reply(t('match.helperDeclined'), idle));
  await askNextHelper(deps, declined);
}

/** Both sides receive what the other agreed to share; page-only contacts go through a referent. */
async function accept(
  context: TurnContext,
  deps: HelperAnswerDeps,
  matchId: string,
  helperPsid: string,
  idle: boolean,
): Promise<void> {
  const match = await deps.matches.accept(matchId, helperPsid);
  if (!match) {
    await context.sendActivity(reply(t('match.stale'), idle));
    return;
  }
  const [asker, helper] = await Promise.all([
    deps.residents.get(match.needPsid),
    deps.residents.get(helperPsid),
  ]);
  const askerContact = sharedContact(asker);
  const helperContact = sharedContact(helper);
  if (!askerContact || !helperContact) {
    await deps.attention.flag(match.needPsid, 'asked_for_human', `contact_via_referent ${matchId}`);
  }
  await context.sendActivity(
    reply(t('match.helperAccepted', { contact: askerContact ?? t('match.contactPrivate') }), idle),
  );
  const told = await deps.notifier.notify(
    match.needPsid,
    withMenu(
      t('match.needAccepted', {
        category: categoryName(match.category),
        contact: helperContact ?? t('match.contactPrivate'),
      }),
    ),
  );
  if (told !== 'sent') await deps.attention.flag(match.needPsid, 'match_outside_window', matchId);
}
