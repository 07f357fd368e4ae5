/**
 * Page feed client: publishing and deleting posts on the Page.
 */
import type { AxiosInstance } from 'axios';
import { CodedError, ErrorCode } from '../errors';

/**
 * Publishes on the Page's feed.
 *
 * @remarks
 * Needs a page token with `pages_manage_posts` and `pages_read_engagement`. Failures
 * reject with a {@link GraphError}.
 */
export class FeedApi {
  constructor(private readonly http: AxiosInstance) {}

  /** Publishes `message` on the feed of `pageId`; resolves to the post id (`<pageid>_<postid>`). */
  async publish(pageId: string, message: string): Promise<string> {
    const response = await this.http.post<{ id?: unknown }>(`/${encodeURIComponent(pageId)}/feed`, {
      message,
    });
    const id = response.data.id;
    if (typeof id !== 'string')
      throw new CodedError(ErrorCode.GraphRequestFailed, 'Page feed answered without an id');
    return id;
  }

  /** Deletes a post published with {@link FeedApi.publish}. */
  async deletePost(postId: string): Promise<void> {
    await this.http.delete(`/${encodeURIComponent(postId)}`);
  }
}
