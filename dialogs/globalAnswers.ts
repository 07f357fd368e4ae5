/**
 * What a resident can send at any time, whatever is being asked, decided once per turn
 * before the dialog stack runs (see `MainDialog.run`).
 *
 * @remarks
 * In order: emergency words (the numbers at once, a referent handed the conversation, the
 * dialogs ended), or the buttons of an earlier "Est-ce une urgence ?" (the question itself,
 * asked by the router when nothing is being asked and only the classifier suspects one, is
 * ./emergencyQuestionDialog.ts); a helper's answer to a request (`MATCH_ACCEPT_…`/`MATCH_DECLINE_…`), a need's author's
 * answer to a suggested helper (`MATCH_ASK_…`/`MATCH_SKIP_…`) and an
 * answer to a job's question (`FOLLOWUP_…`, `ENTRY_RENEW_…`/`ENTRY_CLOSE_…`), to a used-up
 * offer's question (`ENTRY_REPUBLISH_…`/`ENTRY_REGULAR_…`, buttons only), tapped, or
 * typed when nothing is being asked ("oui avec plaisir", "oui toujours"), unless the
 * question being asked declared it expects that payload (see ./expectedPayloads.ts; "Mes
 * annonces" offers them again).
 * Mid-form, only the confident verdict (`understanding.emergency`) gives the numbers, never
 * the classifier's suspicion; and an answer the entry form reads in the context of its
 * question never reaches these checks (see `MainDialog.run`).
 */
import type { TurnContext } from 'botbuilder';
import { answerEmergency } from './emergency';
import {
  handleJobAnswer,
  handleTypedJobAnswer,
  isJobAnswer,
  type JobAnswerDeps,
} from './jobAnswers/jobAnswer';
import {
  handleHelperAnswer,
  handleTypedHelperAnswer,
  isHelperAnswer,
  type HelperAnswerDeps,
} from './matching/helperAnswer';
import {
  handleSuggestionAnswer,
  handleTypedSuggestionAnswer,
  isSuggestionAnswer,
} from './matching/suggestionAnswer';
import type { HandOverDeps } from './moderation/handOver';
import { handleUsedUpOfferAnswer, isUsedUpOfferAnswer, type UsedUpOfferDeps } from './entry/usedUpOffer';
import { t } from '../services/i18n';
import { normalize, readSmallTalk } from './keywords';
import { Payload, readLocation, readPayload, readText } from './payload';
import { attachmentReply } from './routeReplies';
import { withMenu } from './replies';
import type { Turn } from './turn';

/** What was answered: an emergency (the dialogs must end), or another global answer. */
export type GlobalAnswer = 'emergency' | 'answered';

/** Where the conversation stands when the message arrives. */
export interface TurnSituation {
  /** Nothing is being asked (the replies then end with the menu; otherwise the question is asked again). */
  idle: boolean;
  /** True when the question being asked declared it takes `payload`. */
  expects(payload: string): boolean;
}

/**
 * Mid-form, only a question is read as one about the service: a description or a time may
 * name the town hall or money ("ma maman qui est malade", "je paye 10 euros").
 */
const QUESTION_START =
  /^(est ce qu|combien|c est combien|ca coute|ca coute combien|c est gratuit|c est payant|c est la mairie|vous etes|qui etes)\b/;

/** True when `text` is put as a question. */
function asksAQuestion(text: string): boolean {
  return text.includes('?') || QUESTION_START.test(normalize(text));
}

/** Answers the messages that can arrive in any dialog. */
export class GlobalAnswers {
  constructor(
    private readonly handover: HandOverDeps,
    private readonly helpers: HelperAnswerDeps,
    private readonly jobs: JobAnswerDeps,
    private readonly usedUpOffers: UsedUpOfferDeps,
  ) {}

  /** Answers the message when it is a global one; undefined when it is for the dialogs. */
  async answer(
    context: TurnContext,
    turn: Turn,
    situation: TurnSituation,
  ): Promise<GlobalAnswer | undefined> {
    if (context.activity.type !== 'message') return undefined;
    const emergency = turn.understanding?.emergency;
    if (emergency) {
      await answerEmergency(context, emergency, this.handover, turn);
      return 'emergency';
    }
    const payload = readPayload(context.activity);
    // The question being asked reads its own buttons (dialogs/emergencyQuestionDialog.ts);
    // these are the buttons of an earlier one.
    if (payload === Payload.emergencyYes && !situation.expects(payload)) {
      await answerEmergency(context, null, this.handover, turn);
      return 'emergency';
    }
    if (payload === Payload.emergencyNo && !situation.expects(payload)) {
      await context.sendActivity(
        situation.idle ? withMenu(t('emergency.notEmergency')) : t('emergency.notEmergency'),
      );
      return 'answered';
    }
    // Suspected by the understanding alone: the router asks, keeping what the message asked.
    if (situation.idle && turn.understanding?.unsureEmergency) return undefined;
    if (!payload) {
      // A helper's typed "oui" or "désolé, je ne peux pas" answers their request, unless a
      // question of the dialogs is waiting for that answer.
      if (!situation.idle) return this.answerAside(context);
      const text = readText(context.activity);
      const typed =
        (await handleTypedHelperAnswer(context, this.helpers, text, true)) ||
        (await handleTypedSuggestionAnswer(context, this.helpers, text, true)) ||
        (await handleTypedJobAnswer(context, this.jobs, text, true));
      return typed ? 'answered' : undefined;
    }
    if (isHelperAnswer(payload) && !situation.expects(payload)) {
      await handleHelperAnswer(context, this.helpers, payload, situation.idle);
      return 'answered';
    }
    if (isSuggestionAnswer(payload)) {
      await handleSuggestionAnswer(context, this.helpers, payload, situation.idle);
      return 'answered';
    }
    if (isJobAnswer(payload) && !situation.expects(payload)) {
      await handleJobAnswer(context, this.jobs, payload, situation.idle);
      return 'answered';
    }
    if (isUsedUpOfferAnswer(payload) && !situation.expects(payload)) {
      await handleUsedUpOfferAnswer(context, this.usedUpOffers, payload, situation.idle);
      return 'answered';
    }
    return undefined;
  }

  /**
   * In the middle of a question: a short question about the service ("c'est combien ?",
   * "c'est la mairie ?", "vous êtes un robot ?"), a voice message, a photo or a file is
   * answered kindly, then the caller asks the question again (never a "Je n'ai pas compris").
   */
  private async answerAside(context: TurnContext): Promise<GlobalAnswer | undefined> {
    const text = readText(context.activity);
    const talk = text && asksAQuestion(text) ? readSmallTalk(text) : undefined;
    if (talk === 'price' || talk === 'who' || talk === 'bot') {
      await context.sendActivity(t(`smallTalk.${talk}InForm`));
      return 'answered';
    }
    if (text || readLocation(context.activity) || !context.activity.attachments?.length) return undefined;
    await context.sendActivity(t(attachmentReply(context)));
    return 'answered';
  }
}
