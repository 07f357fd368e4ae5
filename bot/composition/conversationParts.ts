/**
 * The conversation layer and what runs it: the services the dialogs are composed from, the
 * bot and its state, the webhook's inbox and the scheduled jobs.
 */
import { ConversationState, UserState } from 'botbuilder';
import { MainDialog } from '../../dialogs/mainDialog';
import { MongoStorage, type StorageDocument } from '../../services/db/mongoStorage';
import { InboxStore } from '../../services/inbox/inboxStore';
import { readRef } from '../../services/referrals';
import { VoisinsBot } from '../bot';
import { createChannelEventHandler } from '../channelEventHandler';
import { consoleLinkUrl } from '../console/links';
import { applicationJobs } from '../jobs';
import type { EventKind, EventSource } from '../messenger/events';
import type { PartFactories } from '../parts';

/** The conversation's parts, the bot's and the runtime's, by name. */
export const conversationParts = {
  conversation: (c) => ({
    nlu: c.get('nlu'),
    geocoder: c.get('geocoder'),
    residents: c.get('residents'),
    entries: c.get('entries'),
    matching: c.get('matching'),
    attention: c.get('promises'),
    moderation: c.get('moderation'),
    notifier: c.get('transport'),
    clock: c.clock,
    logger: c.logger,
    testimonials: c.get('testimonials'),
    privacy: c.get('privacy'),
    tasks: c.get('tasks').tasks,
    promises: c.get('promises'),
    consoleLink: async (psid) =>
      consoleLinkUrl(c.config.publicUrl, (await c.get('staffAccess').issueLink(psid)).token),
    referrals: { read: (raw) => readRef(raw, c.config.linkSecret, c.clock()) },
  }),
  storage: (c) => new MongoStorage(c.get('db').collection<StorageDocument>('bot_state'), c.clock),
  bot: (c) => {
    const storage = c.get('storage');
    return new VoisinsBot({
      conversationState: new ConversationState(storage),
      userState: new UserState(storage),
      dialog: new MainDialog(c.get('conversation')),
      directory: c.get('directory'),
      clock: c.clock,
      onChannelEvent: createChannelEventHandler({ handover: c.get('moderation').handover, clock: c.clock }),
    });
  },
  inbox: (c) => new InboxStore<EventSource, EventKind>(c.get('db')),
  jobs: (c) => applicationJobs(c),
} satisfies Partial<PartFactories>;
