/**
 * The per-person limit on messages answered, as middleware of the Messenger adapter: a
 * resident who floods the Page gets one notice per blocking period, not an answer per message.
 */
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { NluPort } from '../../dialogs/ports';
import { understandingOf } from '../../dialogs/understanding';
import { t } from '../../services/i18n';
import type { Limits, MessageNotice } from '../../services/limits';
import { redactId, type Logger } from '../../services/logger';
import type { ModeratorRepository } from '../../services/moderation';

/** Options of {@link MessageLimit}. */
export interface MessageLimitOptions {
  limits: Pick<Limits, 'admitMessage' | 'settings'>;
  /** To recognise an emergency, which is answered whatever the count. */
  nlu: NluPort;
  /** Referents are answered whatever the count. */
  moderators: Pick<ModeratorRepository, 'isModerator'>;
  logger: Logger;
}

/**
 * Runs the turn of a resident's message only within their limit (see `Limits.admitMessage`).
 *
 * @remarks
 * Only `message` activities count: echoes, standby, handover and proactive turns are events
 * and cost nothing. Past the limit the turn is not run at all (no state, no answer) and the
 * event is done; the first refused message of a blocking period gets the notice instead,
 * through the same outbox as any reply. Still answered past the limit: a message the
 * emergency rules recognise (the turn gives the numbers and hands over), and referents.
 */
export class MessageLimit implements Middleware {
  constructor(private readonly options: MessageLimitOptions) {}

  /** Lets the turn run, answers the notice, or drops the message. */
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const psid = activity.from?.id;
    if (activity.type !== String(ActivityTypes.Message) || !psid) return next();
    const verdict = await this.options.limits.admitMessage(psid);
    if (verdict.admitted || (await this.answeredAnyway(context, psid))) return next();
    if (!verdict.notice) {
      this.options.logger.debug('message over the limit not answered', { person: redactId(psid) });
      return;
    }
    this.options.logger.warn('person over the message limit', {
      person: redactId(psid),
      limit: verdict.notice,
    });
    await context.sendActivity(this.noticeText(verdict.notice));
  }

  /** An emergency, or a referent at work. */
  private async answeredAnyway(context: TurnContext, psid: string): Promise<boolean> {
    if (understandingOf(context.activity, this.options.nlu)?.emergency) return true;
    return this.options.moderators.isModerator(psid);
  }

  private noticeText(notice: MessageNotice): string {
    if (notice === 'day') return t('limits.messagesDay');
    return t('limits.messagesBurst', {
      minutes: Math.round(this.options.limits.settings.burstBlockSeconds / 60),
    });
  }
}
