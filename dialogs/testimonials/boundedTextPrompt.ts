/**
 * A prompt accepting a typed text whose length, once trimmed, lies within bounds (and, for a
 * signature, that holds no phone, e-mail or link).
 */
import type { Activity } from 'botbuilder';
import type { PromptValidatorContext } from 'botbuilder-dialogs';
import { ActivityPrompt } from '../botbuilderDialogs';
import { t } from '../../services/i18n';
import { screenText } from '../screening';
import { readText } from '../payload';

/** Prompt ids of the testimonial dialogs. */
export const StoryPromptId = {
  story: 'storyPrompt',
  name: 'namePrompt',
} as const;

/** Options of {@link boundedTextPrompt}. */
export interface BoundedTextOptions {
  /** Refuses a text the screening would change (a phone, an e-mail, a link), saying this locale text first. */
  contactsNotice?: string;
}

/** A prompt accepting typed text of `min` to `max` characters (taps and attachments are retried). */
export function boundedTextPrompt(
  id: string,
  min: number,
  max: number,
  options: BoundedTextOptions = {},
): ActivityPrompt {
  return new ActivityPrompt(id, async (prompt: PromptValidatorContext<Activity>) => {
    const text = prompt.recognized.value ? readText(prompt.recognized.value) : undefined;
    if (text === undefined || text.length < min || text.length > max) return false;
    if (options.contactsNotice === undefined || screenText(text).removed.length === 0) return true;
    await prompt.context.sendActivity(t(options.contactsNotice));
    return false;
  });
}
