/**
 * The form shared by offers and needs: what, (for whom, how urgent), description, where,
 * when, how to be contacted, the commitments, the storage consent, a recap. Nothing is
 * stored here: the form returns the confirmed draft, or null when the resident stopped.
 */
import type { CardAction } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from 'botbuilder-dialogs';
import { t } from '../../services/i18n';
import { removalNotices, screenText } from '../screening';
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import type { ResidentsPort } from '../ports';
import { DialogId } from '../ids';
import { Payload } from '../payload';
import { PromptId, choiceOptions, choicePrompt, chosen, textOptions, textPrompt } from '../prompts';
import { categoryChoices, categoryName, choice, withChoices, withMenu, yesNoChoices } from '../replies';
import type { DescribeResult } from './describeDialog';
import { DescribeDialog } from './describeDialog';
import type { EntryDialogOptions, EntryDraft } from './draft';
import { isComplete, placeLabel, recapText } from './draft';
import {
  FormPromptId,
  categoryOf,
  contactOf,
  formPrompts,
  placeFound,
  type FormPromptsDeps,
} from './formPrompts';

const WATERFALL = 'entryFormWaterfall';

/** Options of the form. */
export interface EntryFormOptions extends EntryDialogOptions {
  kind: EntryDraft['kind'];
  /**
   * A referent fills the form for someone who is not online: Messenger's phone and e-mail
   * buttons would share the referent's own details, so only typed ones are offered.
   */
  onBehalf?: boolean;
}

const beneficiaryChoices = (): CardAction[] => [
  choice(t('form.forMe'), Payload.forMe),
  choice(t('form.forRelative'), Payload.forRelative),
];
const urgencyChoices = (): CardAction[] => [
  choice(t('form.urgent'), Payload.urgent),
  choice(t('form.notUrgent'), Payload.notUrgent),
];
const agreeChoices = (): CardAction[] => yesNoChoices(t('form.accept'), t('form.refuse'));
const saveChoices = (): CardAction[] => yesNoChoices(t('form.save'), t('form.dontSave'));
const contactChoices = (onBehalf = false): CardAction[] => [
  choice(t('form.contactPage'), Payload.contactPage),
  ...(onBehalf
    ? []
    : [
        { type: 'user_phone_number', title: t('form.contactPhone'), value: 'user_phone_number' },
        { type: 'user_email', title: t('form.contactEmail'), value: 'user_email' },
      ]),
];

/** What the form calls: the understanding and the geocoder (its prompts), the resident's consent. */
export interface EntryFormDeps extends FormPromptsDeps {
  residents: Pick<ResidentsPort, 'get'>;
}

/** Collects an offer or a need. */
export class EntryFormDialog extends CancelAndHelpDialog {
  constructor(private readonly deps: EntryFormDeps) {
    super(DialogId.entryForm);
    this.addDialog(textPrompt()).addDialog(choicePrompt()).addDialog(new DescribeDialog());
    for (const prompt of formPrompts(deps)) this.addDialog(prompt);
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.categoryStep.bind(this),
        this.beneficiaryStep.bind(this),
        this.urgencyStep.bind(this),
        this.describeStep.bind(this),
        this.whereStep.bind(this),
        this.availabilityStep.bind(this),
        this.contactStep.bind(this),
        this.commitmentsStep.bind(this),
        this.consentStep.bind(this),
        this.recapStep.bind(this),
        this.confirmStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  /** Asks the kind of help, unless the first message already said it. */
  private async categoryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as EntryFormOptions;
    const draft: EntryDraft = { kind: options.kind, category: options.category, urgency: options.urgency };
    (step.values as { draft?: EntryDraft }).draft = draft;
    if (draft.category) return step.next();
    const question = t(draft.kind === 'offer' ? 'form.categoryOffer' : 'form.categoryNeed');
    return step.prompt(
      FormPromptId.category,
      choiceOptions(question, categoryChoices(), t('form.categoryRetry')),
    );
  }

  /** For a need: for the resident or a relative. */
  private async beneficiaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = draftOf(step);
    if (!draft.category) {
      draft.category = categoryOf(step.context.activity, this.deps);
      if (draft.category)
        await step.context.sendActivity(
          t('form.categoryUnderstood', { category: categoryName(draft.category) }),
        );
    }
    if (draft.kind === 'offer') return step.next();
    return step.prompt(
      PromptId.choice,
      choiceOptions(t('form.beneficiary'), beneficiaryChoices(), t('form.retryButtons')),
    );
  }

  /** For a need: how urgent, unless already understood as urgent. */
  private async urgencyStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = draftOf(step);
    if (draft.kind === 'offer') return step.next();
    draft.beneficiary =
      chosen(step.result, beneficiaryChoices()) === Payload.forRelative ? 'relative' : 'self';
    if (draft.urgency === 'high') return step.next();
    return step.prompt(
      PromptId.choice,
      choiceOptions(t('form.urgency'), urgencyChoices(), t('form.retryButtons')),
    );
  }

  /** The description, in its own dialog. */
  private async describeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = draftOf(step);
    if (draft.kind === 'need' && draft.urgency !== 'high') {
      draft.urgency = chosen(step.result, urgencyChoices()) === Payload.urgent ? 'high' : 'normal';
    }
    return step.beginDialog(DialogId.describe, { kind: draft.kind });
  }

  /** Where: a street, a neighbourhood or a shared location. */
  private async whereStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = draftOf(step);
    const described = step.result as DescribeResult;
    draft.description = described.description;
    draft.money = described.money;
    return step.prompt(FormPromptId.place, textOptions(t('form.where'), t('form.whereRetry')));
  }

  /** When. */
  private async availabilityStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = draftOf(step);
    const found = placeFound(step.context);
    if (found) {
      draft.location = found.location;
      draft.locationSource = found.source;
      draft.neighbourhood = found.neighbourhood;
      if (found.source === 'address') draft.addressText = step.context.activity.text?.trim();
      const key =
        found.source === 'shared_location'
          ? 'form.whereShared'
          : found.source === 'neighbourhood_fallback'
            ? 'form.whereFallback'
            : 'form.whereFound';
      await step.context.sendActivity(t(key, { place: placeLabel(draft) }));
    }
    const question = t(draft.kind === 'offer' ? 'form.availabilityOffer' : 'form.availabilityNeed');
    return step.prompt(PromptId.text, textOptions(question, t('form.textRetry')));
  }

  /** Keeps "when" screened like the description (the resident told of a removal); asks how to be contacted. */
  private async contactStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const typed = step.context.activity.text?.trim();
    const when = typed === undefined ? undefined : screenText(typed);
    for (const notice of removalNotices(when?.removed ?? [], 'availability'))
      await step.context.sendActivity(notice);
    draftOf(step).availability = when?.text;
    const onBehalf = (step.options as Partial<EntryFormOptions>).onBehalf === true;
    return step.prompt(FormPromptId.contact, {
      prompt: withChoices(t('form.contact'), contactChoices(onBehalf)),
      retryPrompt: withChoices(t('form.contactRetry'), contactChoices(onBehalf)),
    });
  }

  /** The commitments: free, within 1 km, hygiene and distancing. */
  private async commitmentsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = draftOf(step);
    draft.contact = contactOf(step.context.activity);
    const text = t(draft.kind === 'offer' ? 'form.commitmentsOffer' : 'form.commitmentsNeed');
    return step.prompt(PromptId.choice, choiceOptions(text, agreeChoices(), t('form.retryButtons')));
  }

  /** The storage consent, unless already given. */
  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (chosen(step.result, agreeChoices()) !== Payload.yes) {
      await step.context.sendActivity(withMenu(t('form.commitmentsRefused')));
      return step.endDialog(null);
    }
    const resident = await this.deps.residents.get(step.context.activity.from.id);
    if (resident?.consents.storage?.given) return step.next(Payload.yes);
    draftOf(step).consentGiven = true;
    return step.prompt(
      PromptId.choice,
      choiceOptions(t('form.consent'), agreeChoices(), t('form.retryButtons')),
    );
  }

  /** The recap, once consent is given. */
  private async recapStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = draftOf(step);
    const agreed = step.result === Payload.yes || chosen(step.result, agreeChoices()) === Payload.yes;
    if (!agreed) {
      await step.context.sendActivity(withMenu(t('form.consentRefused')));
      return step.endDialog(null);
    }
    if (!isComplete(draft)) return step.endDialog(null);
    return step.prompt(
      PromptId.choice,
      choiceOptions(recapText(draft), saveChoices(), t('form.retryButtons')),
    );
  }

  /** Returns the confirmed draft. */
  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (chosen(step.result, saveChoices()) !== Payload.yes) {
      await step.context.sendActivity(withMenu(t('form.notSaved')));
      return step.endDialog(null);
    }
    return step.endDialog(draftOf(step));
  }
}

/** The draft kept in the waterfall's values. */
function draftOf(step: WaterfallStepContext): EntryDraft {
  const values = step.values as { draft?: EntryDraft };
  values.draft ??= { kind: 'offer' };
  return values.draft;
}
