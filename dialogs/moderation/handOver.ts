/**
 * Handing the conversation to a referent: the resident is told who answers and when
 * (before, since Meta may refuse the bot's messages once the page inbox owns the thread),
 * then the thread goes to the page inbox. Nothing more is sent in that turn.
 */
import type { TurnContext } from 'botbuilder';
import type { AttentionReason } from '../../services/domain/types';
import { categoryName } from '../replies';
import { t } from '../../services/i18n';
import { residentHandoverText, textActivity } from '../notices/moderation';
import type { DialogDeps, StoredEntry } from '../deps';
import { understandTurn } from '../understanding';
import { moderatorMenu } from './moderatorMenu';
import { conversationSummary } from './recentTexts';

/** What the caller knows about the request. */
export interface HandOverDetails {
  /** Short and factual, for the attention flag (a category, an id, an emergency kind). */
  detail?: string;
  neighbourhood?: string;
  /** Replaces the summary of the last texts (a proactive handover has none). */
  summary?: string;
}

/**
 * Tells the resident, flags the conversation and hands it over, in that order.
 *
 * @remarks
 * A moderator is not handed to themselves: they get a short note and their menu.
 */
export async function handOverToReferent(
  context: TurnContext,
  deps: DialogDeps,
  reason: AttentionReason,
  details: HandOverDetails = {},
): Promise<void> {
  const psid = context.activity.from.id;
  if (await deps.moderation.moderators.isModerator(psid)) {
    await context.sendActivity(await moderatorMenu(deps, psid, t('moderatorMenu.noSelfHandover')));
    return;
  }
  const understanding = understandTurn(context, deps.nlu);
  const notice = await deps.moderation.handover.availability();
  await context.sendActivity(residentHandoverText(notice));
  await deps.attention.flag(psid, reason, details.detail);
  await deps.moderation.handover.handOver({
    psid,
    reason,
    summary: details.summary ?? conversationSummary(context),
    ...(understanding
      ? { scores: { [understanding.intent]: Math.round(understanding.intentConfidence * 100) / 100 } }
      : {}),
    ...withNeighbourhood(details.neighbourhood ?? understanding?.neighbourhood?.name),
  });
}

/** Says `intro` about the resident's entry just saved, then hands the conversation over. */
export async function handOverAboutEntry(
  context: TurnContext,
  deps: DialogDeps,
  reason: AttentionReason,
  entry: StoredEntry,
  intro: string,
): Promise<void> {
  await context.sendActivity(intro);
  await handOverToReferent(context, deps, reason, {
    detail: entry._id.toHexString(),
    neighbourhood: entry.neighbourhood,
  });
}

/** A summary of an entry for the referents (its description is already without contacts). */
export function entrySummary(entry: StoredEntry): string {
  return `${categoryName(entry.category)} : « ${entry.description} »`;
}

/**
 * The same outside the resident's turn (a helper declined the last offer): the notice
 * goes through the notifier, inside the resident's 24-hour window.
 */
export async function handOverProactively(
  deps: DialogDeps,
  psid: string,
  reason: AttentionReason,
  details: HandOverDetails & { summary: string },
): Promise<void> {
  const notice = await deps.moderation.handover.availability();
  await deps.notifier.notify(psid, textActivity(residentHandoverText(notice)));
  await deps.attention.flag(psid, reason, details.detail);
  await deps.moderation.handover.handOver({
    psid,
    reason,
    summary: details.summary,
    ...withNeighbourhood(details.neighbourhood),
  });
}

function withNeighbourhood(name: string | undefined): { neighbourhood?: string } {
  return name ? { neighbourhood: name } : {};
}
