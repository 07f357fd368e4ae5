/**
 * An admin approves a testimonial with a corrected text (the resident's words are kept in
 * `originalText` by the repository, which screens the correction like any published text).
 */
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from '../botbuilderDialogs';
import { t } from '../../services/i18n';
import { screenText } from '../screening';
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import type { Logger } from '../../services/logger';
import type { TestimonialsPort } from '../ports';
import { DialogId } from '../ids';
import { readText } from '../payload';
import { textOptions } from '../prompts';
import { StoryPromptId, boundedTextPrompt } from './boundedTextPrompt';
import { MAX_STORY_LENGTH, MIN_STORY_LENGTH } from './payloads';
import type { ReviewOutcome, ReviewTarget } from './reviewOutcome';

const WATERFALL = 'correctTestimonialWaterfall';

/** Asks the corrected text, then approves with it. */
export class CorrectTestimonialDialog extends CancelAndHelpDialog {
  constructor(
    private readonly testimonials: Pick<TestimonialsPort, 'approve'>,
    private readonly logger: Logger,
  ) {
    super(DialogId.correctTestimonial);
    this.addDialog(boundedTextPrompt(StoryPromptId.story, MIN_STORY_LENGTH, MAX_STORY_LENGTH)).addDialog(
      new WaterfallDialog(WATERFALL, [this.askStep.bind(this), this.approveStep.bind(this)]),
    );
    this.initialDialogId = WATERFALL;
  }

  /** Asks the text as it must be published. */
  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(
      StoryPromptId.story,
      textOptions(t('testimonialAdmin.editPrompt'), t('testimonialAdmin.editRetry')),
    );
  }

  /** Approves with the corrected text, if the testimonial still waits for review. */
  private async approveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { id } = step.options as ReviewTarget;
    const corrected = readText(step.context.activity) ?? '';
    const approved = await this.testimonials.approve(id, step.context.activity.from.id, corrected);
    this.logger.info('testimonial approved with a correction', { testimonial: id, done: !!approved });
    const outcome = t(approved ? 'testimonialAdmin.approvedCorrected' : 'testimonialAdmin.stale');
    const screened = approved !== null && screenText(corrected).removed.length > 0;
    const message = screened ? `${t('testimonialAdmin.contactsRemoved')}\n${outcome}` : outcome;
    return step.endDialog({ message } satisfies ReviewOutcome);
  }
}
