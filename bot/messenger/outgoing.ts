/**
 * Conversion of an outgoing Bot Framework Activity into Send API calls, enforcing
 * Messenger's limits.
 */
import { ActivityTypes, type Activity, type Attachment, type CardAction, type HeroCard } from 'botbuilder';
import { CodedError, ErrorCode } from '../../services/errors';
import {
  MESSENGER_LIMITS,
  type MessagingType,
  type OutgoingAttachment,
  type OutgoingMessage,
  type QuickReply,
  type SenderAction,
  type TemplateButton,
} from '../../services/graph/message-types';
import type { SendMessageOptions } from '../../services/graph/send';
import { splitText } from '../../services/messaging/splitText';

/** One Send API call to make, in order. */
export type SendCall =
  | { type: 'message'; message: OutgoingMessage; options: SendMessageOptions }
  | { type: 'action'; action: SenderAction };

/** `channelData` an outgoing activity may carry for Messenger. */
export interface OutgoingChannelData {
  personaId?: string;
  messagingType?: MessagingType;
  /** Only `HUMAN_AGENT`, and only together with `writtenByHuman: true`. */
  tag?: string;
  /** Set by code relaying a moderator's own words; the bot's messages never set it. */
  writtenByHuman?: boolean;
}

const HERO_CARD = 'application/vnd.microsoft.card.hero';
const MESSAGING_TYPES: readonly string[] = ['RESPONSE', 'UPDATE', 'MESSAGE_TAG'];

/**
 * The Send API calls for one outgoing activity (none for activity types Messenger has no
 * use for, such as `trace` or `event`; `delay` is the adapter's business).
 *
 * @remarks
 * Texts over 2,000 characters become several messages; quick replies (from
 * `suggestedActions`) go on the last message only; hero cards with buttons become button
 * templates; images with a URL become image attachments. Pure.
 *
 * @throws CodedError(MessageInvalid) beyond a limit that cannot be met by truncating titles
 * (more than 13 quick replies or 3 buttons, a payload over 1000 characters), for an
 * unsupported attachment, quick replies with nothing to carry them, or a `HUMAN_AGENT` tag
 * without `writtenByHuman: true` (automated messages must never carry it).
 */
export function toSendCalls(activity: Partial<Activity>): SendCall[] {
  const type: string = activity.type ?? ActivityTypes.Message;
  if (type === String(ActivityTypes.Typing)) return [{ type: 'action', action: 'typing_on' }];
  if (type !== String(ActivityTypes.Message)) return [];
  const options = sendOptions(activity.channelData);
  const messages: OutgoingMessage[] = splitText(activity.text ?? '', MESSENGER_LIMITS.textLength).map(
    (text) => ({
      text,
    }),
  );
  for (const attachment of activity.attachments ?? []) messages.push(...attachmentMessages(attachment));
  const quickReplies = (activity.suggestedActions?.actions ?? []).map(toQuickReply);
  if (quickReplies.length > MESSENGER_LIMITS.quickReplies) {
    throw invalid(`${quickReplies.length} quick replies, Messenger allows ${MESSENGER_LIMITS.quickReplies}`);
  }
  if (quickReplies.length > 0) {
    const last = messages[messages.length - 1];
    if (!last) throw invalid('quick replies need a text or an attachment to go with');
    last.quick_replies = quickReplies;
  }
  return messages.map((message) => ({ type: 'message', message, options }));
}

/** Shortens `title` to `max` characters, ending with "…" when cut. */
export function truncateTitle(title: string, max: number): string {
  const characters = Array.from(title.trim());
  return characters.length <= max ? characters.join('') : `${characters.slice(0, max - 1).join('')}…`;
}

function sendOptions(channelData: unknown): SendMessageOptions {
  const data = (
    typeof channelData === 'object' && channelData !== null ? channelData : {}
  ) as OutgoingChannelData;
  const options: SendMessageOptions = {};
  if (data.tag !== undefined) {
    if (data.tag !== 'HUMAN_AGENT') throw invalid(`message tag ${String(data.tag)} no longer exists`);
    if (data.writtenByHuman !== true)
      throw invalid('HUMAN_AGENT is for messages written by a person, never for the bot');
    options.tag = 'HUMAN_AGENT';
    options.writtenByHuman = true;
  }
  if (data.messagingType !== undefined) {
    if (!MESSAGING_TYPES.includes(data.messagingType)) throw invalid('unknown messagingType');
    options.messagingType = data.messagingType;
  }
  if (typeof data.personaId === 'string' && data.personaId !== '') options.personaId = data.personaId;
  return options;
}

function toQuickReply(action: CardAction): QuickReply {
  if (action.type === 'user_phone_number' || action.type === 'user_email')
    return { content_type: action.type };
  const title = truncateTitle(String(action.title ?? action.value ?? ''), MESSENGER_LIMITS.quickReplyTitle);
  const payload = payloadOf(action);
  if (title === '' || payload === '') throw invalid('a quick reply needs a title and a payload');
  if (payload.length > MESSENGER_LIMITS.quickReplyPayload) {
    throw invalid(`quick reply payload over ${MESSENGER_LIMITS.quickReplyPayload} characters`);
  }
  return action.image
    ? { content_type: 'text', title, payload, image_url: action.image }
    : { content_type: 'text', title, payload };
}

function attachmentMessages(attachment: Attachment): OutgoingMessage[] {
  if (attachment.contentType === HERO_CARD)
    return heroCardMessages(attachment.content as HeroCard | undefined);
  const media = /^(image|audio|video)\//.exec(attachment.contentType)?.[1] as
    'image' | 'audio' | 'video' | undefined;
  if (media && attachment.contentUrl) {
    return [{ attachment: { type: media, payload: { url: attachment.contentUrl, is_reusable: true } } }];
  }
  throw invalid(`attachment ${attachment.contentType} cannot be sent on Messenger`);
}

function heroCardMessages(card: HeroCard | undefined): OutgoingMessage[] {
  const text = [card?.title, card?.subtitle, card?.text]
    .filter((part) => part && part.trim() !== '')
    .join('\n');
  const buttons = card?.buttons ?? [];
  if (buttons.length === 0)
    return text === '' ? [] : splitText(text, MESSENGER_LIMITS.textLength).map((t) => ({ text: t }));
  if (buttons.length > MESSENGER_LIMITS.templateButtons) {
    throw invalid(`${buttons.length} buttons, Messenger allows ${MESSENGER_LIMITS.templateButtons}`);
  }
  if (text === '' || text.length > MESSENGER_LIMITS.buttonTemplateText) {
    throw invalid(`a button template needs a text of 1 to ${MESSENGER_LIMITS.buttonTemplateText} characters`);
  }
  const attachment: OutgoingAttachment = {
    type: 'template',
    payload: { template_type: 'button', text, buttons: buttons.map(toButton) },
  };
  return [{ attachment }];
}

function toButton(action: CardAction): TemplateButton {
  const title = truncateTitle(String(action.title ?? ''), MESSENGER_LIMITS.buttonTitle);
  if (title === '') throw invalid('a button needs a title');
  if (action.type === 'openUrl') return { type: 'web_url', title, url: String(action.value) };
  if (action.type === 'call')
    return { type: 'phone_number', title, payload: String(action.value).replace(/^tel:/, '') };
  const payload = payloadOf(action);
  if (payload === '' || payload.length > MESSENGER_LIMITS.quickReplyPayload) {
    throw invalid(`a button payload must have 1 to ${MESSENGER_LIMITS.quickReplyPayload} characters`);
  }
  return { type: 'postback', title, payload };
}

function payloadOf(action: CardAction): string {
  const value: unknown = action.value ?? action.title;
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function invalid(message: string): CodedError {
  return new CodedError(ErrorCode.MessageInvalid, message);
}
