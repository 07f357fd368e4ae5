/**
 * The modules' {@link Notifier} port: a notice rendered to French, then written through the
 * person's channel (inside their 24-hour window only).
 */
import type { Notice, Notifier, NotifyResult, ResidentNotifier } from '../services/messaging/notifier';

/** Renders then sends. */
export class NoticeNotifier implements Notifier {
  constructor(
    private readonly transport: ResidentNotifier,
    private readonly render: (notice: Notice) => Parameters<ResidentNotifier['notify']>[1],
  ) {}

  notify(psid: string, notice: Notice): Promise<NotifyResult> {
    return this.transport.notify(psid, this.render(notice));
  }
}
