/**
 * The description of an offer or a need: phone numbers, e-mails, links and addresses are removed (and
 * the resident told why); money gets a reminder that everything is free and a chance to rewrite.
 */
import type { WaterfallStepContext, DialogTurnResult } from 'botbuilder-dialogs';
import { WaterfallDialog } from 'botbuilder-dialogs';
import type { EntryKind } from '../../services/domain/types';
import { t } from '../../services/i18n';
import { mentionsMoney } from '../../services/nlu';
import { removalNotices, screenText } from '../screening';
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import { DialogId } from '../ids';
import { Payload } from '../payload';
import { PromptId, choiceOptions, choicePrompt, chosen, textOptions, textPrompt } from '../prompts';
import { choice } from '../replies';

const WATERFALL = 'describeWaterfall';

/** What the description dialog returns. */
export interface DescribeResult {
  description: string;
  /** Money was still mentioned after the reminder. */
  money: boolean;
}

/** Options of the description dialog. */
export interface DescribeOptions {
  kind: EntryKind;
}

/** What the waterfall remembers between steps. */
interface DescribeValues {
  description?: string;
}

const moneyChoices = () => [
  choice(t('form.rewrite'), Payload.rewrite),
  choice(t('form.keep'), Payload.keepText),
];

/** Asks for the description. */
export class DescribeDialog extends CancelAndHelpDialog {
  constructor() {
    super(DialogId.describe);
    this.addDialog(textPrompt())
      .addDialog(choicePrompt())
      .addDialog(
        new WaterfallDialog(WATERFALL, [
          this.askStep.bind(this),
          this.checkStep.bind(this),
          this.moneyChoiceStep.bind(this),
          this.rewrittenStep.bind(this),
        ]),
      );
    this.initialDialogId = WATERFALL;
  }

  /** Asks what is offered or needed. */
  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { kind } = step.options as DescribeOptions;
    const question = t(kind === 'offer' ? 'form.descriptionOffer' : 'form.descriptionNeed');
    return step.prompt(PromptId.text, textOptions(question, t('form.descriptionRetry')));
  }

  /** Removes contact details; reminds that services are free when money is mentioned. */
  private async checkStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const description = await this.cleaned(step, step.context.activity.text ?? '');
    (step.values as DescribeValues).description = description;
    if (!mentionsMoney(description))
      return step.endDialog({ description, money: false } satisfies DescribeResult);
    const choices = moneyChoices();
    return step.prompt(
      PromptId.choice,
      choiceOptions(t('form.moneyReminder'), choices, t('form.retryButtons')),
    );
  }

  /** Keeps the text (flagged) or asks for a new one. */
  private async moneyChoiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (chosen(step.result, moneyChoices()) === Payload.keepText) {
      await step.context.sendActivity(t('form.moneyKept'));
      return step.endDialog({
        description: (step.values as DescribeValues).description ?? '',
        money: true,
      } satisfies DescribeResult);
    }
    return step.prompt(PromptId.text, textOptions(t('form.rewritePrompt'), t('form.descriptionRetry')));
  }

  /** Takes the rewritten text; money still there means it is flagged. */
  private async rewrittenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const description = await this.cleaned(step, step.context.activity.text ?? '');
    const money = mentionsMoney(description);
    if (money) await step.context.sendActivity(t('form.moneyKept'));
    return step.endDialog({ description, money } satisfies DescribeResult);
  }

  /** The text screened (see `screenText`), telling the resident when something was removed. */
  private async cleaned(step: WaterfallStepContext, text: string): Promise<string> {
    const screened = screenText(text.trim());
    for (const notice of removalNotices(screened.removed, 'description'))
      await step.context.sendActivity(notice);
    return screened.text;
  }
}
