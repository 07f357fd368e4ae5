/**
 * Thread control that records what the handover service asked Meta, for dialog tables.
 */
import type { ThreadControl } from '../../../../services/graph';

/** One thread-control call. */
export interface ThreadControlCall {
  kind: 'pass' | 'take';
  psid: string;
  targetAppId?: string;
  metadata?: string;
}

/** Records passes and take-backs; they always succeed. */
export class RecordingThreadControl implements ThreadControl {
  readonly calls: ThreadControlCall[] = [];

  passThreadControl(psid: string, targetAppId: string, metadata?: string): Promise<void> {
    this.calls.push({ kind: 'pass', psid, targetAppId, metadata });
    return Promise.resolve();
  }

  takeThreadControl(psid: string, metadata?: string): Promise<void> {
    this.calls.push({ kind: 'take', psid, metadata });
    return Promise.resolve();
  }

  /** The passes for `psid`. */
  passesFor(psid: string): ThreadControlCall[] {
    return this.calls.filter((call) => call.kind === 'pass' && call.psid === psid);
  }
}
