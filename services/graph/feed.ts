/**
 * Page feed client: publishing and deleting posts on the Page.
 */
import type { AxiosInstance } from 'axios';
import { CodedError, ErrorCode } from '../errors';

/** A post of the Page's feed, as {@link FeedApi.recentPosts} lists it. */
export interface FeedPost {
  id: string;
  message: string | undefined;
}

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

  /**
   * The most recent posts of the feed of `pageId`, newest first (`GET /{page-id}/feed?fields=id,message`).
   *
   * @remarks
   * Used to find out whether a publication whose answer was lost did reach the Page. Posts
   * without a text come with `message` undefined; only the first page of results is read.
   */
  async recentPosts(pageId: string, limit = 50): Promise<FeedPost[]> {
    const response = await this.http.get<{ data?: unknown }>(`/${encodeURIComponent(pageId)}/feed`, {
      params: { fields: 'id,message', limit },
    });
    const data = Array.isArray(response.data.data) ? (response.data.data as unknown[]) : [];
    return data.flatMap((item): FeedPost[] => {
      const post = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
      if (typeof post.id !== 'string') return [];
      return [{ id: post.id, message: typeof post.message === 'string' ? post.message : undefined }];
    });
  }

  /** Deletes a post published with {@link FeedApi.publish}. */
  async deletePost(postId: string): Promise<void> {
    await this.http.delete(`/${encodeURIComponent(postId)}`);
  }
}
