/**
 * Writing to someone who is not the one talking to the bot right now.
 */
import type { Activity } from 'botbuilder';

/** What happened to a proactive message. */
export type NotifyResult = 'sent' | 'outside_window' | 'unknown_person';

/**
 * Sends automated messages to a person, only inside their 24-hour window.
 *
 * @remarks
 * Implemented by the bot over its adapters; dialogs and jobs depend on this interface only.
 */
export interface ResidentNotifier {
  notify(psid: string, activity: Partial<Activity>): Promise<NotifyResult>;
}
