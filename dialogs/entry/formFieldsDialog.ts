/**
 * The entry form as a list of questions (./fields.ts): the next unanswered question is
 * asked; each reply is read in the question's context, or taken as a correction ("retour",
 * "je me suis trompé", "je veux plutôt demander"), or freely; after two replies not
 * understood the resident is told what they can do, never handed over.
 */
import type { Activity, CardAction, TurnContext } from 'botbuilder';
import type { DialogContext, DialogInstance, DialogTurnResult } from 'botbuilder-dialogs';
import { Dialog } from '../botbuilderDialogs';
import { t } from '../../services/i18n';
import { mentionsMoney } from '../../services/nlu';
import { readSmallTalk, readsAsReassurance } from '../keywords';
import { MenuPayload, Payload, readPayload, readText } from '../payload';
import type { ResidentsPort } from '../ports';
import { referredNeighbourhood } from '../referralAnswer';
import { categoryName, choice, withChoices, withMenu } from '../replies';
import { type Correction, readCorrection } from './corrections';
import type { EntryDialogOptions, EntryDraft } from './draft';
import { isComplete, recapText } from './draft';
import { screened } from './fieldReading';
import { FIELDS, nextField } from './fields';
import type { FormPromptsDeps } from './formPrompts';
import { PlaceFinder } from './place';
import { recurrenceFromAvailability } from './recurrenceField';
import type { Field, FieldDeps, FieldId, FormState } from './formState';
import { FORM_FIELDS_DIALOG, formStateOn, switchKind } from './formState';

/** Options of the form. */
export interface EntryFormOptions extends EntryDialogOptions {
  kind: EntryDraft['kind'];
  /**
   * A referent fills the form for someone who is not online: Messenger's phone and e-mail
   * buttons would share the referent's own details, so only typed ones are offered.
   */
  onBehalf?: boolean;
}

/** What the form calls: the understanding and the geocoder (its fields), the resident's consent. */
export interface EntryFormDeps extends FormPromptsDeps {
  residents: Pick<ResidentsPort, 'get'>;
}

/** Misunderstood replies to one question before the resident is told what else they can do. */
const MISSES_BEFORE_HELP = 2;

/** The questions of the form, asked one after the other until the recap is confirmed. */
export class FormFieldsDialog extends Dialog<EntryFormOptions> {
  private readonly fieldDeps: FieldDeps;

  constructor(private readonly deps: EntryFormDeps) {
    super(FORM_FIELDS_DIALOG);
    this.fieldDeps = { nlu: deps.nlu, places: new PlaceFinder(deps.geocoder, deps.nlu) };
  }

  /** Starts with what the first message already said (a category, an urgency). */
  override async beginDialog(dc: DialogContext, options?: EntryFormOptions): Promise<DialogTurnResult> {
    const kind = options?.kind ?? 'offer';
    const resident = await this.deps.residents.get(dc.context.activity.from.id);
    const draft: EntryDraft = { kind, category: options?.category };
    if (kind === 'need' && options?.urgency === 'high') draft.urgency = 'high';
    if (kind === 'need' && options?.beneficiary) draft.beneficiary = options.beneficiary;
    // The first message told the request: it is the description, screened like a typed one.
    const described = options?.description
      ? screened({ text: options.description }, 'description')
      : undefined;
    if (described && described.text.length >= 2) draft.description = described.text;
    // The first message said when: the answer to "Quand ?", said back and changed at the recap.
    const when = options?.availability ? screened({ text: options.availability }, 'availability') : undefined;
    if (when && when.text.length >= 2) draft.availability = when.text;
    const state: FormState = {
      draft,
      onBehalf: options?.onBehalf === true,
      hasConsent: resident?.consents.storage?.given === true,
      // What the first message said counts as answered: "retour" asks it again.
      answered: [
        // Listed first: « retour » undoes the category, as its note says; the description is
        // changed at the recap.
        ...(draft.description !== undefined ? ['description' as const] : []),
        ...(draft.category ? ['category' as const] : []),
        ...(draft.beneficiary ? ['beneficiary' as const] : []),
        ...(draft.urgency ? ['urgency' as const] : []),
        ...(draft.availability !== undefined ? ['availability' as const] : []),
      ],
      misses: 0,
    };
    const known = referredNeighbourhood(dc.context);
    if (known) state.knownPlace = { id: known.id, name: known.name, ...known.centre };
    if (draft.description !== undefined && mentionsMoney(draft.description)) state.moneyStage = 'ask';
    (dc.activeDialog?.state as { form?: FormState }).form = state;
    // What was understood from the first message is said, so that a wrong guess can be undone.
    const carried = [
      ...(draft.category ? [t('form.categoryCarried', { category: categoryName(draft.category) })] : []),
      ...(draft.beneficiary ? [t('form.beneficiaryCarried')] : []),
      ...(draft.description !== undefined && described
        ? [t('form.descriptionCarried', { description: draft.description }), ...described.said]
        : []),
      ...(draft.availability !== undefined
        ? [
            t('form.availabilityCarried', { availability: draft.availability }),
            // "tous les mardis" also tells that the offer is regular.
            ...recurrenceFromAvailability(state, draft.availability),
          ]
        : []),
    ];
    return this.askNext(dc, state, carried);
  }

  /** Reads the reply to the question asked. */
  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = formStateOn(dc);
    const { activity } = dc.context;
    if (!state || activity.type !== 'message') return Dialog.EndOfTurn;
    const payload = readPayload(activity);
    if (payload === Payload.formCancel || payload === Payload.formMenu) {
      await dc.context.sendActivity(
        withMenu(t(payload === Payload.formCancel ? 'interrupt.cancelled' : 'interrupt.menu')),
      );
      return dc.endDialog(null);
    }
    const field = FIELDS[state.current ?? nextField(state).id];
    const correction = payload ? undefined : readCorrection(readText(activity), state.draft.kind);
    const inContext = correction ? undefined : field.read(activity, state);
    if (state.resume) {
      // Back after an emergency: the question is asked again unless this is plainly its
      // answer; "fausse alerte", "ça va", "merci" are heard first ("non" is about the danger).
      delete state.resume;
      const text = payload ? undefined : readText(activity);
      if (readsAsReassurance(text) || readSmallTalk(text) === 'thanks')
        return this.ask(dc, state, field, [t('emergency.reassuredInForm'), t('form.resumed')]);
      if (!correction && !inContext) return this.ask(dc, state, field, [t('form.resumed')]);
    }
    if (correction) return this.correct(dc, state, correction);
    const answer = inContext ?? (await field.accept?.(activity, state, this.fieldDeps));
    if (!answer) return this.missed(dc, state, field);
    if (answer.kind === 'stop') {
      await dc.context.sendActivity(withMenu(answer.text));
      return dc.endDialog(null);
    }
    if (answer.kind === 'done') return dc.endDialog(state.draft);
    const said = answer.update(state);
    if (field.id !== 'recap' && field.id !== 'edit') {
      state.answered = [...state.answered.filter((id) => id !== field.id), field.id];
    }
    return this.askNext(dc, state, said);
  }

  /** Asks the current question again (after "aide"). */
  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const state = (instance.state as { form?: FormState }).form;
    if (state) await context.sendActivity(questionOf(state, FIELDS[state.current ?? nextField(state).id]));
  }

  /** Goes back, switches offer and need, or opens the list of fields. */
  private async correct(
    dc: DialogContext,
    state: FormState,
    correction: Correction,
  ): Promise<DialogTurnResult> {
    if (typeof correction === 'object') {
      switchKind(state, correction.switchTo);
      const key = correction.switchTo === 'need' ? 'form.switchedToNeed' : 'form.switchedToOffer';
      return this.askNext(dc, state, [t(key)]);
    }
    if (state.current === 'edit' || (correction === 'edit' && state.current === 'recap')) {
      state.picking = state.current === 'recap';
      return this.askNext(dc, state, []);
    }
    const last = state.answered.pop();
    if (!last) return this.ask(dc, state, FIELDS[state.current ?? 'category'], [t('form.backFirst')]);
    FIELDS[last].clear(state);
    return this.askNext(dc, state, [t('form.back')]);
  }

  /** Says the retry text once, then what the resident can do. */
  private async missed(dc: DialogContext, state: FormState, field: Field): Promise<DialogTurnResult> {
    state.misses += 1;
    const actions = actionsOf(state, field);
    if (state.misses < MISSES_BEFORE_HELP) {
      await dc.context.sendActivity(
        actions.length > 0 ? withChoices(field.retry(state), actions) : field.retry(state),
      );
      return Dialog.EndOfTurn;
    }
    await dc.context.sendActivity(
      withChoices(t('form.stuck'), [
        ...actions,
        choice(t('form.stuckMenu'), Payload.formMenu),
        choice(t('form.stuckCancel'), Payload.formCancel),
        choice(t('menu.human'), MenuPayload.human),
      ]),
    );
    return Dialog.EndOfTurn;
  }

  /** Asks the next unanswered question, after `said`. */
  private async askNext(dc: DialogContext, state: FormState, said: string[]): Promise<DialogTurnResult> {
    const field = nextField(state);
    if (field.id === 'recap' && !isComplete(state.draft)) return dc.endDialog(null);
    return this.ask(dc, state, field, said);
  }

  /** Says `said`, then asks `field`. */
  private async ask(
    dc: DialogContext,
    state: FormState,
    field: Field,
    said: string[],
  ): Promise<DialogTurnResult> {
    if (state.current !== field.id) state.misses = 0;
    state.current = field.id;
    for (const text of said) await dc.context.sendActivity(text);
    await dc.context.sendActivity(questionOf(state, field));
    return Dialog.EndOfTurn;
  }
}

/** The quick replies of `field`. */
function actionsOf(state: FormState, field: Field): CardAction[] {
  return [
    ...field.choices(state).map((spec) => choice(spec.title, spec.payload)),
    ...(field.extraActions?.(state) ?? []),
  ];
}

/** The question `field` asks, with its quick replies. */
function questionOf(state: FormState, field: Field): Partial<Activity> | string {
  const text =
    field.id === 'recap' && isComplete(state.draft) ? recapText(state.draft) : field.question(state);
  const actions = actionsOf(state, field);
  return actions.length > 0 ? withChoices(text, actions) : text;
}

/** A form in progress, as the root dialog sees it before the global checks. */
export interface FormInProgress {
  /** True when the message answers the question asked, or corrects the form: no global check applies. */
  readsInContext(activity: Partial<Activity>): boolean;
  /** After an emergency's numbers: the form is kept and its question asked again on the next message. */
  resumeLater(): void;
}

/** The form in progress on `dc`'s stack, if any. */
export function formInProgress(dc: DialogContext): FormInProgress | undefined {
  const state = formStateOn(dc);
  if (!state) return undefined;
  return {
    readsInContext(activity) {
      const payload = readPayload(activity);
      if (payload === Payload.formCancel || payload === Payload.formMenu) return true;
      if (!payload && readCorrection(readText(activity), state.draft.kind)) return true;
      const current: FieldId | undefined = state.current;
      return current !== undefined && FIELDS[current].read(activity, state) !== undefined;
    },
    resumeLater() {
      state.resume = true;
    },
  };
}
