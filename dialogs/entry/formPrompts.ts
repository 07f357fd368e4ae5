/**
 * The prompts of the entry form that need the understanding service or the geocoder:
 * category, place, contact.
 */
import type { Activity, TurnContext } from 'botbuilder';
import type { PromptValidatorContext } from 'botbuilder-dialogs';
import { ActivityPrompt } from 'botbuilder-dialogs';
import type { Category, Resident } from '../../services/domain/types';
import { t } from '../../services/i18n';
import { extractEmails, extractPhones } from '../../services/nlu';
import type { FoundPlace, GeocoderPort, NluPort } from '../ports';
import { normalize } from '../keywords';
import { Payload, categoryFromPayload, readLocation, readPayload, readText } from '../payload';
import { categoryName } from '../replies';
import { CONFIDENCE_THRESHOLD } from '../understanding';
import { CATEGORIES } from '../../services/domain/types';
import { PlaceFinder } from './place';

/** Prompt ids of the form. */
export const FormPromptId = {
  category: 'categoryPrompt',
  place: 'placePrompt',
  contact: 'contactPrompt',
} as const;

const PLACE_KEY = Symbol('foundPlace');

/** What the form's prompts call: the understanding (categories, neighbourhoods) and the geocoder. */
export interface FormPromptsDeps {
  nlu: NluPort;
  geocoder: GeocoderPort;
}

/** The category tapped, named, or understood with enough confidence from the text. */
export function categoryOf(
  activity: Partial<Activity>,
  deps: { nlu: Pick<NluPort, 'classifyCategory'> },
): Category | undefined {
  const fromPayload = categoryFromPayload(readPayload(activity));
  if (fromPayload) return fromPayload;
  const text = readText(activity);
  if (!text) return undefined;
  const typed = normalize(text);
  const named = CATEGORIES.find((category) => normalize(categoryName(category)) === typed);
  if (named) return named;
  const guess = deps.nlu.classifyCategory(text);
  return guess.confidence >= CONFIDENCE_THRESHOLD ? guess.label : undefined;
}

/** The contact preference given: page only, or a valid phone number / e-mail (tapped or typed). */
export function contactOf(activity: Partial<Activity>): Resident['contact'] | undefined {
  const payload = readPayload(activity);
  if (payload === Payload.contactPage) return { channels: ['page'] };
  const answer = (payload ?? activity.text ?? '').trim();
  const [phone] = extractPhones(answer);
  if (phone) return { channels: ['phone'], phone };
  const [email] = extractEmails(answer);
  if (email) return { channels: ['email'], email };
  return undefined;
}

/** The place found by the place prompt during this turn. */
export function placeFound(context: TurnContext): FoundPlace | undefined {
  const found: unknown = context.turnState.get(PLACE_KEY);
  return found === undefined ? undefined : (found as FoundPlace);
}

/** Creates the form's prompts. */
export function formPrompts(deps: FormPromptsDeps): ActivityPrompt[] {
  const places = new PlaceFinder(deps.geocoder, deps.nlu);
  const category = async (prompt: PromptValidatorContext<Activity>): Promise<boolean> =>
    Promise.resolve(
      prompt.recognized.value !== undefined && categoryOf(prompt.recognized.value, deps) !== undefined,
    );

  const place = async (prompt: PromptValidatorContext<Activity>): Promise<boolean> => {
    const activity = prompt.recognized.value;
    if (!activity) return false;
    const answer = await places.find(readLocation(activity), readText(activity));
    // Said here, the prompt does not add its retry: the resident reads one clear sentence.
    if (answer.status === 'outside') await prompt.context.sendActivity(t('places.outsideMiramas'));
    if (answer.status !== 'found') return false;
    prompt.context.turnState.set(PLACE_KEY, answer.place);
    return true;
  };

  const contact = async (prompt: PromptValidatorContext<Activity>): Promise<boolean> =>
    Promise.resolve(
      prompt.recognized.value !== undefined && contactOf(prompt.recognized.value) !== undefined,
    );

  return [
    new ActivityPrompt(FormPromptId.category, category),
    new ActivityPrompt(FormPromptId.place, place),
    new ActivityPrompt(FormPromptId.contact, contact),
  ];
}
