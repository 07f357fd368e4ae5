/**
 * What the turn pipeline's tests share: a context over botbuilder's TestAdapter and a logger
 * that records what it is told.
 */
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import type { LogFields, Logger } from '../../services/logger';

/** A logger keeping `[level, message, fields]` of each line. */
export function recordingLogger(): Logger & { lines: Array<[string, string, LogFields | undefined]> } {
  const lines: Array<[string, string, LogFields | undefined]> = [];
  const at = (level: string) => (message: string, fields?: LogFields) => {
    lines.push([level, message, fields]);
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A turn on `channelId` over a TestAdapter; `adapter.activeQueue` holds what the turn sent. */
export function testTurn(
  channelId = 'emulator',
  activity: Partial<Activity> = {},
): { adapter: TestAdapter; context: TurnContext } {
  const adapter = new TestAdapter();
  const context = new TurnContext(adapter, {
    type: 'message',
    channelId,
    from: { id: 'user-1', name: 'Camille' },
    recipient: { id: 'bot', name: 'bot' },
    conversation: { id: 'conversation-1', isGroup: false, conversationType: 'personal', name: '' },
    serviceUrl: 'https://example.test',
    text: 'Bonjour',
    ...activity,
  });
  return { adapter, context };
}
