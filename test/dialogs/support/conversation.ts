/**
 * Runs the main dialog turn by turn on a test adapter, with its state in memory: what the
 * database harness and the fakes share.
 */
import type { Activity } from 'botbuilder';
import { ConversationState, MemoryStorage, TestAdapter } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { ConversationAccessors, ConversationLanguage, MainDialog } from '../../../dialogs/mainDialog';
import type { ReferralOrigin } from '../../../dialogs/referralAnswer';

/** What a resident sends. */
export type Input =
  | string
  | { payload: string; text?: string }
  | { location: { lat: number; lon: number } }
  | { attachmentOnly: true; contentType?: string }
  /** An m.me link opened (Messenger's `referral`), or Get Started carrying one (`payload`). */
  | { referral: string; payload?: string };

/** The Messenger-like activity for an input. */
export function toActivity(psid: string, input: Input): Partial<Activity> {
  const base: Partial<Activity> = {
    type: 'message',
    channelId: 'test',
    from: { id: psid, name: 'résident' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: `conversation-${psid}`, isGroup: false, conversationType: 'personal', name: '' },
  };
  if (typeof input === 'string') return { ...base, text: input };
  if ('referral' in input) {
    const value = { referral: input.referral, ...(input.payload ? { payload: input.payload } : {}) };
    return { ...base, text: input.payload ? 'Démarrer' : '', value };
  }
  if ('payload' in input) return { ...base, text: input.text, value: { payload: input.payload } };
  if ('location' in input) return { ...base, value: { location: input.location } };
  return {
    ...base,
    attachments: [
      { contentType: input.contentType ?? 'image/jpeg', contentUrl: 'https://example.org/photo.jpg' },
    ],
  };
}

/** A conversation with one dialog, its state kept between turns. */
export interface DialogConversation {
  storage: MemoryStorage;
  conversationState: ConversationState;
  /** Sends `input` as `psid` and returns the bot's replies. */
  say(this: void, psid: string, input: Input): Promise<Partial<Activity>[]>;
}

/** Starts a conversation with `dialog`. */
export function converseWith(dialog: MainDialog): DialogConversation {
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const accessors: ConversationAccessors = {
    dialogState: conversationState.createProperty<DialogState>('dialogState'),
    recentTexts: conversationState.createProperty<string[]>('recentTexts'),
    language: conversationState.createProperty<ConversationLanguage>('language'),
    origin: conversationState.createProperty<ReferralOrigin>('origin'),
  };
  const adapter = new TestAdapter();
  return {
    storage,
    conversationState,
    async say(psid, input) {
      adapter.activeQueue.splice(0);
      await adapter.processActivity(toActivity(psid, input), async (context) => {
        await dialog.run(context, accessors);
        await conversationState.saveChanges(context);
      });
      return adapter.activeQueue.splice(0);
    },
  };
}
