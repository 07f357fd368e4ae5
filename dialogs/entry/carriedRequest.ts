/**
 * The offer or need form a resident's first message asks for, with what it already says:
 * its category, urgency, who it is for, its description and when (`carriedDescription.ts`,
 * `carriedTime.ts`), and a second request told in the same message.
 */
import type { CarriedRequest } from '../emergencyQuestionDialog';
import { DialogId } from '../ids';
import type { Understanding } from '../ports';
import { CATEGORY_CARRY_THRESHOLD } from '../understanding';
import { mentionsRelative } from './answers';
import { carriedDescription } from './carriedDescription';
import { carriedTime } from './carriedTime';
import type { EntryDialogOptions } from './draft';

/** The form `intent` asks for, from the message `text` and what the NLU made of it. */
export function carriedRequest(
  text: string | undefined,
  intent: 'offer' | 'need',
  understanding: Understanding,
): CarriedRequest {
  const options: EntryDialogOptions = {
    // "Autre" is what vague messages get ("besoin d'un coup de main"): ask rather than assume it.
    category:
      understanding.category !== 'none' &&
      understanding.category !== 'other' &&
      understanding.categoryConfidence >= CATEGORY_CARRY_THRESHOLD
        ? understanding.category
        : undefined,
    urgency: understanding.urgency,
    beneficiary: mentionsRelative(text ?? '') ? 'relative' : undefined,
    // Two requests in one message: the message tells both, it describes neither alone.
    description: understanding.alsoRequested ? undefined : carriedDescription(text),
    // "demain matin", "tous les mardis": the answer to "Quand ?" (for the one request told).
    availability: understanding.alsoRequested ? undefined : carriedTime(text),
  };
  // "les courses et aussi imprimer un papier": the second request is offered at the end.
  const also = understanding.alsoRequested;
  if (intent === 'need') return { id: DialogId.need, options, also };
  const { category, description, availability } = options;
  return { id: DialogId.offer, options: { category, description, availability }, also };
}
