/**
 * An invitation to leave a testimonial: `text` with "Témoigner" first, then the menu.
 */
import type { Activity } from 'botbuilder';
import { t } from '../../services/i18n';
import { MenuPayload } from '../payload';
import { choice, menuChoices, withChoices } from '../replies';

/** `text` with the "Témoigner" quick reply first, then the rest of the menu. */
export function testimonialInvitation(text: string): Partial<Activity> {
  const menu = menuChoices().filter((action) => action.value !== MenuPayload.testimonial);
  return withChoices(text, [choice(t('menu.testimonial'), MenuPayload.testimonial), ...menu]);
}
