/**
 * What the resident wrote lately, kept (screened) for the summary a referent reads when
 * the conversation is handed over.
 *
 * @remarks
 * The texts live in their own conversation-state property (`recentTexts`, see
 * `MainDialog.run`), not inside the dialogs' state.
 */
import type { Activity } from 'botbuilder';
import { MAX_SUMMARY_LENGTH } from '../../services/moderation';
import { t } from '../../services/i18n';
import { screenText } from '../screening';
import { readPayload, readText } from '../payload';

/** Texts kept per conversation. */
export const MAX_RECENT_TEXTS = 5;
/** Longest text kept. */
const MAX_TEXT_LENGTH = 300;

/**
 * The last few texts once this activity's typed text (screened: phones, e-mails and links
 * removed) is added to `previous` (anything stored; what is not a list of texts is dropped).
 * A tap on a button or quick reply is not the resident's words: its title is never kept.
 */
export function withTurnText(previous: unknown, activity: Partial<Activity>): string[] {
  const kept = Array.isArray(previous)
    ? previous.filter((text): text is string => typeof text === 'string')
    : [];
  const text = readPayload(activity) === undefined ? readText(activity) : undefined;
  const clean = text ? Array.from(screenText(text).text).slice(0, MAX_TEXT_LENGTH).join('') : undefined;
  return (clean ? [...kept, clean] : kept).slice(-MAX_RECENT_TEXTS);
}

/** The last texts of the resident, quoted, at most 500 characters (the latest kept). */
export function conversationSummary(texts: readonly string[]): string {
  if (texts.length === 0) return t('handover.summaryEmpty');
  const characters = Array.from(texts.map((text) => `« ${text} »`).join('\n'));
  return characters.slice(-MAX_SUMMARY_LENGTH).join('');
}
