/**
 * "Retirer mon témoignage": the resident picks one of their testimonials and confirms; the
 * consent is withdrawn and, when the testimonial was published, its post is deleted from
 * the Page and the admins are told.
 */
import type { CardAction } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from '../botbuilderDialogs';
import { t } from '../../services/i18n';
import type { StoredTestimonial } from '../../services/testimonials';
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import type { Logger } from '../../services/logger';
import type { TestimonialsPort } from '../ports';
import { DialogId } from '../ids';
import { Payload, TestimonialPrefix, idAfter } from '../payload';
import { PromptId, choiceOptions, choicePrompt, chosen } from '../prompts';
import { MAX_QUICK_REPLIES, choice, frenchDate, withMenu, yesNoChoices } from '../replies';
import { WITHDRAWABLE, excerpt, testimonialStatus } from './residentTestimonials';

const WATERFALL = 'withdrawTestimonialWaterfall';

/** What the waterfall remembers. */
interface WithdrawValues {
  /** Ids offered to the resident: only their own testimonials can be withdrawn here. */
  offered?: string[];
  /** The quick replies offered, to read a typed title too. */
  choices?: CardAction[];
  picked?: string;
}

const confirmChoices = (): CardAction[] =>
  yesNoChoices(t('testimonialWithdraw.confirmYes'), t('testimonialWithdraw.confirmNo'));

/** What withdrawing a testimonial calls. */
export type WithdrawTestimonialPort = Pick<TestimonialsPort, 'listByResident' | 'get' | 'withdraw'>;

/** Withdraws the consent for one of the resident's testimonials. */
export class WithdrawTestimonialDialog extends CancelAndHelpDialog {
  constructor(
    private readonly testimonials: WithdrawTestimonialPort,
    private readonly logger: Logger,
  ) {
    super(DialogId.withdrawTestimonial);
    this.addDialog(choicePrompt()).addDialog(
      new WaterfallDialog(WATERFALL, [
        this.chooseStep.bind(this),
        this.confirmStep.bind(this),
        this.withdrawStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  /** Lists the resident's testimonials still alive; skips the question when there is one. */
  private async chooseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const all = await this.testimonials.listByResident(step.context.activity.from.id);
    const alive = all.filter((item) => WITHDRAWABLE.includes(item.status)).slice(0, MAX_QUICK_REPLIES);
    const values = step.values as WithdrawValues;
    values.offered = alive.map((item) => item._id.toHexString());
    if (alive.length === 0) {
      await step.context.sendActivity(withMenu(t('testimonialWithdraw.none')));
      return step.endDialog();
    }
    if (alive.length === 1) return step.next(alive[0]);
    const list = alive.map((item, index) =>
      t('testimonialWithdraw.line', {
        index: index + 1,
        date: frenchDate(item.createdAt),
        status: testimonialStatus(item.status),
        excerpt: excerpt(item.text),
      }),
    );
    const choices = alive.map((item, index) =>
      choice(
        t('testimonialWithdraw.title', { index: index + 1, date: frenchDate(item.createdAt) }),
        `${TestimonialPrefix.withdraw}${item._id.toHexString()}`,
      ),
    );
    values.choices = choices;
    return step.prompt(
      PromptId.choice,
      choiceOptions(
        t('testimonialWithdraw.choose', { list: list.join('\n') }),
        choices,
        t('testimonialDialog.retry'),
      ),
    );
  }

  /** Asks to confirm, naming the testimonial. */
  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as WithdrawValues;
    const testimonial = await this.picked(step, values);
    if (!testimonial) {
      await step.context.sendActivity(withMenu(t('testimonialWithdraw.failed')));
      return step.endDialog();
    }
    values.picked = testimonial._id.toHexString();
    const text = t('testimonialWithdraw.confirm', {
      date: frenchDate(testimonial.createdAt),
      excerpt: excerpt(testimonial.text),
    });
    return step.prompt(PromptId.choice, choiceOptions(text, confirmChoices(), t('testimonialDialog.retry')));
  }

  /** Withdraws the consent; the post is deleted when there was one. */
  private async withdrawStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { picked } = step.values as WithdrawValues;
    if (chosen(step.result, confirmChoices()) !== Payload.yes || !picked) {
      await step.context.sendActivity(withMenu(t('testimonialWithdraw.kept')));
      return step.endDialog();
    }
    const report = await this.testimonials.withdraw({ id: picked });
    const key =
      report.withdrawn === 0
        ? 'testimonialWithdraw.failed'
        : report.deleteFailed > 0
          ? 'testimonialWithdraw.doneDeleteLater'
          : report.postsDeleted > 0
            ? 'testimonialWithdraw.doneDeleted'
            : 'testimonialWithdraw.done';
    this.logger.info('testimonial consent withdrawn', { testimonial: picked, ...report });
    await step.context.sendActivity(withMenu(t(key)));
    return step.endDialog();
  }

  /** The testimonial chosen (or the only one), if it is one of those offered. */
  private async picked(
    step: WaterfallStepContext,
    values: WithdrawValues,
  ): Promise<StoredTestimonial | null> {
    const only = step.result as StoredTestimonial | undefined;
    if (values.offered?.length === 1 && only?._id) return only;
    const id = idAfter(chosen(step.result, values.choices ?? []), TestimonialPrefix.withdraw);
    return id && values.offered?.includes(id) ? this.testimonials.get(id) : null;
  }
}
