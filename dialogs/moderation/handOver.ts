/**
 * Handing the conversation to a referent: the resident is told who answers and when
 * (before, since Meta may refuse the bot's messages once the page inbox owns the thread),
 * then the thread goes to the page inbox. Nothing more is sent in that turn.
 */
import type { TurnContext } from 'botbuilder';
import type { AttentionReason } from '../../services/domain/types';
import { categoryName } from '../replies';
import { t } from '../../services/i18n';
import type { UrgentNeedHandoverPort } from '../../services/matching';
import type { UndeliveredQueue } from '../../services/moderation';
import { reached, type ResidentNotifier } from '../../services/messaging/notifier';
import { residentHandoverText, textActivity } from '../notices/moderation';
import type {
  AttentionPort,
  HandoverPort,
  ModerationPort,
  StoredEntry,
  TasksPort,
  Understanding,
} from '../ports';
import { moderatorMenu } from './moderatorMenu';
import { conversationSummary } from './recentTexts';
import { isSensitiveHandover } from './sensitive';

/** What a handover during the resident's turn calls. */
export interface HandOverDeps {
  moderation: Pick<ModerationPort, 'moderators' | 'handover' | 'qualification'>;
  attention: AttentionPort;
  tasks: Pick<TasksPort, 'count'>;
}

/** What a handover outside the resident's turn calls. */
export interface ProactiveHandOverDeps {
  moderation: { handover: Pick<HandoverPort, 'availability' | 'handOver'> };
  notifier: ResidentNotifier;
  attention: AttentionPort;
}

/** What the turn knows that a handover records (see `Turn` in ../turn.ts). */
export interface TurnFacts {
  /** The understanding of the typed text of the turn (null for a tap). */
  readonly understanding: Understanding | null;
  /** The resident's last texts, screened, this turn's included. */
  readonly recentTexts: readonly string[];
}

/** Hands the conversation over about an entry just saved (the port the entry dialogs call). */
export interface EntryHandover {
  aboutEntry(context: TurnContext, reason: AttentionReason, entry: StoredEntry, intro: string): Promise<void>;
}

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
  deps: HandOverDeps,
  turn: TurnFacts,
  reason: AttentionReason,
  details: HandOverDetails = {},
): Promise<void> {
  const psid = context.activity.from.id;
  if (await deps.moderation.moderators.isModerator(psid)) {
    await context.sendActivity(await moderatorMenu(deps, psid, t('moderatorMenu.noSelfHandover')));
    return;
  }
  const { understanding } = turn;
  const notice = await deps.moderation.handover.availability();
  const told = residentHandoverText(notice);
  await context.sendActivity(told);
  // The flag is also the task the referents see: the request in the resident's words.
  const category = understanding && understanding.category !== 'none' ? understanding.category : undefined;
  await deps.attention.flag(psid, reason, details.detail, {
    ...(turn.recentTexts.length > 0 ? { words: turn.recentTexts.join(' / ') } : {}),
    ...(category ? { category } : {}),
    ...(understanding?.urgency === 'high' ? { urgency: 'high' as const } : {}),
    ...withNeighbourhood(details.neighbourhood ?? understanding?.neighbourhood?.name),
    told,
  });
  await deps.moderation.handover.handOver({
    psid,
    reason,
    summary: details.summary ?? conversationSummary(turn.recentTexts),
    ...(isSensitiveHandover(reason, turn.recentTexts) ? { sensitive: true } : {}),
    ...(understanding
      ? { scores: { [understanding.intent]: Math.round(understanding.intentConfidence * 100) / 100 } }
      : {}),
    ...withNeighbourhood(details.neighbourhood ?? understanding?.neighbourhood?.name),
  });
}

/** Says `intro` about the resident's entry just saved, then hands the conversation over. */
export async function handOverAboutEntry(
  context: TurnContext,
  deps: HandOverDeps,
  turn: TurnFacts,
  reason: AttentionReason,
  entry: StoredEntry,
  intro: string,
): Promise<void> {
  await context.sendActivity(intro);
  await handOverToReferent(context, deps, turn, reason, {
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
  deps: ProactiveHandOverDeps,
  psid: string,
  reason: AttentionReason,
  details: HandOverDetails & { summary: string },
): Promise<void> {
  const notice = await deps.moderation.handover.availability();
  const told = residentHandoverText(notice);
  await deps.notifier.notify(psid, textActivity(told));
  await deps.attention.flag(psid, reason, details.detail, {
    ...withNeighbourhood(details.neighbourhood),
    told,
  });
  await deps.moderation.handover.handOver({
    psid,
    reason,
    summary: details.summary,
    ...withNeighbourhood(details.neighbourhood),
  });
}

/** What {@link UrgentNeedHandover} needs. */
export interface UrgentNeedHandoverDeps extends ProactiveHandOverDeps {
  /** Where the resident's notice waits when it cannot be sent (when asked to keep it). */
  undelivered: Pick<UndeliveredQueue, 'queueForModerators'>;
}

/**
 * The matching module's handover of an urgent need nobody can help (its
 * {@link UrgentNeedHandoverPort}): {@link handOverProactively}, reason `no_match_urgent`,
 * with the need's summary.
 */
export class UrgentNeedHandover implements UrgentNeedHandoverPort {
  constructor(private readonly deps: UrgentNeedHandoverDeps) {}

  async handOverUrgentNeed(need: StoredEntry, options: { keepUndelivered: boolean }): Promise<void> {
    const ref = need._id.toHexString();
    const { notifier, undelivered } = this.deps;
    const keeping: ResidentNotifier = {
      async notify(psid, activity) {
        const result = await notifier.notify(psid, activity);
        if (!reached(result)) {
          await undelivered.queueForModerators(psid, 'other', result, { ref, text: activity.text ?? '' });
        }
        return result;
      },
    };
    await handOverProactively(
      { ...this.deps, notifier: options.keepUndelivered ? keeping : notifier },
      need.psid,
      'no_match_urgent',
      { detail: ref, neighbourhood: need.neighbourhood, summary: entrySummary(need) },
    );
  }
}

function withNeighbourhood(name: string | undefined): { neighbourhood?: string } {
  return name ? { neighbourhood: name } : {};
}
