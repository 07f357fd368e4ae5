/**
 * The notice delivery path for residents without Messenger: what would have been a message
 * to an `offline:` person becomes a task for their referent, who calls them.
 */
import { isOfflinePsid } from '../services/entries';
import type { Notice, Notifier, NotifyResult } from '../services/messaging/notifier';

/** Records a notice to a resident without Messenger as their referent's task (`PromiseTracker.offlineStep`). */
export type OfflineStepPort = (psid: string, notice: Notice) => Promise<unknown>;

/**
 * Sends notices through `inner`, but a notice to someone who is not on Messenger, which
 * becomes a task `offline_resident_step` (its result `to_referent`).
 *
 * @remarks
 * The one place where this is decided: the modules send their notices as to anyone, and
 * read `to_referent` as delivered (`reached`), so a match moves on exactly as if the person
 * had been written to, and the referent's recorded answer continues it.
 */
export class OfflineStepNotifier implements Notifier {
  constructor(
    private readonly inner: Notifier,
    private readonly offlineStep: OfflineStepPort,
  ) {}

  async notify(psid: string, notice: Notice): Promise<NotifyResult> {
    if (!isOfflinePsid(psid)) return this.inner.notify(psid, notice);
    await this.offlineStep(psid, notice);
    return 'to_referent';
  }
}
