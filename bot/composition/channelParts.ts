/**
 * The channels and the delivery of messages: the Graph clients and the outbox of their calls,
 * the Messenger and Bot Framework adapters, the comments under the Page's posts, thread
 * control, and the path of a notice to a resident (rendered, sent in the window, or a task).
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { renderNotice } from '../../dialogs/notices';
import { CodedError, ErrorCode } from '../../services/errors';
import { createGraphClients, type ThreadControl } from '../../services/graph';
import { ConversationDirectory } from '../../services/messaging/conversationDirectory';
import { UndeliveredQueue } from '../../services/moderation';
import { journaledThreadControl, Outbox, OutboxStore } from '../../services/outbox';
import { AdapterNotifier } from '../adapterNotifier';
import { createBotFrameworkAdapter } from '../botframework/channelAdapter';
import { isBotFrameworkChannel } from '../botframework/identity';
import { PageComments } from '../comments/pageComments';
import { MESSENGER_CHANNEL_ID } from '../messenger/activities';
import { MessengerAdapter } from '../messenger/adapter';
import { MessageLimit } from '../messenger/messageLimit';
import { NoticeNotifier } from '../noticeNotifier';
import { OfflineStepNotifier } from '../offlineStepNotifier';
import type { PartFactories } from '../parts';
import { turnErrorPolicy } from '../pipeline/turnErrors';

/** Without Messenger there is no thread to pass: the handover is still recorded and moderators told. */
const NO_THREAD_CONTROL: ThreadControl = {
  passThreadControl: () =>
    Promise.reject(new CodedError(ErrorCode.NotSupported, 'Messenger is not configured')),
  takeThreadControl: () =>
    Promise.reject(new CodedError(ErrorCode.NotSupported, 'Messenger is not configured')),
};
/** The channels' parts and the delivery of messages and notices. */
export const channelParts = {
  graph: ({ config, logger }) =>
    config.messenger &&
    createGraphClients({
      graphApiUrl: config.graphApiUrl,
      graphApiVersion: config.graphApiVersion,
      accessToken: config.messenger.pageAccessToken,
      appSecret: config.messenger.appSecret,
      logger,
    }),
  feed: (c) => c.get('graph')?.feed,
  outbox: (c) =>
    new Outbox({
      store: c.get('outboxStore'),
      clock: c.clock,
      logger: c.logger,
      // Keys the digest of what a call sends; without Messenger no turn goes through the outbox.
      secret: c.config.messenger?.appSecret ?? c.instanceId,
      refused: new UndeliveredQueue(c.get('db'), c.clock),
    }),
  outboxStore: (c) => new OutboxStore(c.get('db')),
  pageComments: (c) => {
    const graph = c.get('graph');
    if (!graph) return undefined;
    const nlu = c.get('nlu');
    return new PageComments({
      pageId: c.config.messenger?.pageId,
      comments: graph.comments,
      calls: c.get('outbox'),
      understand: (text) => nlu.understand(text),
      publicAnswer: c.config.commentsPublicAnswer,
      now: c.clock,
      logger: c.logger,
    });
  },
  directory: (c) => new ConversationDirectory(c.get('db')),
  messengerAdapter: (c) => {
    const graph = c.get('graph');
    if (!graph) return undefined;
    const adapter = new MessengerAdapter({
      send: graph.send,
      logger: c.logger,
      calls: c.get('outbox'),
      contacts: c.get('directory'),
      clock: c.clock,
    });
    adapter.onTurnError = turnErrorPolicy({ retried: true, logger: c.logger });
    // Past a resident's limit, their messages are not answered (one notice per blocking period).
    adapter.use(
      new MessageLimit({
        limits: c.get('limits'),
        nlu: c.get('nlu'),
        moderators: c.get('moderation').moderators,
        logger: c.logger,
      }),
    );
    return adapter;
  },
  cloudAdapter: (c) => {
    const adapter = createBotFrameworkAdapter(
      new ConfigurationBotFrameworkAuthentication({ ...c.config.botFramework }),
    );
    adapter.onTurnError = turnErrorPolicy({ retried: false, logger: c.logger });
    return adapter;
  },
  adapterFor: (c) => (channelId) => {
    if (channelId === MESSENGER_CHANNEL_ID) return c.get('messengerAdapter');
    return isBotFrameworkChannel(channelId) ? c.get('cloudAdapter') : undefined;
  },
  transport: (c) =>
    new AdapterNotifier({
      directory: c.get('directory'),
      adapterFor: c.get('adapterFor'),
      botAppId: c.config.botFramework.MicrosoftAppId,
      clock: c.clock,
    }),
  // A notice to a resident without Messenger becomes their referent's task (resolved at the
  // call: the tasks module sends notices through this part too).
  notices: (c) =>
    new OfflineStepNotifier(
      new NoticeNotifier(c.get('transport'), renderNotice, (psid) => c.get('residents').localeOf(psid)),
      (psid, notice) => c.get('promises').offlineStep(psid, notice),
    ),
  threadControl: (c) => {
    const graph = c.get('graph');
    return graph ? journaledThreadControl(graph.handover, c.get('outbox')) : NO_THREAD_CONTROL;
  },
} satisfies Partial<PartFactories>;
