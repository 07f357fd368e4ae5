/**
 * Replies routing sends that stand on their own: the word for a message without text, and the
 * question offering a message's second request.
 */
import type { TurnContext } from 'botbuilder';
import { t } from '../services/i18n';
import { alsoPayload, type AlsoRequest } from './laterPayloads';
import { Payload, readLocation } from './payload';
import { categoryName, choice, withChoices } from './replies';

/** The kind word for a message without text: a voice message, a photo or video, a file, a position. */
export function attachmentReply(context: TurnContext): string {
  if (readLocation(context.activity)) return 'interrupt.menu';
  const types = (context.activity.attachments ?? []).map((attachment) => attachment.contentType ?? '');
  if (types.some((type) => type.startsWith('audio'))) return 'fallback.voiceMessage';
  if (types.some((type) => type.startsWith('image') || type.startsWith('video'))) return 'fallback.photo';
  return types.length > 0 ? 'fallback.file' : 'fallback.unsupportedAttachment';
}

/** "Vous parliez aussi de … : on l'enregistre ?" with "Oui, allons-y" / "Non merci". */
export function alsoQuestion(also: AlsoRequest): ReturnType<typeof withChoices> {
  const what = t(also.intent === 'need' ? 'also.need' : 'also.offer', {
    category: categoryName(also.category).toLowerCase(),
  });
  return withChoices(t('also.ask', { what }), [
    choice(t('also.yes'), alsoPayload(also)),
    choice(t('also.no'), Payload.alsoNo),
  ]);
}
