/**
 * Page comments: one private reply in Messenger (the Private Replies API), a short public
 * answer, and hiding a comment from the public.
 */
import type { AxiosInstance } from 'axios';
import type { OutgoingMessage } from './message-types';

/**
 * Answers comments under the Page's posts.
 *
 * @remarks
 * Needs a page token with `pages_messaging` (private replies) and `pages_manage_engagement`
 * (public answers, hiding). Meta accepts one private reply per comment, within 7 days of
 * it. Failures reject with a `GraphError`; this client does not retry (the outbox does).
 */
export class CommentsApi {
  constructor(private readonly http: AxiosInstance) {}

  /** `POST /{page-id}/messages` to `{comment_id}`: opens the conversation in Messenger; resolves to the mid. */
  async privateReply(
    pageId: string,
    commentId: string,
    message: OutgoingMessage,
  ): Promise<string | undefined> {
    const response = await this.http.post<{ message_id?: unknown }>(
      `/${encodeURIComponent(pageId)}/messages`,
      {
        recipient: { comment_id: commentId },
        message,
      },
    );
    return typeof response.data.message_id === 'string' ? response.data.message_id : undefined;
  }

  /** `POST /{comment-id}/comments`: a public answer under the comment; resolves to its id. */
  async publicReply(commentId: string, text: string): Promise<string | undefined> {
    const response = await this.http.post<{ id?: unknown }>(`/${encodeURIComponent(commentId)}/comments`, {
      message: text,
    });
    return typeof response.data.id === 'string' ? response.data.id : undefined;
  }

  /** `POST /{comment-id}` with `is_hidden`: only its author and their friends still see it. */
  async hide(commentId: string): Promise<void> {
    await this.http.post(`/${encodeURIComponent(commentId)}`, { is_hidden: true });
  }
}
