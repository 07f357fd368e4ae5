/**
 * A ResidentNotifier that records what it was asked to send (the port to the adapter).
 */
import type { Activity } from 'botbuilder';
import type { NotifyResult, ResidentNotifier } from '../../../services/messaging/notifier';

/** One proactive message. */
export interface Notified {
  psid: string;
  activity: Partial<Activity>;
  result: NotifyResult;
}

/** Records proactive messages; `results` decides the outcome per person ('sent' otherwise). */
export class RecordingNotifier implements ResidentNotifier {
  readonly sent: Notified[] = [];
  readonly results = new Map<string, NotifyResult>();

  notify(psid: string, activity: Partial<Activity>): Promise<NotifyResult> {
    const result = this.results.get(psid) ?? 'sent';
    this.sent.push({ psid, activity, result });
    return Promise.resolve(result);
  }

  /** Messages sent to `psid`. */
  to(psid: string): Notified[] {
    return this.sent.filter((message) => message.psid === psid);
  }
}
