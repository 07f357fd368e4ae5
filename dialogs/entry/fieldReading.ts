/**
 * Small helpers the form's questions share: a choice picked (tapped or typed), a yes/no,
 * an answer that updates the form, a typed text screened for contact details.
 */
import type { Activity } from 'botbuilder';
import { Payload, readPayload, readText } from '../payload';
import { removalNotices, screenText, type ScreenedField } from '../screening';
import { type ChoiceSpec, readAgreement, readChoiceText } from './answers';
import type { Answer, FormState } from './formState';

/** The choice picked: a payload among `choices`, or its typed form. */
export function picked(activity: Partial<Activity>, choices: readonly ChoiceSpec[]): string | undefined {
  const payload = readPayload(activity);
  if (payload) return choices.some((choice) => choice.payload === payload) ? payload : undefined;
  const text = readText(activity);
  return text ? readChoiceText(text, choices) : undefined;
}

/** A yes/no question: the choices, or yes/no in its usual forms. */
export function yesNo(activity: Partial<Activity>, choices: readonly ChoiceSpec[]): boolean | undefined {
  const choice = picked(activity, choices);
  if (choice !== undefined) return choice === Payload.yes;
  return readPayload(activity) ? undefined : readAgreement(readText(activity));
}

/** An answer that records itself with `update` (which returns what to say). */
export const set = (update: (state: FormState) => string[] | void): Answer => ({
  kind: 'set',
  update: (state) => update(state) ?? [],
});

/**
 * The typed text screened for contact details and addresses, and what to tell the resident
 * about what was removed from `field`.
 */
export function screened(
  activity: Partial<Activity>,
  field: ScreenedField,
): { text: string; said: string[] } {
  const result = screenText((activity.text ?? '').trim());
  return { text: result.text, said: removalNotices(result.removed, field) };
}
