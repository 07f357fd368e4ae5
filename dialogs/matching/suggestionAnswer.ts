/**
 * A need's author answers a suggested helper (`MATCH_ASK_<id>`, `MATCH_ORDER_<id>`: ask them
 * and accept the order, `MATCH_SKIP_<id>`), at any time in their own conversation: the
 * matching module decides, this file says it in French.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { t } from '../../services/i18n';
import type { MatchingPort } from '../ports';
import { distanceText } from './distanceText';
import { PayloadPrefix, idAfter } from '../payload';
import { withMenu } from '../replies';
import { normalize, readTypedAnswer } from '../keywords';

/** What the author's answer needs: the matching module's use case. */
export interface SuggestionAnswerDeps {
  matching: Pick<MatchingPort, 'answerSuggestion'>;
}

/** What a typed answer needs besides: the suggestion waiting for the author. */
export interface TypedSuggestionAnswerDeps {
  matching: Pick<MatchingPort, 'answerSuggestion' | 'pendingSuggestionFor'>;
}

/** "Dans l'ordre", "et le suivant si besoin", "l'un après l'autre": the author accepts the order. */
const IN_ORDER =
  /\b(dans l ordre|par ordre|suivants? si besoin|suivants? s il (ne )?(peut|peuvent) pas|l un apres l autre|les uns apres les autres|(puis|et|sinon) (au |le |les |aux )?suivants?|in order|the next one if needed)\b/;
/** Refusing first ("non, le suivant"): that is skipping this helper, never accepting the order. */
const REFUSAL_START = /^(non|nan|nn|pas lui|pas celui)/;

/** True when the typed text accepts the order ("d'accord, demandez dans l'ordre"). */
export function readsInOrder(text: string | undefined): boolean {
  if (!text || text.includes('?')) return false;
  const typed = normalize(text);
  return typed.length <= 80 && !REFUSAL_START.test(typed) && IN_ORDER.test(typed);
}

/**
 * The author's typed "oui, demandez-lui", "d'accord, dans l'ordre" or "non merci" answers the
 * helper last suggested to them, like its buttons; false when the text is no such answer, or
 * nothing waits.
 */
export async function handleTypedSuggestionAnswer(
  context: TurnContext,
  deps: TypedSuggestionAnswerDeps,
  text: string | undefined,
  idle: boolean,
): Promise<boolean> {
  const inOrder = readsInOrder(text);
  const yes = inOrder || readTypedAnswer(text);
  if (yes === undefined) return false;
  const matchId = await deps.matching.pendingSuggestionFor(context.activity.from.id);
  if (!matchId) return false;
  const prefix = inOrder
    ? PayloadPrefix.matchInOrder
    : yes
      ? PayloadPrefix.matchAsk
      : PayloadPrefix.matchSkip;
  await handleSuggestionAnswer(context, deps, `${prefix}${matchId}`, idle);
  return true;
}

/** True when the payload answers a suggested helper. */
export function isSuggestionAnswer(payload: string | undefined): boolean {
  return (
    idAfter(payload, PayloadPrefix.matchAsk) !== undefined ||
    idAfter(payload, PayloadPrefix.matchInOrder) !== undefined ||
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
  const inOrderId = idAfter(payload, PayloadPrefix.matchInOrder);
  const askId = idAfter(payload, PayloadPrefix.matchAsk) ?? inOrderId;
  const matchId = askId ?? idAfter(payload, PayloadPrefix.matchSkip);
  if (!matchId) return;
  const outcome = await deps.matching.answerSuggestion(
    matchId,
    context.activity.from.id,
    askId !== undefined,
    {
      inOrder: inOrderId !== undefined,
    },
  );
  if (outcome.status === 'stale') {
    await context.sendActivity(reply(t('suggest.stale'), idle));
  } else if (outcome.status === 'asked') {
    const text = !outcome.sent
      ? t('suggest.askedToReferent')
      : t(outcome.inOrder ? 'suggest.askedInOrder' : 'suggest.asked', {
          distance: distanceText(outcome.distanceMeters),
        });
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
