/**
 * A resident who answers the refusal of their entry ("pourquoi doublon ?", "c'est pas un
 * doublon") is heard by the referent who refused it: their words become a `refusal_reply`
 * task for that referent, who is told in Messenger, and the resident is told who answers.
 */
import type { TurnContext } from 'botbuilder';
import { t } from '../../services/i18n';
import type { ModerationPort, TasksPort, Understanding } from '../ports';
import { normalize } from '../keywords';
import { categoryName, withMenu } from '../replies';
import { screenText } from '../screening';
import { CONFIDENCE_THRESHOLD } from '../understanding';

/** What answering a refusal calls. */
export interface RefusalReplyDeps {
  moderation: { qualification: Pick<ModerationPort['qualification'], 'recentRefusal'> };
  tasks: Pick<TasksPort, 'refusalReply'>;
  clock: () => Date;
}

/** Words about a refusal: "pourquoi", "doublon", "refusé", "c'est pas…", "je comprends pas". */
const ABOUT_A_REFUSAL =
  /\b(pourquoi|pq|pk|pkoi|pourquoa|doublon|refus\w*|rejet\w*|publi\w*|comprend\w* pas|injuste|erreur|motif|raison|payant|gratuit|incomplet|hors (du )?(cadre|perimetre)|c ?est pas (un|une|vrai|juste|normal|payant)|pas d accord|pas normal)\b/;

/** Intents that are a clear new request, answered as usual even after a refusal. */
const CLEAR_REQUESTS = new Set(['offer', 'need', 'emergency', 'delete_data', 'testimonial', 'greeting']);

/**
 * Whether `text` reads as an answer to a refusal rather than a clear new request: it speaks
 * of the refusal, or the bot does not take it for a request.
 */
export function readsAsRefusalReply(text: string, understanding: Understanding | null): boolean {
  if (ABOUT_A_REFUSAL.test(normalize(text))) return true;
  if (!understanding) return true;
  return !CLEAR_REQUESTS.has(understanding.intent) || understanding.intentConfidence < CONFIDENCE_THRESHOLD;
}

/**
 * When the resident's entry was refused within the last few days and `text` reads as a
 * reply to it, passes their words to the referent who refused it and tells the resident.
 *
 * @returns true when the message was answered so.
 */
export async function answerRefusalReply(
  context: TurnContext,
  deps: RefusalReplyDeps,
  text: string,
  understanding: Understanding | null,
): Promise<boolean> {
  if (!readsAsRefusalReply(text, understanding)) return false;
  const psid = context.activity.from.id;
  const refusal = await deps.moderation.qualification.recentRefusal(psid, deps.clock());
  if (!refusal) return false;
  const { entry } = refusal;
  const told = t('tasks.residentForwarded', { category: categoryName(entry.category).toLowerCase() });
  await deps.tasks.refusalReply({
    psid,
    words: screenText(text).text,
    entryId: entry._id.toHexString(),
    referent: refusal.referent,
    refusedBecause: refusal.reason,
    category: entry.category,
    ...(entry.neighbourhood ? { neighbourhood: entry.neighbourhood } : {}),
    told,
  });
  await context.sendActivity(withMenu(told));
  return true;
}
