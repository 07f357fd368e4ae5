/**
 * The prompts of the dialogs: each accepts a message and checks it is an answer to the
 * question asked (a quick reply among those offered, or its typed equivalent).
 */
import type { Activity, CardAction } from 'botbuilder';
import type { PromptOptions, PromptValidatorContext } from 'botbuilder-dialogs';
import { ActivityPrompt } from './botbuilderDialogs';
import { readAgreement, readPosition } from './entry/answers';
import { normalize } from './keywords';
import { Payload, readPayload, readText } from './payload';
import { withChoices } from './replies';

/** Prompt ids, one per kind of answer. */
export const PromptId = {
  choice: 'choicePrompt',
  text: 'textPrompt',
} as const;

/** What a choice prompt accepts: the quick replies it offered. */
interface ChoiceValidations {
  choices: CardAction[];
}

function isChoiceValidations(value: unknown): value is ChoiceValidations {
  return typeof value === 'object' && value !== null && Array.isArray((value as ChoiceValidations).choices);
}

/**
 * The payload of the offered choice the resident picked, if any: tapped, typed as its title,
 * its number ("2"), yes/no in its usual forms ("oui d'accord", "non pas du tout") for Oui/Non
 * choices, or a part of one title only.
 */
export function resolveChoice(
  activity: Partial<Activity>,
  choices: readonly CardAction[],
): string | undefined {
  const values = choices.map((action) => String(action.value));
  const payload = readPayload(activity);
  if (payload && values.includes(payload)) return payload;
  const text = readText(activity);
  if (!text) return undefined;
  const typed = normalize(text);
  const byTitle = choices.find((action) => normalize(action.title) === typed);
  if (byTitle) return String(byTitle.value);
  // "2", "le 2", "deux": the choice at that place, as the resident reads them.
  const position = readPosition(typed);
  const byPosition = position === undefined ? undefined : choices[position - 1];
  if (byPosition) return String(byPosition.value);
  const yesNo = readAgreement(text);
  if (yesNo === true && values.includes(Payload.yes)) return Payload.yes;
  if (yesNo === false && values.includes(Payload.no)) return Payload.no;
  return byPartialTitle(typed, choices) ?? byYesNoTitle(yesNo, choices);
}

/**
 * The only choice whose title holds what was typed, or is held in it ("pas urgent" for
 * "Non, pas urgent", "pour moi svp" for "Pour moi"); none when several fit.
 */
function byPartialTitle(typed: string, choices: readonly CardAction[]): string | undefined {
  if (typed.length < 3) return undefined;
  const fitting = choices.filter((action) => {
    const title = normalize(action.title);
    return title.length >= 3 && (title.includes(typed) || typed.includes(title));
  });
  return fitting.length === 1 ? String(fitting[0]?.value) : undefined;
}

/** "oui"/"non" typed for choices titled "Oui, …"/"Non, …" (or "Yes, …"/"No, …") whose payloads are not YES/NO. */
function byYesNoTitle(yesNo: boolean | undefined, choices: readonly CardAction[]): string | undefined {
  if (yesNo === undefined) return undefined;
  const words = yesNo ? ['oui', 'yes'] : ['non', 'no'];
  const fitting = choices.filter((action) => words.includes(normalize(action.title).split(/\W+/)[0] ?? ''));
  return fitting.length === 1 ? String(fitting[0]?.value) : undefined;
}

/** Options asking `text` with `choices`; a wrong answer is told `retryText` with the same choices. */
export function choiceOptions(text: string, choices: CardAction[], retryText: string): PromptOptions {
  return {
    prompt: withChoices(text, choices),
    retryPrompt: withChoices(retryText, choices),
    validations: { choices } satisfies ChoiceValidations,
  };
}

/** Options asking for typed text. */
export function textOptions(text: string, retryText: string): PromptOptions {
  return { prompt: text, retryPrompt: retryText };
}

/** The payload of the choice a step's prompt accepted (the prompt returns the activity). */
export function chosen(result: unknown, choices: readonly CardAction[]): string | undefined {
  return typeof result === 'object' && result !== null ? resolveChoice(result, choices) : undefined;
}

async function validateChoice(prompt: PromptValidatorContext<Activity>): Promise<boolean> {
  const validations: unknown = prompt.options.validations;
  return Promise.resolve(
    isChoiceValidations(validations) &&
      prompt.recognized.value !== undefined &&
      resolveChoice(prompt.recognized.value, validations.choices) !== undefined,
  );
}

async function validateText(prompt: PromptValidatorContext<Activity>): Promise<boolean> {
  const text = prompt.recognized.value ? readText(prompt.recognized.value) : undefined;
  return Promise.resolve(text !== undefined && text.length >= 2);
}

/** A prompt accepting one of the quick replies it offered. */
export function choicePrompt(id: string = PromptId.choice): ActivityPrompt {
  return new ActivityPrompt(id, validateChoice);
}

/** A prompt accepting a typed text of at least two characters. */
export function textPrompt(id: string = PromptId.text): ActivityPrompt {
  return new ActivityPrompt(id, validateText);
}
