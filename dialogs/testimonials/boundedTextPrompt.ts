/**
 * A prompt accepting a typed text whose length, once trimmed, lies within bounds.
 */
import type { Activity } from 'botbuilder';
import type { PromptValidatorContext } from 'botbuilder-dialogs';
import { ActivityPrompt } from 'botbuilder-dialogs';
import { readText } from '../payload';

/** Prompt ids of the testimonial dialogs. */
export const StoryPromptId = {
  story: 'storyPrompt',
  name: 'namePrompt',
} as const;

/** A prompt accepting typed text of `min` to `max` characters (taps and attachments are retried). */
export function boundedTextPrompt(id: string, min: number, max: number): ActivityPrompt {
  return new ActivityPrompt(id, (prompt: PromptValidatorContext<Activity>) => {
    const text = prompt.recognized.value ? readText(prompt.recognized.value) : undefined;
    return Promise.resolve(text !== undefined && text.length >= min && text.length <= max);
  });
}
