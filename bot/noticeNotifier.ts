/**
 * The modules' {@link Notifier} port: a notice rendered in the recipient's language, then
 * written through the person's channel (inside their 24-hour window only).
 */
import { withLocale, type Locale } from '../services/i18n';
import type { Notice, Notifier, NotifyResult, ResidentNotifier } from '../services/messaging/notifier';

/** The language a person is written to in outside their turns (`ResidentRepository.localeOf`). */
export type LocaleOf = (psid: string) => Promise<Locale>;

/** Renders then sends. */
export class NoticeNotifier implements Notifier {
  constructor(
    private readonly transport: ResidentNotifier,
    private readonly render: (notice: Notice) => Parameters<ResidentNotifier['notify']>[1],
    private readonly localeOf: LocaleOf = () => Promise.resolve('fr'),
  ) {}

  /**
   * Renders `notice` in the recipient's language (whatever the running turn's, a moderator's
   * for example) and sends it.
   */
  async notify(psid: string, notice: Notice): Promise<NotifyResult> {
    const locale = await this.localeOf(psid);
    return this.transport.notify(
      psid,
      withLocale(locale, () => this.render(notice)),
    );
  }
}
