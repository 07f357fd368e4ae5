/**
 * "Mes données": what is stored and why, an export as a French message, and the deletion
 * of everything after an explicit confirmation.
 */
import type { CardAction } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from 'botbuilder-dialogs';
import { t } from '../../services/i18n';
import { splitText } from '../../services/messaging/splitText';
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import type { Logger } from '../../services/logger';
import type { PrivacyPort } from '../ports';
import { DialogId } from '../ids';
import { MenuPayload, Payload, TestimonialPayload } from '../payload';
import { PromptId, choiceOptions, choicePrompt, chosen } from '../prompts';
import { choice, withChoices, withMenu, yesNoChoices } from '../replies';
import {
  WithdrawTestimonialDialog,
  type WithdrawTestimonialPort,
} from '../testimonials/withdrawTestimonialDialog';
import { exportText } from './exportText';

const WATERFALL = 'privacyWaterfall';

/** Options of the privacy dialog. */
export interface PrivacyOptions {
  /** Go straight to the deletion question ("supprimer mes données"). */
  deleteNow?: boolean;
}

/** What the dialog ends with once everything about the resident was erased. */
export interface DataErased {
  dataErased: true;
}

/** True for the result of a privacy dialog that erased the resident's data. */
export function isDataErased(result: unknown): result is DataErased {
  return typeof result === 'object' && result !== null && (result as DataErased).dataErased === true;
}

const privacyChoices = (): CardAction[] => [
  choice(t('privacy.export'), Payload.privacyExport),
  choice(t('privacy.delete'), Payload.privacyDelete),
  choice(t('testimonialWithdraw.privacyTitle'), TestimonialPayload.privacyWithdraw),
  choice(t('menu.help'), MenuPayload.help),
];
const deleteChoices = (): CardAction[] => yesNoChoices(t('privacy.deleteYes'), t('privacy.deleteNo'));

/** Explains, exports and deletes the resident's data. */
export class PrivacyDialog extends CancelAndHelpDialog {
  constructor(
    private readonly privacy: PrivacyPort,
    private readonly testimonials: WithdrawTestimonialPort,
    private readonly logger: Logger,
  ) {
    super(DialogId.privacy);
    this.addDialog(choicePrompt()).addDialog(
      new WaterfallDialog(WATERFALL, [
        this.introStep.bind(this),
        this.exportOrDeleteStep.bind(this),
        this.deleteStep.bind(this),
      ]),
    );
    this.addDialog(new WithdrawTestimonialDialog(testimonials, logger));
    this.initialDialogId = WATERFALL;
  }

  /** What is stored and why; export or delete. */
  private async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.options as PrivacyOptions | undefined)?.deleteNow) return step.next(Payload.privacyDelete);
    return step.prompt(
      PromptId.choice,
      choiceOptions(t('privacy.intro'), privacyChoices(), t('privacy.retry')),
    );
  }

  /** Sends the export, asks to confirm the deletion, or withdraws a testimonial. */
  private async exportOrDeleteStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked =
      step.result === Payload.privacyDelete ? Payload.privacyDelete : chosen(step.result, privacyChoices());
    if (picked === Payload.privacyDelete) {
      return step.prompt(
        PromptId.choice,
        choiceOptions(t('privacy.deleteConfirm'), deleteChoices(), t('privacy.retry')),
      );
    }
    if (picked === TestimonialPayload.privacyWithdraw)
      return step.replaceDialog(DialogId.withdrawTestimonial);
    const data = await this.privacy.exportData(step.context.activity.from.id);
    const text = exportText(data);
    if (!text) {
      await step.context.sendActivity(withMenu(t('privacy.exportEmpty')));
      return step.endDialog();
    }
    const parts = splitText(text);
    for (const part of parts.slice(0, -1)) await step.context.sendActivity(part);
    await step.context.sendActivity(withChoices(parts[parts.length - 1], privacyChoices()));
    return step.endDialog();
  }

  /**
   * Once confirmed: takes back the consent to publish their testimonials (published posts
   * are deleted from the Page), then erases everything stored about them (the same erasure
   * as the retention job's, see `services/privacy/erasure.ts`); ends with {@link DataErased}
   * so that the bot's state goes too.
   */
  private async deleteStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (chosen(step.result, deleteChoices()) !== Payload.yes) {
      await step.context.sendActivity(withMenu(t('privacy.kept')));
      return step.endDialog();
    }
    const psid = step.context.activity.from.id;
    const withdrawal = await this.testimonials.withdraw({ psid });
    const erased = await this.privacy.erase(psid);
    this.logger.info('resident data deleted', {
      ...erased,
      testimonialsWithdrawn: withdrawal.withdrawn,
      postsDeleted: withdrawal.postsDeleted,
    });
    await step.context.sendActivity(withMenu(t('privacy.deleted')));
    // The caller (the main dialog) deletes the bot's own state about the resident.
    return step.endDialog({ dataErased: true } satisfies DataErased);
  }
}
