/**
 * Writing to someone who is not the one talking to the bot right now.
 */
/**
 * What happened to a proactive message: `to_referent` when the person is not on Messenger
 * (registered by a referent) and the notice became a task for their referent, who calls them.
 */
export type NotifyResult = 'sent' | 'outside_window' | 'unknown_person' | 'to_referent';

/**
 * True when the person will hear of the notice: sent to them, or a task for the referent who
 * calls them (a person without Messenger); false when it could not be delivered (or failed).
 */
export function reached(result: NotifyResult | 'failed'): result is 'sent' | 'to_referent' {
  return result === 'sent' || result === 'to_referent';
}

/**
 * What a module wants a person told, as data: `type` names the notice (`<module>.<name>`,
 * for example `matching.helperAsked`), the other fields carry what the text needs.
 *
 * @remarks
 * Modules never write French: the conversation layer renders each notice type
 * (dialogs/notices) and the bot sends it through the person's channel.
 */
export interface Notice {
  readonly type: string;
}

/**
 * Sends a module's notices to a person, only inside their 24-hour window.
 *
 * @remarks
 * The port every module declares with its own notice union (`Notifier<MatchingNotice>`);
 * implemented in bot/ by rendering the notice and writing through the person's adapter.
 */
export interface Notifier<N extends Notice = Notice> {
  notify(psid: string, notice: N): Promise<NotifyResult>;
}

/**
 * Tells the Page admins (the moderators with role `admin`) a module's notice: the moderators'
 * broadcast inside their 24-hour window, else their `undelivered` queue (see bot/adminNotifier.ts).
 */
export type NotifyAdmins<N extends Notice = Notice> = (notice: N) => Promise<void>;

/**
 * A message already rendered for a channel (on the Bot Framework channels, a partial
 * activity); modules never build one.
 */
export interface RenderedMessage {
  type?: string;
  text?: string;
  [field: string]: unknown;
}

/**
 * Sends an already rendered activity to a person, only inside their 24-hour window.
 *
 * @remarks
 * The transport under {@link Notifier}; implemented by the bot over its adapters.
 */
export interface ResidentNotifier {
  notify(psid: string, activity: RenderedMessage): Promise<NotifyResult>;
}
