/**
 * An admin chooses the publication day of a testimonial: typed in French, read back for
 * confirmation, then the testimonial is approved (if still pending) and scheduled.
 */
import type { Activity, CardAction } from 'botbuilder';
import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { ActivityPrompt, WaterfallDialog } from '../botbuilderDialogs';
import { t } from '../../services/i18n';
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import type { Clock } from '../../services/clock';
import type { Logger } from '../../services/logger';
import type { TestimonialsPort } from '../ports';
import { DialogId } from '../ids';
import { Payload, readText } from '../payload';
import { PromptId, choiceOptions, choicePrompt, chosen, textOptions } from '../prompts';
import { yesNoChoices } from '../replies';
import { longFrenchDate, parsePublicationDate } from './publicationDate';
import type { ReviewOutcome, ReviewTarget } from './reviewOutcome';

const WATERFALL = 'scheduleTestimonialWaterfall';
const DATE_PROMPT = 'publicationDatePrompt';

/** What the waterfall remembers. */
interface ScheduleValues {
  /** The chosen day, as an ISO instant (dialog state is stored as JSON). */
  publishAt?: string;
}

const confirmChoices = (): CardAction[] =>
  yesNoChoices(t('testimonialAdmin.dateYes'), t('testimonialAdmin.dateNo'));

/** Asks, confirms and records the publication day. */
export class ScheduleTestimonialDialog extends CancelAndHelpDialog {
  constructor(
    private readonly testimonials: Pick<TestimonialsPort, 'get' | 'approve' | 'schedule'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    super(DialogId.scheduleTestimonial);
    const readsDate = (prompt: PromptValidatorContext<Activity>): Promise<boolean> => {
      const text = prompt.recognized.value ? readText(prompt.recognized.value) : undefined;
      return Promise.resolve(text !== undefined && parsePublicationDate(text, clock()) !== undefined);
    };
    this.addDialog(new ActivityPrompt(DATE_PROMPT, readsDate))
      .addDialog(choicePrompt())
      .addDialog(
        new WaterfallDialog(WATERFALL, [
          this.askStep.bind(this),
          this.confirmStep.bind(this),
          this.scheduleStep.bind(this),
        ]),
      );
    this.initialDialogId = WATERFALL;
  }

  /** Asks the day. */
  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(
      DATE_PROMPT,
      textOptions(t('testimonialAdmin.datePrompt'), t('testimonialAdmin.dateRetry')),
    );
  }

  /** Reads the day back in full. */
  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const date = parsePublicationDate(readText(step.context.activity) ?? '', this.clock());
    if (!date) return step.endDialog({ message: t('testimonialAdmin.notChanged') } satisfies ReviewOutcome);
    (step.values as ScheduleValues).publishAt = date.toISOString();
    const text = t('testimonialAdmin.dateConfirm', { date: longFrenchDate(date) });
    return step.prompt(PromptId.choice, choiceOptions(text, confirmChoices(), t('testimonialAdmin.retry')));
  }

  /** Approves a pending testimonial and schedules it. */
  private async scheduleStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { publishAt } = step.values as ScheduleValues;
    if (chosen(step.result, confirmChoices()) !== Payload.yes || !publishAt) {
      return step.endDialog({ message: t('testimonialAdmin.notChanged') } satisfies ReviewOutcome);
    }
    const { id } = step.options as ReviewTarget;
    const date = new Date(publishAt);
    const current = await this.testimonials.get(id);
    if (current?.status === 'pending') await this.testimonials.approve(id, step.context.activity.from.id);
    const scheduled = await this.testimonials.schedule(id, date);
    this.logger.info('testimonial scheduled', { testimonial: id, done: !!scheduled });
    const message = scheduled
      ? t('testimonialAdmin.scheduled', { date: longFrenchDate(date) })
      : t('testimonialAdmin.stale');
    return step.endDialog({ message } satisfies ReviewOutcome);
  }
}
