/**
 * "Mes données": what is stored and why, a summary ("Voir mes données"), a full copy as a
 * French message ("Recevoir une copie"), and the deletion of everything after an explicit
 * confirmation. Each can be asked in words (see `readDataRequest` in ../keywords.ts) and
 * each button it leaves behind still works once the dialog has ended (the router starts
 * the dialog again at that choice).
 */
import type { CardAction } from 'botbuilder';
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from '../botbuilderDialogs';
import { t } from '../../services/i18n';
import { splitText } from '../../services/messaging/splitText';
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import { expectPayloads } from '../expectedPayloads';
import { readDataRequest, type DataRequest } from '../keywords';
import type { Logger } from '../../services/logger';
import type { PrivacyPort } from '../ports';
import { DialogId } from '../ids';
import { MenuPayload, Payload, TestimonialPayload, readText } from '../payload';
import { PromptId, choiceOptions, choicePrompt, chosen } from '../prompts';
import { choice, withChoices, withMenu, yesNoChoices } from '../replies';
import {
  WithdrawTestimonialDialog,
  type WithdrawTestimonialPort,
} from '../testimonials/withdrawTestimonialDialog';
import { exportText, summaryText } from './exportText';

const WATERFALL = 'privacyWaterfall';

/** Options of the privacy dialog. */
export interface PrivacyOptions {
  /** Go straight to a choice ("voir mes données", "envoyez-moi mes infos", "supprimez tout"). */
  start?: DataRequest;
  /** Go straight to the deletion question (kept for the dialog states saved before `start`). */
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

/** The payload of each choice a resident can ask in words. */
const START_PAYLOADS: Record<DataRequest, string> = {
  see: Payload.privacySee,
  export: Payload.privacyExport,
  delete: Payload.privacyDelete,
};

/** The payloads that start "Mes données" at a choice, from any turn (see the router). */
export const PRIVACY_PAYLOADS: Readonly<Record<string, DataRequest>> = {
  [Payload.privacySee]: 'see',
  [Payload.privacyExport]: 'export',
  [Payload.privacyDelete]: 'delete',
};

/** The choices of "Mes données", without `done` (the one just answered). */
const privacyChoices = (done?: string): CardAction[] =>
  [
    choice(t('privacy.seeTitle'), Payload.privacySee),
    choice(t('privacy.copyTitle'), Payload.privacyExport),
    choice(t('privacy.delete'), Payload.privacyDelete),
    choice(t('testimonialWithdraw.privacyTitle'), TestimonialPayload.privacyWithdraw),
    choice(t('menu.help'), MenuPayload.help),
  ].filter((action) => action.value !== done);
const deleteChoices = (): CardAction[] => yesNoChoices(t('privacy.deleteYes'), t('privacy.deleteNo'));

/** Explains, shows, exports and deletes the resident's data. */
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
        this.chosenStep.bind(this),
        this.deleteStep.bind(this),
      ]),
    );
    this.addDialog(new WithdrawTestimonialDialog(testimonials, logger));
    this.initialDialogId = WATERFALL;
  }

  /**
   * "supprimez tout", "envoyez-moi mes infos" typed while one of its questions is asked:
   * start again at that choice rather than ask to use the buttons.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const request = readDataRequest(readText(innerDc.context.activity));
    if (request && innerDc.activeDialog?.id === PromptId.choice) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(WATERFALL, { start: request } satisfies PrivacyOptions);
    }
    return super.onContinueDialog(innerDc);
  }

  /** What is stored and why; see, copy or delete (skipped when the resident already said which). */
  private async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as PrivacyOptions | undefined;
    const start = options?.start ?? (options?.deleteNow ? 'delete' : undefined);
    if (start) return step.next(START_PAYLOADS[start]);
    const choices = privacyChoices();
    expectPayloads(
      step,
      choices.map((action) => String(action.value)),
    );
    return step.prompt(PromptId.choice, choiceOptions(t('privacy.intro'), choices, t('privacy.retry')));
  }

  /** Shows the summary, sends the copy, asks to confirm the deletion, or withdraws a testimonial. */
  private async chosenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = typeof step.result === 'string' ? step.result : chosen(step.result, privacyChoices());
    if (picked === Payload.privacyDelete) {
      return step.prompt(
        PromptId.choice,
        choiceOptions(t('privacy.deleteConfirm'), deleteChoices(), t('privacy.retry')),
      );
    }
    if (picked === TestimonialPayload.privacyWithdraw)
      return step.replaceDialog(DialogId.withdrawTestimonial);
    if (picked === MenuPayload.help) {
      await step.context.sendActivity(withMenu(t('help.text')));
      return step.endDialog();
    }
    const data = await this.privacy.exportData(step.context.activity.from.id);
    const text = picked === Payload.privacySee ? summaryText(data) : exportText(data);
    if (!text) {
      await step.context.sendActivity(withMenu(t('privacy.exportEmpty')));
      return step.endDialog();
    }
    const parts = splitText(text);
    for (const part of parts.slice(0, -1)) await step.context.sendActivity(part);
    // The buttons outlive the dialog: the router starts it again at the one tapped.
    await step.context.sendActivity(withChoices(parts[parts.length - 1], privacyChoices(picked)));
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
