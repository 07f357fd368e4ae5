/**
 * "Est-ce une urgence ?", asked when only the understanding suspects one, and its answer
 * read in context: tapped, or typed ("oui vite", "ouiii", "non merci", "pas du tout").
 * Yes gives the numbers and the hand-over to a referent, as for a sure emergency; no goes on
 * with what the first message asked (the need form, its category kept); anything else asks
 * once more, then a referent answers.
 */
import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { Dialog, WaterfallDialog } from './botbuilderDialogs';
import type { AttentionReason } from '../services/domain/types';
import { t } from '../services/i18n';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { expectPayloads } from './expectedPayloads';
import { DialogId } from './ids';
import { readEmergencyAnswer } from './keywords';
import type { AlsoRequest } from './laterPayloads';
import { Payload, readPayload, readText } from './payload';
import type { Understanding } from './ports';
import { choice, withChoices, withMenu } from './replies';

const WATERFALL = 'emergencyQuestionWaterfall';

/** What the question calls: the turn's understanding, the emergency answer, the hand-over. */
export interface EmergencyQuestionDeps {
  /** What the understanding made of the turn's typed text (null for a tap). */
  understanding(context: TurnContext): Understanding | null;
  /** The numbers, then the conversation handed to a referent (as for a sure emergency). */
  emergency(context: TurnContext): Promise<void>;
  /** Hands the conversation to a referent. */
  handOver(context: TurnContext, reason: AttentionReason): Promise<void>;
}

/** The request the first message carried, to go on with when it is not an emergency. */
export interface CarriedRequest {
  id: string;
  options?: object;
  /** A second request of the same message, offered once the first one's dialog ended. */
  also?: AlsoRequest;
}

/** Options of the question. */
export interface EmergencyQuestionOptions {
  request?: CarriedRequest;
  /** The first answer was neither yes nor no: this is the second asking. */
  retried?: boolean;
}

/** How the question ended. */
export type EmergencyQuestionResult =
  | { outcome: 'emergency' }
  | { outcome: 'handedOver' }
  | { outcome: 'notEmergency'; request?: CarriedRequest };

/** True for a result of this dialog. */
export function isEmergencyQuestionResult(result: unknown): result is EmergencyQuestionResult {
  return typeof result === 'object' && result !== null && 'outcome' in result;
}

/** Asks whether someone is in danger, and acts on the answer. */
export class EmergencyQuestionDialog extends CancelAndHelpDialog {
  constructor(private readonly deps: EmergencyQuestionDeps) {
    super(DialogId.emergencyQuestion);
    this.addDialog(new WaterfallDialog(WATERFALL, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  /** Asks the question with "Oui, c'est urgent" / "Non" (again, after an answer not understood). */
  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { retried } = (step.options ?? {}) as EmergencyQuestionOptions;
    await step.context.sendActivity(question(retried === true));
    expectPayloads(step, [Payload.emergencyYes, Payload.emergencyNo]);
    return Dialog.EndOfTurn;
  }

  /** Asks the question again (after "aide", or a global answer in between). */
  protected override async onRepromptDialog(context: TurnContext): Promise<void> {
    await context.sendActivity(question(false));
  }

  /** Reads the answer: the numbers, the request carried on, or the question once more. */
  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as EmergencyQuestionOptions;
    const answer = this.answerOf(step.context);
    if (answer === true) {
      await this.deps.emergency(step.context);
      return step.endDialog({ outcome: 'emergency' } satisfies EmergencyQuestionResult);
    }
    if (answer === false) {
      if (!options.request) {
        await step.context.sendActivity(withMenu(t('emergency.notEmergency')));
        return step.endDialog({ outcome: 'notEmergency' } satisfies EmergencyQuestionResult);
      }
      await step.context.sendActivity(t('emergency.notEmergencyContinue'));
      return step.endDialog({
        outcome: 'notEmergency',
        request: options.request,
      } satisfies EmergencyQuestionResult);
    }
    if (!options.retried) {
      return step.replaceDialog(WATERFALL, { ...options, retried: true } satisfies EmergencyQuestionOptions);
    }
    // Still unclear: a person answers, in case someone is in danger.
    await step.context.sendActivity(t('emergency.askHandover'));
    await this.deps.handOver(step.context, 'emergency');
    return step.endDialog({ outcome: 'handedOver' } satisfies EmergencyQuestionResult);
  }

  /**
   * Yes, no or neither: the buttons, the typed words, and an answer that itself sounds like
   * an emergency ("elle respire mal") is a yes.
   */
  private answerOf(context: TurnContext): boolean | undefined {
    const payload = readPayload(context.activity);
    if (payload === Payload.emergencyYes) return true;
    if (payload === Payload.emergencyNo) return false;
    if (payload) return undefined;
    const typed = readEmergencyAnswer(readText(context.activity));
    if (typed !== undefined) return typed;
    const understanding = this.deps.understanding(context);
    return understanding?.unsureEmergency || understanding?.emergency ? true : undefined;
  }
}

/** "Est-ce une urgence ?" with its two buttons (after an answer not understood: "Pardon…"). */
function question(retried: boolean): ReturnType<typeof withChoices> {
  return withChoices(t(retried ? 'emergency.askRetry' : 'emergency.ask'), [
    choice(t('emergency.askYes'), Payload.emergencyYes),
    choice(t('emergency.askNo'), Payload.emergencyNo),
  ]);
}
