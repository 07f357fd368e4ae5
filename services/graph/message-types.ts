/**
 * The Send API's message shapes, as Meta spells them on the wire.
 */

/** A quick reply: text (title + payload) or a request for the person's phone or e-mail. */
export type QuickReply =
  | { content_type: 'text'; title: string; payload: string; image_url?: string }
  | { content_type: 'user_phone_number' }
  | { content_type: 'user_email' };

/** A button of a button template. */
export type TemplateButton =
  | { type: 'postback'; title: string; payload: string }
  | { type: 'web_url'; title: string; url: string }
  | { type: 'phone_number'; title: string; payload: string };

/** An attachment sent by the Page. */
export type OutgoingAttachment =
  | { type: 'template'; payload: { template_type: 'button'; text: string; buttons: TemplateButton[] } }
  | { type: 'image' | 'audio' | 'video' | 'file'; payload: { url: string; is_reusable?: boolean } };

/** The `message` object of a Send API call: a text or an attachment, with optional quick replies. */
export interface OutgoingMessage {
  text?: string;
  attachment?: OutgoingAttachment;
  quick_replies?: QuickReply[];
  /** Up to 1000 characters, echoed back in the message echo. */
  metadata?: string;
}

/** `messaging_type` of a Send API call. */
export type MessagingType = 'RESPONSE' | 'UPDATE' | 'MESSAGE_TAG';

/** `sender_action` of a Send API call. */
export type SenderAction = 'typing_on' | 'typing_off' | 'mark_seen';

/** Message tags still accepted by Meta (from 27 April 2026: only `HUMAN_AGENT`). */
export type MessageTag = 'HUMAN_AGENT';

/** Limits of the Messenger Platform, enforced before sending. */
export const MESSENGER_LIMITS = Object.freeze({
  textLength: 2000,
  quickReplies: 13,
  quickReplyTitle: 20,
  quickReplyPayload: 1000,
  templateButtons: 3,
  buttonTitle: 20,
  buttonTemplateText: 640,
});
