/**
 * Handover API client (kept by Conversation Routing): who owns a conversation.
 */
import type { AxiosInstance } from 'axios';

/** App id of the Page Inbox (Meta Business Suite), where moderators answer. */
export const PAGE_INBOX_APP_ID = '263902037430900';

/**
 * The thread-control calls (pass and take) that the handover and a turn make: the port that
 * {@link HandoverApi} implements, and that the outbox's journal and test fakes wrap.
 */
export type ThreadControl = Pick<HandoverApi, 'passThreadControl' | 'takeThreadControl'>;

/**
 * Passes, takes and reads control of a person's thread.
 *
 * @remarks
 * Failures reject with a {@link GraphError}. `metadata` is free text for the receiving app
 * (at most 1000 characters): put a reason code there, never what the person wrote.
 */
export class HandoverApi {
  constructor(private readonly http: AxiosInstance) {}

  /** Hands the conversation to `targetAppId` (usually {@link PAGE_INBOX_APP_ID}). */
  async passThreadControl(psid: string, targetAppId: string, metadata?: string): Promise<void> {
    await this.http.post('/me/pass_thread_control', {
      recipient: { id: psid },
      target_app_id: targetAppId,
      ...(metadata === undefined ? {} : { metadata }),
    });
  }

  /** Takes the conversation back for this app. */
  async takeThreadControl(psid: string, metadata?: string): Promise<void> {
    await this.http.post('/me/take_thread_control', {
      recipient: { id: psid },
      ...(metadata === undefined ? {} : { metadata }),
    });
  }

  /** The app id currently owning the conversation, or undefined when Meta names none. */
  async threadOwner(psid: string): Promise<string | undefined> {
    const response = await this.http.get<unknown>('/me/thread_owner', { params: { recipient: psid } });
    const data = (response.data as { data?: unknown } | null)?.data;
    const first: unknown = Array.isArray(data) ? data[0] : undefined;
    const owner = (first as { thread_owner?: { app_id?: unknown } } | undefined)?.thread_owner?.app_id;
    if (typeof owner === 'string') return owner;
    if (typeof owner === 'number') return String(owner);
    return undefined;
  }
}
