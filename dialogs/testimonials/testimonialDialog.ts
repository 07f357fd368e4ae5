/**
 * A resident's testimonial: their story (screened, money reminded), how to sign it (a name
 * with contacts is refused),
 * their explicit consent to its publication on the Page, a recap, then it is stored
 * `pending` for an admin to read.
 *
 * @remarks
 * Emergencies and "annuler" are handled by the base dialog before any step; nothing is
 * stored before the last "Envoyer".
 */
import type { CardAction } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from '../botbuilderDialogs';
import { t } from '../../services/i18n';
import { mentionsMoney } from '../../services/nlu';
import { screenText } from '../screening';
import type { SignatureChoice } from './signature';
import { renderPost, renderSignature } from './signature';
import type { SignatureKind } from '../../services/testimonials';
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import type { Logger } from '../../services/logger';
import type { NluPort, TestimonialsPort } from '../ports';
import { DialogId } from '../ids';
import { Payload, TestimonialPayload, readText } from '../payload';
import { PromptId, choiceOptions, choicePrompt, chosen, resolveChoice, textOptions } from '../prompts';
import { choice, withChoices, withMenu, yesNoChoices } from '../replies';
import { StoryPromptId, boundedTextPrompt } from './boundedTextPrompt';
import { MAX_STORY_LENGTH, MIN_STORY_LENGTH, TESTIMONIAL_CONSENT_VERSION } from './payloads';

const WATERFALL = 'testimonialWaterfall';
const MAX_NAME_LENGTH = 60;

/** What the waterfall remembers. */
interface TestimonialValues {
  story?: string;
  signature?: SignatureChoice;
}

const signatureChoices = (): CardAction[] => [
  choice(t('testimonialDialog.signName'), TestimonialPayload.signName),
  choice(t('testimonialDialog.signInitials'), TestimonialPayload.signInitials),
  choice(t('testimonialDialog.signAnonymous'), TestimonialPayload.signAnonymous),
];
const KIND_BY_PAYLOAD: Record<string, SignatureKind> = {
  [TestimonialPayload.signName]: 'first_name_neighbourhood',
  [TestimonialPayload.signInitials]: 'initials',
  [TestimonialPayload.signAnonymous]: 'anonymous',
};
const skipChoices = (): CardAction[] => [
  choice(t('testimonialDialog.skipNeighbourhood'), TestimonialPayload.skipNeighbourhood),
];
const consentChoices = (): CardAction[] =>
  yesNoChoices(t('testimonialDialog.consentYes'), t('testimonialDialog.consentNo'));
const sendChoices = (): CardAction[] =>
  yesNoChoices(t('testimonialDialog.send'), t('testimonialDialog.cancel'));

/** Collects and stores a testimonial. */
export class TestimonialDialog extends CancelAndHelpDialog {
  constructor(
    private readonly testimonials: Pick<TestimonialsPort, 'create'>,
    private readonly nlu: Pick<NluPort, 'understand'>,
    private readonly logger: Logger,
  ) {
    super(DialogId.testimonial);
    this.addDialog(boundedTextPrompt(StoryPromptId.story, MIN_STORY_LENGTH, MAX_STORY_LENGTH))
      .addDialog(
        boundedTextPrompt(StoryPromptId.name, 2, MAX_NAME_LENGTH, {
          contactsNotice: 'testimonialDialog.nameContacts',
        }),
      )
      .addDialog(choicePrompt())
      .addDialog(
        new WaterfallDialog(WATERFALL, [
          this.storyStep.bind(this),
          this.signatureStep.bind(this),
          this.nameStep.bind(this),
          this.neighbourhoodStep.bind(this),
          this.consentStep.bind(this),
          this.recapStep.bind(this),
          this.saveStep.bind(this),
        ]),
      );
    this.initialDialogId = WATERFALL;
  }

  /** Asks for the story in the resident's words. */
  private async storyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const limits = textOptions(t('testimonialDialog.intro'), t('testimonialDialog.storyRetry'));
    return step.prompt(StoryPromptId.story, limits);
  }

  /** Screens the story (the resident told of a removal), reminds that help is free, asks how to sign. */
  private async signatureStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const screened = screenText((readText(step.context.activity) ?? '').replace(/\s+/g, ' '));
    const story = screened.text;
    if (screened.removed.length > 0) await step.context.sendActivity(t('testimonialDialog.contactsRemoved'));
    if (mentionsMoney(story)) await step.context.sendActivity(t('testimonialDialog.moneyReminder'));
    (step.values as TestimonialValues).story = story;
    return step.prompt(
      PromptId.choice,
      choiceOptions(t('testimonialDialog.signature'), signatureChoices(), t('testimonialDialog.retry')),
    );
  }

  /** Asks the name the signature needs (first name, or full name for initials). */
  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const kind = KIND_BY_PAYLOAD[chosen(step.result, signatureChoices()) ?? ''] ?? 'anonymous';
    (step.values as TestimonialValues).signature = { kind };
    if (kind === 'anonymous') return step.next();
    const question = kind === 'initials' ? 'testimonialDialog.fullName' : 'testimonialDialog.firstName';
    return step.prompt(StoryPromptId.name, textOptions(t(question), t('testimonialDialog.nameRetry')));
  }

  /** Keeps the name; asks the neighbourhood for a "first name and neighbourhood" signature. */
  private async neighbourhoodStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const signature = (step.values as TestimonialValues).signature ?? { kind: 'anonymous' };
    if (signature.kind === 'anonymous') return step.next();
    const typed = readText(step.context.activity) ?? '';
    const [firstName = '', ...rest] = screenText(typed, { replacement: 'nothing' }).text.split(/\s+/);
    signature.firstName = firstName;
    if (signature.kind === 'initials') {
      signature.lastName = rest.join(' ');
      return step.next();
    }
    const skip = skipChoices();
    return step.prompt(StoryPromptId.name, {
      prompt: withChoices(t('testimonialDialog.neighbourhood'), skip),
      retryPrompt: withChoices(t('testimonialDialog.nameRetry'), skip),
    });
  }

  /** Keeps the neighbourhood; asks the consent to publication. */
  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const signature = (step.values as TestimonialValues).signature;
    if (signature?.kind === 'first_name_neighbourhood') signature.neighbourhood = this.neighbourhood(step);
    return step.prompt(
      PromptId.choice,
      choiceOptions(t('testimonialDialog.consent'), consentChoices(), t('testimonialDialog.retry')),
    );
  }

  /** Stops when the consent is refused; otherwise shows the post as it would appear. */
  private async recapStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (chosen(step.result, consentChoices()) !== Payload.yes) {
      await step.context.sendActivity(withMenu(t('testimonialDialog.refused')));
      return step.endDialog();
    }
    const { story = '', signature = { kind: 'anonymous' } } = step.values as TestimonialValues;
    const post = renderPost(story, renderSignature(signature));
    return step.prompt(
      PromptId.choice,
      choiceOptions(t('testimonialDialog.recap', { post }), sendChoices(), t('testimonialDialog.retry')),
    );
  }

  /** Stores the testimonial (`pending`, consent dated now) once the resident sends it. */
  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (chosen(step.result, sendChoices()) !== Payload.yes) {
      await step.context.sendActivity(withMenu(t('testimonialDialog.notSaved')));
      return step.endDialog();
    }
    const { story = '', signature = { kind: 'anonymous' } } = step.values as TestimonialValues;
    const saved = await this.testimonials.create({
      psid: step.context.activity.from.id,
      text: story,
      signature,
      consentVersion: TESTIMONIAL_CONSENT_VERSION,
    });
    this.logger.info('testimonial recorded', { testimonial: saved._id.toHexString() });
    await step.context.sendActivity(withMenu(t('testimonialDialog.saved')));
    return step.endDialog();
  }

  /** The neighbourhood typed (its official name when recognised), or none when skipped. */
  private neighbourhood(step: WaterfallStepContext): string | undefined {
    const typed = readText(step.context.activity);
    if (!typed || resolveChoice(step.context.activity, skipChoices()) !== undefined) return undefined;
    const named = this.nlu.understand(typed).neighbourhood?.name;
    return named ?? screenText(typed, { replacement: 'nothing' }).text.slice(0, 40);
  }
}
