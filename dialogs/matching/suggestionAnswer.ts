/**
 * A need's author answers a suggested helper (`MATCH_ASK_<id>` / `MATCH_SKIP_<id>`), at any
 * time in their own conversation: the matching module decides, this file says it in French.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { t } from '../../services/i18n';
import type { MatchingPort } from '../ports';
import { distanceText } from './distanceText';
import { PayloadPrefix, idAfter } from '../payload';
import { withMenu } from '../replies';
import { readTypedAnswer } from '../keywords';

/** What the author's answer needs: the matching module's use case. */
export interface SuggestionAnswerDeps {
  matching: Pick<MatchingPort, 'answerSuggestion'>;
}

/** What a typed answer needs besides: the suggestion waiting for the author. */
export interface TypedSuggestionAnswerDeps {
  matching: Pick<MatchingPort, 'answerSuggestion' | 'pendingSuggestionFor'>;
}

/**
 * The author's typed "oui, demandez-lui" or "non merci" answers the helper last suggested to
 * them, like its buttons; false when the text is no yes or no, or nothing waits.
 */
export async function handleTypedSuggestionAnswer(
  context: TurnContext,
  deps: TypedSuggestionAnswerDeps,
  text: string | undefined,
  idle: boolean,
): Promise<boolean> {
  const yes = readTypedAnswer(text);
  if (yes === undefined) return false;
  const matchId = await deps.matching.pendingSuggestionFor(context.activity.from.id);
  if (!matchId) return false;
  const prefix = yes ? PayloadPrefix.matchAsk : PayloadPrefix.matchSkip;
  await handleSuggestionAnswer(context, deps, `${prefix}${matchId}`, idle);
  return true;
}

/** True when the payload answers a suggested helper. */
export function isSuggestionAnswer(payload: string | undefined): boolean {
  return (
    idAfter(payload, PayloadPrefix.matchAsk) !== undefined ||
    idAfter(payload, PayloadPrefix.matchSkip) !== undefined
  );
}

/** The reply: with the menu when idle; plain when a question follows. */
function reply(text: string, idle: boolean): Partial<Activity> | string {
  return idle ? withMenu(`${text}\n${t('greeting.menuPrompt')}`) : text;
}

/**
 * Handles the author's answer: yes asks the helper (only now can the author's contact reach
 * them); no, or a helper no longer available, leaves the next suggestion (already sent as a
 * notice) or says the need stays open.
 */
export async function handleSuggestionAnswer(
  context: TurnContext,
  deps: SuggestionAnswerDeps,
  payload: string,
  idle: boolean,
): Promise<void> {
  const askId = idAfter(payload, PayloadPrefix.matchAsk);
  const matchId = askId ?? idAfter(payload, PayloadPrefix.matchSkip);
  if (!matchId) return;
  const outcome = await deps.matching.answerSuggestion(
    matchId,
    context.activity.from.id,
    askId !== undefined,
  );
  if (outcome.status === 'stale') {
    await context.sendActivity(reply(t('suggest.stale'), idle));
  } else if (outcome.status === 'asked') {
    const text = outcome.sent
      ? t('suggest.asked', { distance: distanceText(outcome.distanceMeters) })
      : t('suggest.askedToReferent');
    await context.sendActivity(reply(text, idle));
  } else if (outcome.status === 'gone') {
    // With a next helper, its suggestion (sent as a notice) follows this apology.
    await context.sendActivity(
      outcome.next ? t('suggest.gone') : reply(`${t('suggest.gone')} ${t('suggest.stillLooking')}`, idle),
    );
  } else if (!outcome.next) {
    await context.sendActivity(reply(t('suggest.stillLooking'), idle));
  }
}
