/**
 * The owner of a one-off offer used up by a match answers "Votre offre a servi : la
 * republier, ou la rendre régulière ?" (`ENTRY_REPUBLISH_<id>` / `ENTRY_REGULAR_<id>`), at any
 * time, or from "Mes annonces": the entries module decides, this file says it in French.
 */
import type { Activity, TurnContext } from 'botbuilder';
import { t } from '../../services/i18n';
import type { EntriesPort, MatchingPort } from '../ports';
import { PayloadPrefix, idAfter } from '../payload';
import { withMenu } from '../replies';
import { tellEntryLimit } from './dailyLimit';

/** What the answer calls: the entries module's use cases, and matching an offer available again. */
export interface UsedUpOfferDeps {
  entries: Pick<EntriesPort, 'republish' | 'makeRegular'>;
  matching: Pick<MatchingPort, 'entryPublished'>;
}

/** True when the payload answers the question about a used-up offer. */
export function isUsedUpOfferAnswer(payload: string | undefined): boolean {
  return (
    idAfter(payload, PayloadPrefix.entryRepublish) !== undefined ||
    idAfter(payload, PayloadPrefix.entryRegular) !== undefined
  );
}

/** The reply: with the menu when idle; plain when a question follows. */
function reply(text: string, idle: boolean): Partial<Activity> | string {
  return idle ? withMenu(`${text}\n${t('greeting.menuPrompt')}`) : text;
}

/**
 * Publishes the offer again (a new offer, reviewed like any new one, within the day's limit)
 * or makes it regular and available at once (then matched again, like a resumed offer).
 */
export async function handleUsedUpOfferAnswer(
  context: TurnContext,
  deps: UsedUpOfferDeps,
  payload: string,
  idle: boolean,
): Promise<void> {
  const psid = context.activity.from.id;
  const republishId = idAfter(payload, PayloadPrefix.entryRepublish);
  if (republishId) {
    const outcome = await deps.entries.republish(republishId, psid);
    if (outcome.status === 'limit_reached') {
      await tellEntryLimit(context, 'offer', outcome.perDay);
      return;
    }
    const key = outcome.status === 'stored' ? 'offerUsedUp.republished' : 'offerUsedUp.stale';
    await context.sendActivity(reply(t(key), idle));
    return;
  }
  const regularId = idAfter(payload, PayloadPrefix.entryRegular);
  if (!regularId) return;
  const done = await deps.entries.makeRegular(regularId, psid);
  await context.sendActivity(reply(t(done ? 'offerUsedUp.madeRegular' : 'offerUsedUp.stale'), idle));
  // Available again: the open needs near it are suggested to it at once.
  if (done) await deps.matching.entryPublished(regularId);
}
