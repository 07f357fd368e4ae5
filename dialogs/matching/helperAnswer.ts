/**
 * A helper's answer to a request (`MATCH_ACCEPT_<id>` / `MATCH_DECLINE_<id>`), which can
 * arrive at any time in the helper's own conversation: the matching module decides, this
 * file says it in French.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Resident } from '../../services/domain/types';
import { t } from '../../services/i18n';
import { sharedContactOf } from '../../services/matching';
import type { MatchingPort } from '../ports';
import { contactText } from '../notices/matching';
import { PayloadPrefix, idAfter } from '../payload';
import { withMenu } from '../replies';

/** The contact details `resident` agreed to share, in French, or null for "through the page only". */
export function sharedContact(resident: Resident | null): string | null {
  return contactText(sharedContactOf(resident));
}

/** What a helper's answer needs: the matching module's use cases. */
export interface HelperAnswerDeps {
  matching: Pick<MatchingPort, 'answerRequest'>;
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
 * Handles a helper's answer: both sides receive what the other agreed to share (the asker
 * through the module's notice), page-only contacts go through a referent; a decline moves
 * the need on. When `idle` is false the helper was answering another question, which the
 * caller asks again after this reply.
 */
export async function handleHelperAnswer(
  context: TurnContext,
  deps: HelperAnswerDeps,
  payload: string,
  idle: boolean,
): Promise<void> {
  const acceptId = idAfter(payload, PayloadPrefix.matchAccept);
  const matchId = acceptId ?? idAfter(payload, PayloadPrefix.matchDecline);
  if (!matchId) return;
  const outcome = await deps.matching.answerRequest(
    matchId,
    context.activity.from.id,
    acceptId !== undefined,
  );
  if (outcome.status === 'stale') {
    await context.sendActivity(reply(t('match.stale'), idle));
  } else if (outcome.status === 'declined') {
    await context.sendActivity(reply(t('match.helperDeclined'), idle));
  } else {
    const contact = contactText(outcome.askerContact) ?? t('match.contactPrivate');
    await context.sendActivity(reply(t('match.helperAccepted', { contact }), idle));
  }
}
