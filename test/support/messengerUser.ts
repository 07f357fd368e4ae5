/**
 * A resident talking to the running bot through the signed webhook, turn by turn, reading
 * the replies the bot sent to the fake Graph API.
 */
import assert from 'node:assert/strict';
import type { RecordedCall } from './fake-graph';
import { PAGE_ID, webhookBody, type TestApp } from './testApp';

/** A quick reply as Messenger received it. */
export interface SentQuickReply {
  content_type: string;
  title?: string;
  payload?: string;
}

/** A message the bot sent. */
export interface SentMessage {
  text: string;
  quickReplies: SentQuickReply[];
}

let sequence = 0;

/** The messages sent to `psid` in `calls`. */
export function messagesTo(calls: readonly RecordedCall[], psid: string): SentMessage[] {
  return calls.flatMap((call) => {
    const body = call.body as {
      recipient?: { id?: string };
      message?: { text?: string; quick_replies?: SentQuickReply[] };
    };
    if (call.path !== '/me/messages' || body.recipient?.id !== psid || !body.message) return [];
    return [{ text: body.message.text ?? '', quickReplies: body.message.quick_replies ?? [] }];
  });
}

/** One resident's side of the conversation. */
export class MessengerUser {
  private lastTimestamp = 0;

  constructor(
    private readonly test: TestApp,
    readonly psid: string,
  ) {}

  /** Types a message. */
  say(text: string): Promise<SentMessage[]> {
    return this.send({ message: { mid: this.mid(), text } });
  }

  /** Taps a quick reply. */
  tap(payload: string, title = payload): Promise<SentMessage[]> {
    return this.send({ message: { mid: this.mid(), text: title, quick_reply: { payload } } });
  }

  /** Taps a persistent-menu or Get Started button. */
  postback(payload: string, title = payload): Promise<SentMessage[]> {
    return this.send({ postback: { mid: this.mid(), title, payload } });
  }

  /** Opens an m.me link carrying `ref` while already talking to the page (a `referral` event). */
  openLink(ref: string): Promise<SentMessage[]> {
    return this.send({ referral: { ref, source: 'SHORTLINK', type: 'OPEN_THREAD' } });
  }

  /** Opens an m.me link carrying `ref` for the first time: Get Started with the referral inside. */
  getStartedFrom(ref: string, title = 'Démarrer'): Promise<SentMessage[]> {
    return this.send({
      postback: {
        mid: this.mid(),
        title,
        payload: 'GET_STARTED',
        referral: { ref, source: 'SHORTLINK', type: 'OPEN_THREAD' },
      },
    });
  }

  /** Shares a location. */
  shareLocation(lat: number, lon: number): Promise<SentMessage[]> {
    return this.send({
      message: {
        mid: this.mid(),
        attachments: [{ type: 'location', payload: { coordinates: { lat, long: lon } } }],
      },
    });
  }

  /** Posts one event, waits until the bot has processed it, returns what it sent to this resident. */
  private async send(item: Record<string, unknown>): Promise<SentMessage[]> {
    const before = this.test.graph.calls.length;
    this.lastTimestamp = Math.max(Date.now(), this.lastTimestamp + 1);
    const timestamp = this.lastTimestamp;
    const event = { sender: { id: this.psid }, recipient: { id: PAGE_ID }, timestamp, ...item };
    const response = await this.test.postWebhook(webhookBody(event));
    assert.equal(response.status, 200);
    const inbox = this.test.database.db.collection<{ psid: string; timestamp: number; status: string }>(
      'inbox',
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const stored = await inbox.findOne({ psid: this.psid, timestamp });
      if (stored?.status === 'done') break;
      assert.ok(Date.now() < deadline, `the bot did not process the event of ${timestamp} within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    return messagesTo(this.test.graph.calls.slice(before), this.psid);
  }

  private mid(): string {
    return `m_${this.psid}_${++sequence}`;
  }
}

/** The payloads offered by the last message of a turn. */
export function payloadsOf(messages: SentMessage[]): string[] {
  return (messages.at(-1)?.quickReplies ?? []).map((reply) => reply.payload ?? reply.content_type);
}

/** All the text of a turn. */
export function textOf(messages: SentMessage[]): string {
  return messages.map((message) => message.text).join('\n');
}
