/**
 * Graph clients whose calls go through the outbox, the one delivery path to Graph.
 */
import type { ThreadControl } from '../graph/handover';
import type { OutgoingCalls } from './outbox';

/**
 * Wraps thread control so that passing or taking a thread during a turn happens once, however
 * many times the turn is replayed, and is retried on transient failures.
 *
 * @remarks
 * The outbox is the one retry layer of these calls (see `outbox.ts`): whoever calls this
 * port makes a single attempt (the moderation module is configured so in `bot/core.ts`). The
 * port is not handed the turn: a call about a person whose event is being processed belongs
 * to that turn ({@link OutgoingCalls.turnOf}); any other (a scheduled take-back, a moderator
 * closing someone else's handover) is made with retries and journaled nowhere.
 */
export function journaledThreadControl(handover: ThreadControl, calls: OutgoingCalls): ThreadControl {
  const through = (psid: string) => calls.turnOf(psid) ?? calls;
  return {
    async passThreadControl(psid, targetAppId, metadata) {
      const body = { action: 'pass', targetAppId, metadata };
      await through(psid).perform({ kind: 'handover', psid, body }, async () => {
        await handover.passThreadControl(psid, targetAppId, metadata);
        return undefined;
      });
    },
    async takeThreadControl(psid, metadata) {
      const body = { action: 'take', metadata };
      await through(psid).perform({ kind: 'handover', psid, body }, async () => {
        await handover.takeThreadControl(psid, metadata);
        return undefined;
      });
    },
  };
}
