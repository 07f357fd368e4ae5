/**
 * A helper's answer to a request (`MATCH_ACCEPT_<id>` / `MATCH_DECLINE_<id>`), which can
 * arrive at any time in the helper's own conversation: the matching module decides, this
 * file says it in French.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { Resident } from '../../services/domain/types';
import type { OfferUsedUpNotice } from '../../services/entries';
import { t } from '../../services/i18n';
import { sharedContactOf } from '../../services/matching';
import type { MatchingPort } from '../ports';
import { renderNotice } from '../notices';
import { contactText } from '../notices/matching';
import { readTypedAnswer } from '../keywords';
import { PayloadPrefix, idAfter } from '../payload';
import { withMenu } from '../replies';

/** The contact details `resident` agreed to share, in French, or null for "through the page only". */
export function sharedContact(resident: Resident | null): string | null {
  return contactText(sharedContactOf(resident));
}

/** What a helper's answer (and a need's author's answer to a suggestion) needs: the matching module's use cases. */
export interface HelperAnswerDeps {
  matching: Pick<
    MatchingPort,
    'answerRequest' | 'pendingRequestFor' | 'answerSuggestion' | 'pendingSuggestionFor'
  >;
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
  await answerRequest(context, deps, matchId, acceptId !== undefined, idle);
}

/**
 * Handles a helper's typed yes or no ("oui avec plaisir", "désolé je ne peux pas") to the
 * request they were asked last and have not answered: the same as tapping its button.
 *
 * @returns false when the text is not such an answer or no request waits for this helper
 * (the message is then for the dialogs).
 */
export async function handleTypedHelperAnswer(
  context: TurnContext,
  deps: HelperAnswerDeps,
  text: string | undefined,
  idle: boolean,
): Promise<boolean> {
  const accepted = readTypedAnswer(text);
  if (accepted === undefined) return false;
  const matchId = await deps.matching.pendingRequestFor(context.activity.from.id);
  if (!matchId) return false;
  await answerRequest(context, deps, matchId, accepted, idle);
  return true;
}

async function answerRequest(
  context: TurnContext,
  deps: HelperAnswerDeps,
  matchId: string,
  accepted: boolean,
  idle: boolean,
): Promise<void> {
  const outcome = await deps.matching.answerRequest(matchId, context.activity.from.id, accepted);
  if (outcome.status === 'stale') {
    await context.sendActivity(reply(t('match.stale'), idle));
  } else if (outcome.status === 'declined') {
    await context.sendActivity(reply(t('match.helperDeclined'), idle));
  } else {
    const contact = contactText(outcome.askerContact) ?? t('match.contactPrivate');
    const thanks = t('match.helperAccepted', { contact });
    if (!outcome.offerUsedUp) {
      await context.sendActivity(reply(thanks, idle));
      return;
    }
    // A one-off offer is used up: its owner may publish it again or make it regular.
    await context.sendActivity(thanks);
    const usedUp: OfferUsedUpNotice = {
      type: 'entries.offerUsedUp',
      entryId: outcome.match.offerId.toHexString(),
      category: outcome.match.category,
    };
    await context.sendActivity(renderNotice(usedUp));
  }
}
