/**
 * Buttons tapped after the question that offered them has ended: a button the bot offered
 * is never "plus d'actualité". What its title says is done when it still can be ("Tout
 * supprimer" under the export, "Mettre en pause" under an old list, "Oui, allons-y" to a
 * second request); otherwise the resident is told kindly that the question is over.
 */
import type { TurnContext } from 'botbuilder';
import { CATEGORIES, type Category } from '../services/domain/types';
import { t } from '../services/i18n';
import { DialogId } from './ids';
import type { MyEntriesOptions } from './myEntriesDialog';
import {
  AlsoPrefix,
  OnBehalfPayload,
  Payload,
  PayloadPrefix,
  TestimonialPayload,
  TestimonialPrefix,
  idAfter,
} from './payload';
import type { EntriesPort } from './ports';
import { PRIVACY_PAYLOADS, type PrivacyOptions } from './privacy/privacyDialog';
import { withMenu } from './replies';

/** A dialog to start for a later button. */
export interface LaterStart {
  id: string;
  options?: object;
}

/** A request the resident made besides the one handled first (see `alsoRequested` of the NLU). */
export interface AlsoRequest {
  intent: 'offer' | 'need';
  category: Category;
}

/** What the owner's actions under an old list call. */
export type LaterPayloadDeps = { entries: Pick<EntriesPort, 'pause' | 'resume' | 'withdraw'> };

/** The owner's actions under "Mes annonces" that can be done from any later turn. */
const ENTRY_ACTIONS = [
  { prefix: PayloadPrefix.entryPause, run: 'pause', done: 'myEntries.donePause' },
  { prefix: PayloadPrefix.entryResume, run: 'resume', done: 'myEntries.doneResume' },
  { prefix: PayloadPrefix.entryWithdraw, run: 'withdraw', done: 'myEntries.doneWithdraw' },
] as const;

/** The payload saying yes to `also` ("Oui, allons-y"). */
export function alsoPayload(also: AlsoRequest): string {
  return `${also.intent === 'need' ? AlsoPrefix.need : AlsoPrefix.offer}${also.category.toUpperCase()}`;
}

/** The second request a payload says yes to, if it is one. */
export function readAlsoPayload(payload: string | undefined): AlsoRequest | undefined {
  for (const intent of ['need', 'offer'] as const) {
    const prefix = intent === 'need' ? AlsoPrefix.need : AlsoPrefix.offer;
    if (!payload?.startsWith(prefix)) continue;
    const name = payload.slice(prefix.length).toLowerCase();
    const category = CATEGORIES.find((candidate) => candidate === name);
    return category ? { intent, category } : undefined;
  }
  return undefined;
}

/**
 * True for a button that acts by itself from any turn, whatever is being asked (the main
 * dialog then stops the current question for it, unless that question offered it).
 */
export function actsAnyTime(payload: string): boolean {
  return (
    payload in PRIVACY_PAYLOADS ||
    payload === TestimonialPayload.privacyWithdraw ||
    payload === Payload.alsoNo ||
    readAlsoPayload(payload) !== undefined ||
    ENTRY_ACTIONS.some(({ prefix }) => idAfter(payload, prefix) !== undefined) ||
    idAfter(payload, PayloadPrefix.entry) !== undefined
  );
}

/** The dialog the form of `also` is. */
export function startAlso(also: AlsoRequest): LaterStart {
  return {
    id: also.intent === 'need' ? DialogId.need : DialogId.offer,
    options: { category: also.category },
  };
}

/**
 * Serves a button whose question has ended: starts the dialog it belongs to at that
 * choice, does the owner's action, or says the question is over.
 *
 * @returns the dialog to start, if any; undefined when the payload is not one the bot
 * offers (the caller says so).
 */
export async function handleLaterPayload(
  context: TurnContext,
  deps: LaterPayloadDeps,
  payload: string,
): Promise<LaterStart | 'answered' | undefined> {
  const privacy = PRIVACY_PAYLOADS[payload];
  if (privacy) return { id: DialogId.privacy, options: { start: privacy } satisfies PrivacyOptions };
  if (payload === TestimonialPayload.privacyWithdraw) return { id: DialogId.withdrawTestimonial };
  const also = readAlsoPayload(payload);
  if (also) return startAlso(also);
  if (payload === Payload.alsoNo) {
    await context.sendActivity(withMenu(t('also.dropped')));
    return 'answered';
  }
  const psid = context.activity.from.id;
  for (const action of ENTRY_ACTIONS) {
    const id = idAfter(payload, action.prefix);
    if (!id) continue;
    const done = await deps.entries[action.run](id, psid);
    await context.sendActivity(withMenu(t(done ? action.done : 'myEntries.failed')));
    return 'answered';
  }
  const entryId = idAfter(payload, PayloadPrefix.entry);
  if (entryId) return { id: DialogId.myEntries, options: { entryId } satisfies MyEntriesOptions };
  if (!offeredByTheBot(payload)) return undefined;
  await context.sendActivity(withMenu(t('understanding.finishedQuestion')));
  return 'answered';
}

/** True for a payload some question of the bot offers (its question may be over). */
function offeredByTheBot(payload: string): boolean {
  const fixed: string[] = [
    ...Object.values(Payload),
    ...Object.values(OnBehalfPayload),
    ...Object.values(TestimonialPayload),
  ];
  const prefixes: string[] = [...Object.values(PayloadPrefix), ...Object.values(TestimonialPrefix)];
  return fixed.includes(payload) || prefixes.some((prefix) => payload.startsWith(prefix));
}
