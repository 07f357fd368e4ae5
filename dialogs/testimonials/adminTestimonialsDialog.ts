/**
 * The admins' review of testimonials in Messenger: the pending ones, then publish as is,
 * correct and publish, choose the publication day, or refuse.
 *
 * @remarks
 * Only moderators with the role `admin` get past the first step; anyone else gets the
 * resident menu and nothing changes. Each action is taken under the admin's own psid.
 */
import type { CardAction } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from '../botbuilderDialogs';
import { t } from '../../services/i18n';
import type { StoredTestimonial } from '../../services/testimonials';
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import type { Clock } from '../../services/clock';
import type { Logger } from '../../services/logger';
import type { TestimonialsPort } from '../ports';
import { DialogId } from '../ids';
import { TestimonialPayload, TestimonialPrefix, idAfter } from '../payload';
import { PromptId, choiceOptions, choicePrompt, chosen } from '../prompts';
import { MAX_QUICK_REPLIES, choice, frenchDate, withChoices, withMenu } from '../replies';
import { CorrectTestimonialDialog } from './correctTestimonialDialog';
import { excerpt } from './residentTestimonials';
import { type ReviewTarget, afterReviewChoices, isReviewOutcome } from './reviewOutcome';
import { ScheduleTestimonialDialog } from './scheduleTestimonialDialog';

const WATERFALL = 'adminTestimonialsWaterfall';

/** What the waterfall remembers. */
interface ReviewValues {
  listed?: CardAction[];
  actions?: CardAction[];
}

const ACTIONS = [
  { prefix: TestimonialPrefix.adminApprove, title: 'testimonialAdmin.approve' },
  { prefix: TestimonialPrefix.adminEdit, title: 'testimonialAdmin.edit' },
  { prefix: TestimonialPrefix.adminSchedule, title: 'testimonialAdmin.schedule' },
  { prefix: TestimonialPrefix.adminReject, title: 'testimonialAdmin.reject' },
] as const;

/** What the admins' review calls. */
export type TestimonialReviewPort = Pick<
  TestimonialsPort,
  'canReview' | 'listPending' | 'get' | 'approve' | 'reject' | 'schedule'
>;

/** Lists pending testimonials and applies an admin's decision. */
export class AdminTestimonialsDialog extends CancelAndHelpDialog {
  constructor(
    private readonly testimonials: TestimonialReviewPort,
    clock: Clock,
    private readonly logger: Logger,
  ) {
    super(DialogId.adminTestimonials);
    this.addDialog(choicePrompt())
      .addDialog(new CorrectTestimonialDialog(testimonials, logger))
      .addDialog(new ScheduleTestimonialDialog(testimonials, clock, logger))
      .addDialog(
        new WaterfallDialog(WATERFALL, [
          this.listStep.bind(this),
          this.showStep.bind(this),
          this.actStep.bind(this),
          this.doneStep.bind(this),
        ]),
      );
    this.initialDialogId = WATERFALL;
  }

  /** Admins only: the pending testimonials, oldest first. */
  private async listStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!(await this.testimonials.canReview(step.context.activity.from.id))) {
      await step.context.sendActivity(withMenu(t('interrupt.menu')));
      return step.endDialog();
    }
    const pending = await this.testimonials.listPending(MAX_QUICK_REPLIES);
    if (pending.length === 0) {
      await step.context.sendActivity(withMenu(t('testimonialAdmin.none')));
      return step.endDialog();
    }
    const lines = pending.map((item, index) =>
      t('testimonialAdmin.line', {
        index: index + 1,
        date: frenchDate(item.createdAt),
        signature: item.signature.text,
        excerpt: excerpt(item.text),
      }),
    );
    const listed = pending.map((item, index) =>
      choice(
        t('testimonialAdmin.title', { index: index + 1, signature: item.signature.text }),
        `${TestimonialPrefix.adminPick}${item._id.toHexString()}`,
      ),
    );
    (step.values as ReviewValues).listed = listed;
    const text = t('testimonialAdmin.list', { list: lines.join('\n') });
    return step.prompt(PromptId.choice, choiceOptions(text, listed, t('testimonialAdmin.retry')));
  }

  /** The whole testimonial and what can be done with it. */
  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as ReviewValues;
    const id = idAfter(chosen(step.result, values.listed ?? []), TestimonialPrefix.adminPick);
    const testimonial = id ? await this.testimonials.get(id) : null;
    if (!testimonial || testimonial.status !== 'pending')
      return this.finish(step, t('testimonialAdmin.stale'));
    const actions = actionChoices(testimonial);
    values.actions = actions;
    const text = t('testimonialAdmin.show', {
      date: frenchDate(testimonial.createdAt),
      signature: testimonial.signature.text,
      text: testimonial.text,
    });
    return step.prompt(PromptId.choice, choiceOptions(text, actions, t('testimonialAdmin.retry')));
  }

  /** Publishes or refuses at once; asks the corrected text or the day first. */
  private async actStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const payload = chosen(step.result, (step.values as ReviewValues).actions ?? []);
    if (payload === TestimonialPayload.adminList) return step.replaceDialog(WATERFALL);
    const admin = step.context.activity.from.id;
    const approveId = idAfter(payload, TestimonialPrefix.adminApprove);
    if (approveId) {
      const approved = await this.testimonials.approve(approveId, admin);
      this.logger.info('testimonial approved', { testimonial: approveId, done: !!approved });
      return this.finish(step, t(approved ? 'testimonialAdmin.approved' : 'testimonialAdmin.stale'));
    }
    const rejectId = idAfter(payload, TestimonialPrefix.adminReject);
    if (rejectId) {
      const rejected = await this.testimonials.reject(rejectId, admin);
      this.logger.info('testimonial rejected', { testimonial: rejectId, done: !!rejected });
      return this.finish(step, t(rejected ? 'testimonialAdmin.rejected' : 'testimonialAdmin.stale'));
    }
    const editId = idAfter(payload, TestimonialPrefix.adminEdit);
    if (editId) return step.beginDialog(DialogId.correctTestimonial, { id: editId } satisfies ReviewTarget);
    const scheduleId = idAfter(payload, TestimonialPrefix.adminSchedule);
    if (scheduleId)
      return step.beginDialog(DialogId.scheduleTestimonial, { id: scheduleId } satisfies ReviewTarget);
    return this.finish(step, t('testimonialAdmin.stale'));
  }

  /** Shows what the correction or scheduling did. */
  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.finish(
      step,
      isReviewOutcome(step.result) ? step.result.message : t('testimonialAdmin.notChanged'),
    );
  }

  /** Ends with `message`, offering the list again and the menu. */
  private async finish(step: WaterfallStepContext, message: string): Promise<DialogTurnResult> {
    await step.context.sendActivity(
      withChoices(`${message}\n${t('testimonialAdmin.next')}`, afterReviewChoices()),
    );
    return step.endDialog();
  }
}

/** The four decisions on `testimonial`, and the way back to the list. */
function actionChoices(testimonial: StoredTestimonial): CardAction[] {
  const id = testimonial._id.toHexString();
  return [
    ...ACTIONS.map(({ prefix, title }) => choice(t(title), `${prefix}${id}`)),
    choice(t('testimonialAdmin.back'), TestimonialPayload.adminList),
  ];
}
