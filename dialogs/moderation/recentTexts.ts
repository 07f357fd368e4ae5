/**
 * What the resident wrote lately, kept (screened) for the summary a referent reads when
 * the conversation is handed over.
 */
import type { TurnContext } from 'botbuilder';
import { MAX_SUMMARY_LENGTH } from '../../services/moderation';
import { t } from '../../services/i18n';
import { screenText } from '../../services/privacy/screenText';
import { readText } from '../payload';

/** Texts kept per conversation. */
export const MAX_RECENT_TEXTS = 5;
/** Longest text kept. */
const MAX_TEXT_LENGTH = 300;
const KEY = Symbol('recentTexts');

/** Where the texts live between turns (the stored dialog state). */
export interface RecentTextsHolder {
  recentTexts?: unknown;
}

/**
 * Adds this turn's typed text (screened: phones, e-mails and links removed) to the last few,
 * in `holder` and for this turn.
 */
export function rememberTurn(context: TurnContext, holder: RecentTextsHolder): void {
  const previous = Array.isArray(holder.recentTexts)
    ? holder.recentTexts.filter((text): text is string => typeof text === 'string')
    : [];
  const text = readText(context.activity);
  const clean = text ? Array.from(screenText(text).text).slice(0, MAX_TEXT_LENGTH).join('') : undefined;
  const texts = (clean ? [...previous, clean] : previous).slice(-MAX_RECENT_TEXTS);
  holder.recentTexts = texts;
  context.turnState.set(KEY, texts);
}

/** The last texts of the resident, quoted, at most 500 characters (the latest kept). */
export function conversationSummary(context: TurnContext): string {
  const remembered: unknown = context.turnState.get(KEY);
  const typed = readText(context.activity);
  const texts = Array.isArray(remembered) ? (remembered as string[]) : typed ? [screenText(typed).text] : [];
  if (texts.length === 0) return t('handover.summaryEmpty');
  const characters = Array.from(texts.map((text) => `« ${text} »`).join('\n'));
  return characters.slice(-MAX_SUMMARY_LENGTH).join('');
}
