/**
 * The threads of handovers: passing the conversation to the page inbox and taking it
 * back, with retries of transient failures and logs without personal data.
 */
import { GraphError, withRetry, type RetryOptions, type ThreadControl } from '../graph';
import { redactId, type Logger, type LogFields } from '../logger';
import type { StoredHandover } from './handoverRepository';

/** How a take-back went: done, to try again later, or refused for good by Meta. */
export type TakeBackOutcome = 'taken' | 'retry_later' | 'refused';

/**
 * Passes a handover's thread to the page inbox and takes it back, over the
 * {@link ThreadControl} port.
 */
export class HandoverThreads {
  constructor(
    private readonly api: ThreadControl,
    private readonly pageInboxAppId: string,
    private readonly retry: RetryOptions,
    private readonly logger: Logger,
  ) {}

  /** Passes the conversation to the page inbox; false (logged) when Meta refused or failed. */
  async pass(handover: StoredHandover): Promise<boolean> {
    try {
      const metadata = threadMetadata(handover.reason, handover);
      await withRetry(
        () => this.api.passThreadControl(handover.psid, this.pageInboxAppId, metadata),
        this.retry,
      );
      return true;
    } catch (error) {
      this.logger.warn('pass to inbox failed', { psid: redactId(handover.psid), ...errorFields(error) });
      return false;
    }
  }

  /** Takes the conversation back for the bot, saying why in the metadata. */
  async takeBack(handover: StoredHandover, why: string): Promise<TakeBackOutcome> {
    try {
      await withRetry(
        () => this.api.takeThreadControl(handover.psid, threadMetadata(why, handover)),
        this.retry,
      );
      return 'taken';
    } catch (error) {
      const transient = !(error instanceof GraphError) || error.transient;
      this.logger.warn(transient ? 'take back failed, will retry' : 'take back refused', {
        psid: redactId(handover.psid),
        ...errorFields(error),
      });
      return transient ? 'retry_later' : 'refused';
    }
  }
}

/** Thread-control metadata: a reason code and the handover id, never what anyone wrote. */
export function threadMetadata(reason: string, handover: StoredHandover): string {
  return JSON.stringify({ reason, handoverId: handover._id.toHexString() });
}

function errorFields(error: unknown): LogFields {
  if (error instanceof GraphError) {
    return {
      error: 'GraphError',
      code: error.graphCode,
      status: error.status,
      reason: error.permanentReason,
    };
  }
  return { error: error instanceof Error ? error.name : 'unknown' };
}
