/**
 * The Bot Framework adapter for Messenger: runs the bot on webhook events and sends its
 * replies through the Graph API.
 */
import {
  ActivityTypes,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { systemClock, type Clock } from '../../services/clock';
import { CodedError, ErrorCode } from '../../services/errors';
import { DEFAULT_RETRY, timerSleep, type RetryOptions } from '../../services/graph/retry';
import type { OutgoingMessage } from '../../services/graph/message-types';
import type { SendApi } from '../../services/graph/send';
import { redactId, type Logger } from '../../services/logger';
import { DirectCalls, type OutgoingCalls, type TurnCalls } from '../../services/outbox/outbox';
import { MessengerEventName, toActivity } from './activities';
import type { MessengerEvent } from './events';
import { toSendCalls, type SendCall } from './outgoing';
import { CONTINUE_CONVERSATION_EVENT, DirectAdapter, type Logic } from '../directAdapter';
import { messengerTurnOf, setMessengerTurn } from './turn';

/** Options of {@link MessengerAdapter}. */
export interface MessengerAdapterOptions {
  send: SendApi;
  logger: Logger;
  /** Retries of each Send API call when no `calls` is given; defaults to {@link DEFAULT_RETRY}. */
  retry?: RetryOptions;
  /** How calls are made: the outbox (exactly once per turn); direct with `retry` by default. */
  calls?: OutgoingCalls;
  /** Waits for `delay` activities; tests pass a recorder. */
  sleep?: (milliseconds: number) => Promise<void>;
  /**
   * Where a person can be written to: told when they write (their 24-hour window opens at
   * the time the server received the event); absent, nothing is recorded.
   */
  contacts?: ContactBook;
  /** The server's clock, for events given without their reception time. */
  clock?: Clock;
}

/** Records that a person wrote, and how to write back (the conversation directory). */
export interface ContactBook {
  touch(psid: string, at: Date, reference: Partial<ConversationReference>): Promise<void>;
}

/** A webhook event as the inbox hands it over: with the server's time of reception. */
export type ReceivedEvent = MessengerEvent & { receivedAt?: Date };

export { CONTINUE_CONVERSATION_EVENT };

/**
 * A `BotAdapter` speaking to Messenger directly (no Azure Bot Service in between).
 *
 * @remarks
 * Incoming: the server verifies and stores webhook events, then calls
 * {@link MessengerAdapter.processEvent} for each one. Outgoing: every activity the bot
 * sends goes through `outgoing.ts` and the Send API, each call made through
 * {@link OutgoingCalls} (the outbox in the application: journaled per event, retried on
 * transient Graph errors, not repeated when the event is processed again); failures reject
 * (and reach `onTurnError`), they are never swallowed. Proactive turns default to
 * `messaging_type: UPDATE`, replies to `RESPONSE`.
 */
export class MessengerAdapter extends DirectAdapter {
  private readonly send: SendApi;
  private readonly logger: Logger;
  private readonly calls: OutgoingCalls;
  private readonly sleep: (milliseconds: number) => Promise<void>;
  private readonly contacts: ContactBook | undefined;
  private readonly clock: Clock;

  constructor(options: MessengerAdapterOptions) {
    super();
    this.send = options.send;
    this.logger = options.logger;
    this.calls = options.calls ?? new DirectCalls(options.retry ?? DEFAULT_RETRY);
    this.sleep = options.sleep ?? timerSleep;
    this.contacts = options.contacts;
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Runs middleware and `logic` on the activity of `event`, as the turn of `event.key`: the
   * `MessengerTurn` (the key, and the calls journaled under it) is in `turnState` for the
   * send path and the turn guard; does nothing for ignored kinds.
   */
  async processEvent(event: ReceivedEvent, logic: Logic): Promise<void> {
    const activity = toActivity(event);
    if (!activity) return;
    if (isPersonWriting(event, activity)) {
      // Only this adapter records where and when a Messenger person can be written to, from
      // a signed webhook event and the server's clock (never a timestamp from a request).
      await this.contacts?.touch(
        event.psid,
        event.receivedAt ?? this.clock(),
        TurnContext.getConversationReference(activity),
      );
    }
    const context = new TurnContext(this, activity);
    await this.calls.runTurn(event.key, event.psid, async (calls) => {
      setMessengerTurn(context, { eventKey: event.key, calls });
      await this.runMiddleware(context, logic);
    });
  }

  /** Sends the activities in order; answers one ResourceResponse per activity (the last mid sent). */
  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    const proactive = context.activity.name === CONTINUE_CONVERSATION_EVENT;
    // A proactive turn processes no event: its calls are made (with retries), not journaled.
    const calls = messengerTurnOf(context)?.calls ?? this.calls;
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await this.sleep(typeof activity.value === 'number' ? activity.value : 1000);
        responses.push({ id: '' });
        continue;
      }
      const psid = activity.recipient?.id ?? activity.conversation?.id;
      if (!psid) throw new CodedError(ErrorCode.MessageInvalid, 'outgoing activity has no recipient');
      let id = '';
      for (const call of toSendCalls(activity)) {
        id = (await this.perform(calls, psid, call, proactive)) ?? id;
      }
      responses.push({ id });
    }
    return responses;
  }

  /** Messenger cannot edit a sent message. */
  override updateActivity(): Promise<ResourceResponse | void> {
    return Promise.reject(new CodedError(ErrorCode.NotSupported, 'Messenger cannot update a sent message'));
  }

  /** Messenger cannot delete a sent message. */
  override deleteActivity(): Promise<void> {
    return Promise.reject(new CodedError(ErrorCode.NotSupported, 'Messenger cannot delete a sent message'));
  }

  /**
   * Makes one Send API call through `calls` (the outbox, which retries: the adapter makes a
   * single attempt); resolves to the mid of a sent message.
   */
  private async perform(
    calls: Pick<TurnCalls, 'perform'>,
    psid: string,
    call: SendCall,
    proactive: boolean,
  ): Promise<string | undefined> {
    try {
      if (call.type === 'action') {
        const body = { sender_action: call.action };
        return await calls.perform({ kind: 'action', psid, body }, async () => {
          await this.send.senderAction(psid, call.action);
          return undefined;
        });
      }
      const options = proactive ? { messagingType: 'UPDATE' as const, ...call.options } : call.options;
      const { message } = call;
      const text = message.text ?? templateText(message);
      return await calls.perform(
        { kind: 'message', psid, body: { message, options }, ...(text === undefined ? {} : { text }) },
        async () => (await this.send.sendMessage(psid, message, options)).messageId,
      );
    } catch (error) {
      const code = error instanceof CodedError ? error.code : 'unexpected';
      this.logger.error('send failed', { person: redactId(psid), kind: call.type, code });
      throw error;
    }
  }
}

/** True for what the person did themselves: a message or a postback, also on standby. */
function isPersonWriting(event: MessengerEvent, activity: Partial<Activity>): boolean {
  if (activity.type === String(ActivityTypes.Message)) return true;
  return (
    activity.name === String(MessengerEventName.Standby) &&
    (event.kind === 'message' || event.kind === 'postback')
  );
}

/** The text of a button template, for the moderators when Meta refuses it. */
function templateText(message: OutgoingMessage): string | undefined {
  const attachment = message.attachment;
  return attachment?.type === 'template' ? attachment.payload.text : undefined;
}
