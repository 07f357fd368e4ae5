/**
 * Builders of the messages residents read: texts from locales/ with quick replies.
 */
import type { Activity, CardAction } from 'botbuilder';
import { ActionTypes, MessageFactory } from 'botbuilder';
import type { Category } from '../services/domain/types';
import { CATEGORIES } from '../services/domain/types';
import { t } from '../services/i18n';
import { MenuPayload, Payload, categoryPayload } from './payload';

/** Messenger limits. */
export const MAX_QUICK_REPLIES = 13;
export const MAX_TITLE_LENGTH = 20;

/** A title cut to Messenger's 20 characters. */
export function shortTitle(title: string): string {
  return title.length <= MAX_TITLE_LENGTH ? title : `${title.slice(0, MAX_TITLE_LENGTH - 1)}…`;
}

/** A quick reply sending `payload`. */
export function choice(title: string, payload: string): CardAction {
  return { type: ActionTypes.PostBack, title: shortTitle(title), value: payload };
}

/** A message with quick replies (at most 13). */
export function withChoices(text: string, actions: CardAction[]): Partial<Activity> {
  return MessageFactory.suggestedActions(actions.slice(0, MAX_QUICK_REPLIES), text);
}

/** The main menu's quick replies. */
export function menuChoices(): CardAction[] {
  return [
    choice(t('menu.offer'), MenuPayload.offer),
    choice(t('menu.need'), MenuPayload.need),
    choice(t('menu.human'), MenuPayload.human),
    choice(t('menu.myEntries'), MenuPayload.myEntries),
    choice(t('menu.privacy'), MenuPayload.privacy),
    choice(t('menu.testimonial'), MenuPayload.testimonial),
    choice(t('menu.help'), MenuPayload.help),
  ];
}

/** `text` followed by the main menu. */
export function withMenu(text: string): Partial<Activity> {
  return withChoices(text, menuChoices());
}

/** Oui / Non quick replies with the given titles. */
export function yesNoChoices(yes = t('form.yes'), no = t('form.no')): CardAction[] {
  return [choice(yes, Payload.yes), choice(no, Payload.no)];
}

/** The French name of a category. */
export function categoryName(category: Category): string {
  return t(`categories.${category}`);
}

/** One quick reply per category. */
export function categoryChoices(): CardAction[] {
  return CATEGORIES.map((category) => choice(categoryName(category), categoryPayload(category)));
}

/** A date as residents read it (Paris time). */
export function frenchDate(date: Date): string {
  return date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
}
