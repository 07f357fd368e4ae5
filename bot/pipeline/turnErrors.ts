/**
 * The turn-error policy: what an adapter does with a turn that failed.
 */
import type { TurnContext } from 'botbuilder';
import { GraphError } from '../../services/graph';
import { t } from '../../services/i18n';
import type { Logger } from '../../services/logger';
import { isTransientFailure, rootCause } from '../transient';

/** Options of {@link turnErrorPolicy}. */
export interface TurnErrorPolicyOptions {
  /** True when the turn is run again after a failure (the Messenger inbox); false for Bot Framework. */
  retried: boolean;
  logger: Logger;
}

/** An adapter's `onTurnError`. */
export type TurnErrorHandler = (context: TurnContext, error: Error) => Promise<void>;

/**
 * What a failed turn does, as an adapter's `onTurnError`.
 *
 * @remarks
 * A retried turn (Messenger) rethrows a transient failure: the inbox runs the event again
 * later. A permanent refusal by Meta (a {@link GraphError}: blocked page, closed window,
 * unknown recipient) is logged without an apology, which would fail too. Anything else is
 * logged and apologised for in French; a Bot Framework turn has no second run, so nothing
 * reaches the CloudAdapter, which would log and answer the error's own text.
 */
export function turnErrorPolicy({ retried, logger }: TurnErrorPolicyOptions): TurnErrorHandler {
  return async (context, error) => {
    if (retried && isTransientFailure(error)) throw error;
    const cause = rootCause(error);
    if (cause instanceof GraphError) {
      logger.warn('reply refused by Messenger', {
        reason: cause.permanentReason ?? 'other',
        code: cause.graphCode,
      });
      return;
    }
    logger.error('turn failed', { error: error.name, channel: context.activity.channelId });
    try {
      await context.sendActivity(t('fallback.error'));
    } catch (apologyError) {
      logger.warn('apology not delivered', {
        error: (apologyError as Error).name,
        channel: context.activity.channelId,
      });
    }
  };
}
