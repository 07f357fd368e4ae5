/**
 * The daily limit on the entries a resident stores: looked at when a form starts, so that
 * nobody fills one for nothing, and counted when the entry is stored (see `saveEntry`).
 */
import type { TurnContext } from 'botbuilder';
import type { EntryKind } from '../../services/domain/types';
import { t } from '../../services/i18n';
import type { EntriesPort } from '../ports';
import { withMenu } from '../replies';

/** What it needs: the entries module's use case. */
export interface EntryLimitDeps {
  entries: Pick<EntriesPort, 'dailyAllowance'>;
}

/** Tells the resident that today's `perDay` entries of `kind` are used up, with the menu (a referent can help). */
export async function tellEntryLimit(context: TurnContext, kind: EntryKind, perDay: number): Promise<void> {
  const text =
    kind === 'need' ? t('limits.needsPerDay', { max: perDay }) : t('limits.offersPerDay', { max: perDay });
  await context.sendActivity(withMenu(text));
}

/** True when the resident may still store an entry of `kind` today; otherwise tells them. */
export async function entryAllowedToday(
  context: TurnContext,
  deps: EntryLimitDeps,
  kind: EntryKind,
): Promise<boolean> {
  const allowance = await deps.entries.dailyAllowance(context.activity.from.id, kind);
  if (allowance.allowed) return true;
  await tellEntryLimit(context, kind, allowance.perDay);
  return false;
}
