/**
 * What the entry form keeps between messages, the shape of its questions (fields), and
 * how the root dialog finds a form in progress on the dialog stack.
 */
import type { Activity, CardAction } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { EntryKind } from '../../services/domain/types';
import type { FormPromptsDeps } from './formPrompts';
import type { PlaceFinder } from './place';
import type { EntryDraft } from './draft';
import type { ChoiceSpec } from './answers';

/** The form's inner dialog, the one whose state holds {@link FormState}. */
export const FORM_FIELDS_DIALOG = 'entryFormFields';

/** The questions of the form, in the order they are asked. */
export type FieldId =
  | 'category'
  | 'beneficiary'
  | 'urgency'
  | 'description'
  | 'money'
  | 'rewrite'
  | 'place'
  | 'availability'
  | 'recurring'
  | 'contact'
  | 'commitments'
  | 'consent'
  | 'edit'
  | 'recap';

/** The form's state, plain data kept in the dialog state. */
export interface FormState {
  draft: EntryDraft;
  /** A referent fills the form for someone else (no Messenger phone/e-mail buttons). */
  onBehalf: boolean;
  /** The resident already gave the storage consent: it is not asked again. */
  hasConsent: boolean;
  commitments?: boolean;
  /** The description mentioned money: the reminder is asked, then maybe a new text. */
  moneyStage?: 'ask' | 'rewrite';
  /** The availability was taken from the answer to "is it urgent?" ("ce soir"). */
  availabilityFromUrgency?: boolean;
  /** Whether the offer is regular was read from its availability ("chaque samedi"). */
  recurringFromAvailability?: boolean;
  /** The recap's "Modifier" was chosen: the list of fields is asked. */
  picking?: boolean;
  /** The last place given is outside Miramas (its retry says the service is for Miramas). */
  placeOutside?: boolean;
  /**
   * The neighbourhood of the poster the resident scanned (dialogs/referralAnswer.ts): the
   * place question offers it as a choice.
   */
  knownPlace?: { id: string; name: string; lat: number; lon: number };
  /** The question being asked. */
  current?: FieldId;
  /** The questions answered, in order, for "retour". */
  answered: FieldId[];
  /** Answers to the current question not understood so far. */
  misses: number;
  /** An emergency interrupted the form: the question is asked again on the next message. */
  resume?: boolean;
}

/** What an answer does. */
export type Answer =
  /** Records the answer in the state and returns the texts to say before the next question. */
  | { kind: 'set'; update(state: FormState): string[] }
  /** The resident refused or gave up: `text` is said with the menu, nothing is kept. */
  | { kind: 'stop'; text: string }
  /** The recap is confirmed: the form returns the draft. */
  | { kind: 'done' };

/** What the fields' free readings call: the understanding, and the places (built once per form dialog). */
export interface FieldDeps {
  nlu: FormPromptsDeps['nlu'];
  places: Pick<PlaceFinder, 'find'>;
}

/** One question of the form. */
export interface Field {
  id: FieldId;
  /** True when the question must be asked (it applies, and its answer is missing). */
  missing(state: FormState): boolean;
  /** The question. */
  question(state: FormState): string;
  /** Said after an answer not understood. */
  retry(state: FormState): string;
  /** The choices offered with the question (typed equivalents are read by {@link read}). */
  choices(state: FormState): ChoiceSpec[];
  /** Quick replies offered besides the choices (Messenger's phone and e-mail buttons). */
  extraActions?(state: FormState): CardAction[];
  /**
   * The answer read in the context of the question, from what it expects only (a choice, a
   * yes/no, a time expression, a relative); such an answer never goes through the global checks.
   */
  read(activity: Partial<Activity>, state: FormState): Answer | undefined;
  /** The answer read freely, after the global checks (free text, the geocoder, the NLU). */
  accept?(activity: Partial<Activity>, state: FormState, deps: FieldDeps): Promise<Answer | undefined>;
  /** Forgets the answer (for "retour" and the recap's changes). */
  clear(state: FormState): void;
}

/** Turns `draft` into a draft of the other kind, keeping what applies to both. */
export function switchKind(state: FormState, kind: EntryKind): void {
  state.draft.kind = kind;
  delete state.draft.beneficiary;
  delete state.draft.urgency;
  if (state.availabilityFromUrgency) delete state.draft.availability;
  delete state.availabilityFromUrgency;
  // Only offers are one-off or regular.
  delete state.draft.recurring;
  delete state.recurringFromAvailability;
  state.answered = state.answered.filter((id) => id !== 'recurring');
  // The commitments differ between offers and needs: they are read again.
  delete state.commitments;
  state.answered = state.answered.filter(
    (id) => id !== 'beneficiary' && id !== 'urgency' && id !== 'commitments',
  );
}

/** The state of a form in progress on `dc`'s stack, if any. */
export function formStateOn(dc: DialogContext): FormState | undefined {
  for (let current: DialogContext | undefined = dc; current; current = current.child) {
    const top = current.activeDialog;
    if (top?.id === FORM_FIELDS_DIALOG) {
      const state = (top.state as { form?: FormState }).form;
      return state;
    }
  }
  return undefined;
}
