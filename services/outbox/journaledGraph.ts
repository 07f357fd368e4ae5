/**
 * Graph clients whose calls made during a turn go through the outbox.
 */
import type { ThreadControl } from '../graph/handover';
import type { OutgoingCalls } from './outbox';

/**
 * Wraps thread control so that passing or taking a thread during a turn happens once, however
 * many times the turn is replayed (and is retried on transient failures).
 */
export function journaledThreadControl(handover: ThreadControl, calls: OutgoingCalls): ThreadControl {
  return {
    async passThreadControl(psid, targetAppId, metadata) {
      const body = { action: 'pass', targetAppId, metadata };
      await calls.perform({ kind: 'handover', psid, body }, async () => {
        await handover.passThreadControl(psid, targetAppId, metadata);
        return undefined;
      });
    },
    async takeThreadControl(psid, metadata) {
      const body = { action: 'take', metadata };
      await calls.perform({ kind: 'handover', psid, body }, async () => {
        await handover.takeThreadControl(psid, metadata);
        return undefined;
      });
    },
  };
}
