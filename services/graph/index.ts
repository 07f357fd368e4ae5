/**
 * The Graph API clients, built over one shared axios instance.
 */
import { createGraphHttp, type GraphHttpOptions } from './http';
import { FeedApi } from './feed';
import { CommentsApi } from './comments';
import { HandoverApi } from './handover';
import { ProfileApi } from './profile';
import { SendApi } from './send';

export * from './http';
export * from './retry';
export * from './message-types';
export { SendApi, type SendMessageOptions, type SendResult } from './send';
export { HandoverApi, PAGE_INBOX_APP_ID, type ThreadControl } from './handover';
export { ProfileApi, type UserProfile } from './profile';
export { FeedApi, type FeedPost } from './feed';
export { CommentsApi } from './comments';

/** All Graph clients of the application. */
export interface GraphClients {
  send: SendApi;
  handover: HandoverApi;
  profile: ProfileApi;
  feed: FeedApi;
  comments: CommentsApi;
}

/** Builds every Graph client over one {@link createGraphHttp} instance. */
export function createGraphClients(options: GraphHttpOptions): GraphClients {
  const http = createGraphHttp(options);
  return {
    send: new SendApi(http),
    handover: new HandoverApi(http),
    profile: new ProfileApi(http),
    feed: new FeedApi(http),
    comments: new CommentsApi(http),
  };
}
