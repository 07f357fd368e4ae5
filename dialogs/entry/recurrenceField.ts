/**
 * "Une seule fois, ou régulièrement ?", asked of offers after their availability: a one-off
 * offer is used up by its first match, a regular one stays proposed after each. An
 * availability that already says it ("le samedi matin, chaque semaine") answers it.
 */
import type { Activity } from 'botbuilder';
import { t } from '../../services/i18n';
import { Payload, readPayload, readText } from '../payload';
import { type ChoiceSpec, readRecurrence } from './answers';
import { picked, set } from './fieldReading';
import type { Answer, Field, FormState } from './formState';

const recurrenceSpecs = (): ChoiceSpec[] => [
  { payload: Payload.offerOnce, title: t('form.recurrenceOnce') },
  { payload: Payload.offerRegular, title: t('form.recurrenceRegular') },
];

const recurrenceAnswer = (recurring: boolean): Answer =>
  set((state) => {
    state.draft.recurring = recurring;
    delete state.recurringFromAvailability;
  });

/** The answer read in words ("chaque samedi", "juste une fois", "oui régulièrement"). */
function typedRecurrence(activity: Partial<Activity>): boolean | undefined {
  const text = readPayload(activity) ? undefined : readText(activity);
  const read = text ? readRecurrence(text) : undefined;
  return read === undefined ? undefined : read === 'regular';
}

export const recurrence: Field = {
  id: 'recurring',
  missing: (state) => state.draft.kind === 'offer' && state.draft.recurring === undefined,
  question: () => t('form.recurrence'),
  retry: () => t('form.retryButtons'),
  choices: recurrenceSpecs,
  read(activity) {
    const choice = picked(activity, recurrenceSpecs());
    const recurring = choice ? choice === Payload.offerRegular : typedRecurrence(activity);
    return recurring === undefined ? undefined : recurrenceAnswer(recurring);
  },
  clear: (state) => clearRecurrence(state),
};

/** Forgets whether the offer is regular. */
export function clearRecurrence(state: FormState): void {
  delete state.draft.recurring;
  delete state.recurringFromAvailability;
}

/**
 * After an offer's availability: when its words say it ("tous les samedis", "juste ce
 * samedi"), the question is answered and the resident told so (they can change it in the
 * recap); returns what to say.
 */
export function recurrenceFromAvailability(state: FormState, availability: string): string[] {
  if (state.draft.kind !== 'offer' || state.draft.recurring !== undefined) return [];
  const read = readRecurrence(availability);
  if (!read) return [];
  state.draft.recurring = read === 'regular';
  state.recurringFromAvailability = true;
  return [t(read === 'regular' ? 'form.recurrenceNotedRegular' : 'form.recurrenceNotedOnce')];
}
