/**
 * Send API client: messages and sender actions to one person.
 */
import type { AxiosInstance } from 'axios';
import { CodedError, ErrorCode } from '../errors';
import type { MessageTag, MessagingType, OutgoingMessage, SenderAction } from './message-types';

/** Options of {@link SendApi.sendMessage}. */
export interface SendMessageOptions {
  /** Defaults to `RESPONSE`; `MESSAGE_TAG` when a `tag` is given. */
  messagingType?: MessagingType;
  /** Only `HUMAN_AGENT` remains, and only for messages a person wrote. */
  tag?: MessageTag;
  /** Shows a moderator's name and picture. */
  personaId?: string;
  /** Must be true to send with `tag: 'HUMAN_AGENT'`: the text was written by a person. */
  writtenByHuman?: boolean;
}

/** Result of {@link SendApi.sendMessage}. */
export interface SendResult {
  /** `message_id` (mid) of the sent message. */
  messageId: string;
}

/**
 * Sends messages through `POST /me/messages`.
 *
 * @remarks
 * Failures reject with a {@link GraphError} (see `http.ts`); this client does not retry,
 * callers wrap calls in `withRetry`.
 */
export class SendApi {
  constructor(private readonly http: AxiosInstance) {}

  /**
   * Sends `message` to `recipientPsid`.
   *
   * @throws CodedError(MessageInvalid) for a `HUMAN_AGENT` tag without `writtenByHuman`.
   */
  async sendMessage(
    recipientPsid: string,
    message: OutgoingMessage,
    options: SendMessageOptions = {},
  ): Promise<SendResult> {
    if (options.tag === 'HUMAN_AGENT' && options.writtenByHuman !== true) {
      throw new CodedError(
        ErrorCode.MessageInvalid,
        'HUMAN_AGENT is for messages written by a person: pass writtenByHuman: true',
      );
    }
    const messagingType = options.messagingType ?? (options.tag ? 'MESSAGE_TAG' : 'RESPONSE');
    if (messagingType === 'MESSAGE_TAG' && !options.tag) {
      throw new CodedError(ErrorCode.MessageInvalid, 'messaging_type MESSAGE_TAG needs a tag');
    }
    const body: Record<string, unknown> = {
      recipient: { id: recipientPsid },
      messaging_type: messagingType,
      message,
    };
    if (options.tag) body.tag = options.tag;
    if (options.personaId) body.persona_id = options.personaId;
    const response = await this.http.post<{ message_id?: unknown }>('/me/messages', body);
    const messageId = response.data.message_id;
    if (typeof messageId !== 'string') {
      throw new CodedError(ErrorCode.GraphRequestFailed, 'Send API answered without a message_id');
    }
    return { messageId };
  }

  /** Shows typing dots, hides them, or marks the last message as seen. */
  async senderAction(recipientPsid: string, action: SenderAction): Promise<void> {
    await this.http.post('/me/messages', { recipient: { id: recipientPsid }, sender_action: action });
  }
}
