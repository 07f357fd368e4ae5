/**
 * The daily limit on the entries a resident stores: looked at when a form starts, so that
 * nobody fills one for nothing, and counted when the entry is stored (see `saveEntry`).
 */
import type { TurnContext } from 'botbuilder';
import type { EntryKind } from '../../services/domain/types';
import { t } from '../../services/i18n';
import type { LimitsPort } from '../ports';
import { withMenu } from '../replies';

/** What the daily limit on entries calls. */
export interface EntryLimitDeps {
  limits: Pick<LimitsPort, 'settings' | 'mayCreateEntry'>;
}

/** Tells the resident that today's entries of `kind` are used up, with the menu (a referent can help). */
export async function tellEntryLimit(
  context: TurnContext,
  deps: Pick<EntryLimitDeps, 'limits'>,
  kind: EntryKind,
): Promise<void> {
  const { needsPerDay, offersPerDay } = deps.limits.settings;
  const text =
    kind === 'need'
      ? t('limits.needsPerDay', { max: needsPerDay })
      : t('limits.offersPerDay', { max: offersPerDay });
  await context.sendActivity(withMenu(text));
}

/** True when the resident may still store an entry of `kind` today; otherwise tells them. */
export async function entryAllowedToday(
  context: TurnContext,
  deps: EntryLimitDeps,
  kind: EntryKind,
): Promise<boolean> {
  if (await deps.limits.mayCreateEntry(context.activity.from.id, kind)) return true;
  await tellEntryLimit(context, deps, kind);
  return false;
}
