/**
 * The emergency answer: the numbers at once, then a person is asked to look.
 */
import type { TurnContext } from 'botbuilder';
import { t } from '../services/i18n';
import type { AttentionPort, EmergencyKind } from './deps';
import { MenuPayload } from './payload';
import { choice, withChoices } from './replies';

/** The emergency numbers for `kind`: always 15, 17, 18, 112 and 114, plus the relevant lines. */
export function emergencyText(kind: EmergencyKind | null): string {
  const lines = [t('emergency.intro'), t('emergency.base')];
  if (kind === 'suicide') lines.push(t('emergency.suicide'));
  if (kind === 'violence') lines.push(t('emergency.violence'));
  lines.push(t('emergency.outro'));
  return lines.join('\n');
}

/** Sends the numbers, then flags the conversation for the moderators. */
export async function answerEmergency(
  context: TurnContext,
  kind: EmergencyKind | null,
  attention: AttentionPort,
): Promise<void> {
  await context.sendActivity(
    withChoices(emergencyText(kind), [
      choice(t('menu.human'), MenuPayload.human),
      choice(t('menu.need'), MenuPayload.need),
      choice(t('menu.help'), MenuPayload.help),
    ]),
  );
  await attention.flag(context.activity.from.id, 'emergency', kind ?? undefined);
}
