/**
 * Readers of the entry form that need the understanding service (a category guessed from
 * free text) or the contact extractors, and what the form's fields call.
 */
import type { Activity } from 'botbuilder';
import type { Category, Resident } from '../../services/domain/types';
import { extractEmails, extractPhones } from '../../services/nlu';
import type { GeocoderPort, NluPort } from '../ports';
import { normalize } from '../keywords';
import { Payload, categoryFromPayload, readPayload, readText } from '../payload';
import { categoryName } from '../replies';
import { CONFIDENCE_THRESHOLD } from '../understanding';
import { CATEGORIES } from '../../services/domain/types';

/** What the form's fields call: the understanding (categories, neighbourhoods) and the geocoder. */
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
