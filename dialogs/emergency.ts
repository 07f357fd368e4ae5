/**
 * The emergency answer: the numbers at once, then the conversation is handed to a referent.
 */
import type { TurnContext } from 'botbuilder';
import { t } from '../services/i18n';
import type { EmergencyKind } from './ports';
import { handOverToReferent, type HandOverDeps, type TurnFacts } from './moderation/handOver';

/** The emergency numbers for `kind`: always 15, 17, 18, 112 and 114, plus the relevant lines. */
export function emergencyText(kind: EmergencyKind | null): string {
  const lines = [t('emergency.intro'), t('emergency.base')];
  if (kind === 'suicide') lines.push(t('emergency.suicide'));
  if (kind === 'violence') lines.push(t('emergency.violence'));
  lines.push(t('emergency.outro'));
  return lines.join('\n');
}

/**
 * Sends the numbers (without quick replies: the page inbox is about to own the thread),
 * then hands the conversation over.
 */
export async function answerEmergency(
  context: TurnContext,
  kind: EmergencyKind | null,
  deps: HandOverDeps,
  turn: TurnFacts,
): Promise<void> {
  await context.sendActivity(emergencyText(kind));
  await handOverToReferent(context, deps, turn, 'emergency', { detail: kind ?? undefined });
}
