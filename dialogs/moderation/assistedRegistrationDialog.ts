/**
 * A referent registers an offer or a need for someone who is not online: which kind, how
 * the person agreed, then the residents' form (the referent reads each question to them and
 * types their answers, their phone number at the contact question), their name and how to
 * address them (kept on the resident for the referents, never in the description helpers
 * read), then it is stored with `registeredBy` and the consent given by phone or in person.
 */
import type { Activity, CardAction } from 'botbuilder';
import type { DialogTurnResult, PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { ActivityPrompt, WaterfallDialog } from '../botbuilderDialogs';
import { t } from '../../services/i18n';
import { extractPhones } from '../../services/nlu';
import { CancelAndHelpDialog } from '../cancelAndHelpDialog';
import type { ModerationPort } from '../ports';
import type { EntryDraft } from '../entry/draft';
import { isComplete } from '../entry/draft';
import { EntryFormDialog, type EntryFormDeps, type EntryFormOptions } from '../entry/entryFormDialog';
import { DialogId } from '../ids';
import { ModPrefix, OnBehalfPayload, readText } from '../payload';
import { PromptId, choiceOptions, choicePrompt, chosen } from '../prompts';
import { choice, withMenu } from '../replies';
import { backToMenu } from './moderatorMenu';
import { saveOnBehalf, type OfflineConsentVia, type SaveOnBehalfDeps } from './saveOnBehalf';

const WATERFALL = 'assistedRegistrationWaterfall';
const PHONE_PROMPT = 'onBehalfPhonePrompt';
const NAME_PROMPT = 'onBehalfNamePrompt';
/** Longest name or form of address kept. */
const MAX_NAME_LENGTH = 100;

/** What the waterfall remembers between steps. */
interface OnBehalfValues {
  kind?: EntryDraft['kind'];
  via?: OfflineConsentVia;
  draft?: EntryDraft;
  phone?: string;
  name?: string;
}

/** A typed name, trimmed; undefined when empty, too long, or a button. */
function nameOf(activity: Partial<Activity> | undefined): string | undefined {
  const text = activity ? readText(activity) : undefined;
  const name = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : '';
  return name && Array.from(name).length <= MAX_NAME_LENGTH ? name : undefined;
}

const kindChoices = (): CardAction[] => [
  choice(t('moderatorMenu.register.offer'), OnBehalfPayload.offer),
  choice(t('moderatorMenu.register.need'), OnBehalfPayload.need),
];
const consentChoices = (): CardAction[] => [
  choice(t('moderatorMenu.register.byPhone'), OnBehalfPayload.byPhone),
  choice(t('moderatorMenu.register.inPerson'), OnBehalfPayload.inPerson),
  choice(t('moderatorMenu.register.noConsent'), OnBehalfPayload.noConsent),
];

/** The first phone number in a typed answer. */
function phoneOf(activity: Partial<Activity> | undefined): string | undefined {
  const text = activity ? readText(activity) : undefined;
  return text ? extractPhones(text)[0] : undefined;
}

/** Registers an entry on behalf of someone who is not online. */
export class AssistedRegistrationDialog extends CancelAndHelpDialog {
  constructor(
    form: EntryFormDeps,
    private readonly moderators: ModerationPort['moderators'],
    private readonly onBehalf: SaveOnBehalfDeps,
  ) {
    super(DialogId.assistedRegistration);
    const phonePrompt = async (prompt: PromptValidatorContext<Activity>): Promise<boolean> =>
      Promise.resolve(phoneOf(prompt.recognized.value) !== undefined);
    const namePrompt = async (prompt: PromptValidatorContext<Activity>): Promise<boolean> =>
      Promise.resolve(nameOf(prompt.recognized.value) !== undefined);
    this.addDialog(new EntryFormDialog(form))
      .addDialog(choicePrompt())
      .addDialog(new ActivityPrompt(PHONE_PROMPT, phonePrompt))
      .addDialog(new ActivityPrompt(NAME_PROMPT, namePrompt))
      .addDialog(
        new WaterfallDialog(WATERFALL, [
          this.kindStep.bind(this),
          this.consentStep.bind(this),
          this.formStep.bind(this),
          this.phoneStep.bind(this),
          this.nameStep.bind(this),
          this.addressAsStep.bind(this),
          this.saveStep.bind(this),
        ]),
      );
    this.initialDialogId = WATERFALL;
  }

  /** Offer or need (moderators only). */
  private async kindStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (!(await this.moderators.isModerator(step.context.activity.from.id))) {
      await step.context.sendActivity(withMenu(t('interrupt.menu')));
      return step.endDialog();
    }
    return step.prompt(
      PromptId.choice,
      choiceOptions(t('moderatorMenu.register.kind'), kindChoices(), t('form.retryButtons')),
    );
  }

  /** How the person agreed to their data being stored (the text to read them is shown). */
  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as OnBehalfValues;
    values.kind = chosen(step.result, kindChoices()) === OnBehalfPayload.need ? 'need' : 'offer';
    const text = t('moderatorMenu.register.consent', { consent: t('form.consent') });
    return step.prompt(PromptId.choice, choiceOptions(text, consentChoices(), t('form.retryButtons')));
  }

  /** The residents' form, read to the person. */
  private async formStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as OnBehalfValues;
    const answer = chosen(step.result, consentChoices());
    if (answer === OnBehalfPayload.noConsent || answer === undefined) {
      await step.context.sendActivity(backToMenu(t('moderatorMenu.register.noConsentDone')));
      return step.endDialog();
    }
    values.via = answer === OnBehalfPayload.byPhone ? 'phone' : 'in_person';
    await step.context.sendActivity(t('moderatorMenu.register.readQuestions'));
    return step.beginDialog(DialogId.entryForm, {
      kind: values.kind ?? 'offer',
      onBehalf: true,
    } satisfies EntryFormOptions);
  }

  /** The person's phone number, unless it was given at the contact question. */
  private async phoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const draft = step.result as EntryDraft | null;
    if (!draft || !isComplete(draft)) return step.endDialog();
    (step.values as OnBehalfValues).draft = draft;
    if (draft.contact.phone) return step.next(draft.contact.phone);
    return step.prompt(PHONE_PROMPT, {
      prompt: t('moderatorMenu.register.phone'),
      retryPrompt: t('moderatorMenu.register.phoneRetry'),
    });
  }

  /** The person's name, for the referents who will call them (never shown to helpers). */
  private async nameStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as OnBehalfValues;
    values.phone = typeof step.result === 'string' ? step.result : phoneOf(step.result as Partial<Activity>);
    return step.prompt(NAME_PROMPT, {
      prompt: t('moderatorMenu.register.name'),
      retryPrompt: t('moderatorMenu.register.nameRetry'),
    });
  }

  /** How to address them on the phone ("Mme Martin"). */
  private async addressAsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as OnBehalfValues;
    values.name = nameOf(step.result as Partial<Activity>);
    return step.prompt(NAME_PROMPT, {
      prompt: t('moderatorMenu.register.addressAs', { name: values.name ?? '' }),
      retryPrompt: t('moderatorMenu.register.nameRetry'),
    });
  }

  /** Stores it all, registered by this referent, and offers to publish it now. */
  private async saveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as OnBehalfValues;
    const moderatorPsid = step.context.activity.from.id;
    const { draft, phone, name } = values;
    const addressAs = nameOf(step.result as Partial<Activity>);
    if (!draft || !isComplete(draft) || !phone || !values.via || !name || !addressAs) return step.endDialog();
    if (!(await this.moderators.isModerator(moderatorPsid))) {
      await step.context.sendActivity(withMenu(t('interrupt.menu')));
      return step.endDialog();
    }
    const entry = await saveOnBehalf(this.onBehalf, {
      moderatorPsid,
      draft,
      via: values.via,
      phone,
      name,
      addressAs,
    });
    await step.context.sendActivity(
      backToMenu(t('moderatorMenu.register.saved'), [
        choice(t('moderatorMenu.register.approveNow'), `${ModPrefix.approve}${entry._id.toHexString()}`),
      ]),
    );
    return step.endDialog();
  }
}
