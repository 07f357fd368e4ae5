/**
 * An adapter for the terminal chat: lines in, printed replies out, same bot as on Messenger.
 */
import {
  ActivityTypes,
  TurnContext,
  type Activity,
  type CardAction,
  type ResourceResponse,
} from 'botbuilder';
import { CodedError, ErrorCode } from '../../services/errors';
import { DirectAdapter } from '../directAdapter';

/** The channel id of terminal conversations. */
export const TERMINAL_CHANNEL = 'terminal';

/** A reply as the terminal shows it. */
export interface PrintedReply {
  /** Who the reply is for (another resident when it is a proactive message). */
  to: string;
  text: string;
  choices: CardAction[];
}

/** Turns typed lines into activities and replies into {@link PrintedReply}s. */
export class TerminalAdapter extends DirectAdapter {
  private sequence = 0;

  /** @param print - receives every reply, in order. */
  constructor(private readonly print: (reply: PrintedReply) => void) {
    super();
  }

  /** Runs one turn for what `userId` typed or chose. */
  async receive(
    userId: string,
    input: { text?: string; payload?: string; location?: { lat: number; lon: number } },
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const value =
      input.payload || input.location ? { payload: input.payload, location: input.location } : undefined;
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      id: `terminal-${++this.sequence}`,
      channelId: TERMINAL_CHANNEL,
      serviceUrl: 'terminal://local',
      timestamp: new Date(),
      from: { id: userId, name: userId, role: 'user' },
      recipient: { id: 'voisins-bot', name: 'Voisins Solidaires', role: 'bot' },
      conversation: { id: userId, isGroup: false, conversationType: 'personal', name: userId },
      text: input.text ?? '',
      value,
      locale: 'fr-FR',
    };
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  override sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    const to = context.activity.conversation?.id ?? '?';
    for (const activity of activities) {
      if (activity.type !== ActivityTypes.Message) continue;
      this.print({ to, text: activity.text ?? '', choices: activity.suggestedActions?.actions ?? [] });
    }
    return Promise.resolve(activities.map(() => ({ id: `terminal-${++this.sequence}` })));
  }

  override updateActivity(): Promise<void> {
    return Promise.reject(new CodedError(ErrorCode.NotSupported, 'The terminal cannot edit a message'));
  }

  override deleteActivity(): Promise<void> {
    return Promise.reject(new CodedError(ErrorCode.NotSupported, 'The terminal cannot delete a message'));
  }
}
