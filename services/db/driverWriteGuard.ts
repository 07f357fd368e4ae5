/**
 * A guard around the `mongodb` driver's socket write, for the hang of docs/driver-hang.md: a
 * command written to a connection whose socket Node already destroyed waits for `'drain'`
 * forever (driver 7.9.0).
 *
 * @remarks
 * The guarded `Connection.prototype.writeCommand` fails such a write with a
 * `MongoNetworkError` (the connection is closed through the driver's own `onError`) as soon
 * as the socket is closed, or at once when it already is; a destroyed socket never drains, so
 * no write that could still succeed is failed. The command then fails like any command on a
 * lost connection: retried by the driver under retryable reads and writes, or failed fast
 * (the inbox retries it) instead of holding its connection and its flush until the flush
 * timeout. The batcher's timeout and the watchdog stay as safety nets. To be removed once the
 * driver fixes it upstream (the patch is tied to 7.x internals: {@link guardDriverWrites}
 * does nothing when they are not where it expects them).
 */
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { MongoNetworkError } from 'mongodb';

/** The driver's connection, as far as the guard needs it. */
interface DriverConnection {
  socket: Socket;
  id: number | string;
  address: string;
  onError(error: Error): void;
}

type WriteCommand = (this: DriverConnection, command: unknown, options: unknown) => Promise<void>;

interface ConnectionClass {
  prototype: { writeCommand: WriteCommand };
}

const connectionClass = ((): ConnectionClass | undefined => {
  try {
    const loaded = createRequire(__filename)('mongodb/lib/cmap/connection') as {
      Connection?: ConnectionClass;
    };
    return typeof loaded.Connection?.prototype.writeCommand === 'function' ? loaded.Connection : undefined;
  } catch {
    return undefined;
  }
})();
const unguarded = connectionClass?.prototype.writeCommand;

/** `writeCommand`, failed with a network error when the socket closes before the write ends. */
const guarded: WriteCommand = function (this: DriverConnection, command, options) {
  const { socket } = this;
  const writing = unguarded!.call(this, command, options);
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const closed = (): void => {
      if (done) return;
      done = true;
      const error = new MongoNetworkError(`connection ${this.id} to ${this.address} closed during a write`);
      this.onError(error);
      reject(error);
    };
    writing.then(
      () => {
        if (done) return;
        done = true;
        socket.off('close', closed);
        resolve();
      },
      (error: unknown) => {
        if (done) return;
        done = true;
        socket.off('close', closed);
        reject(error instanceof Error ? error : new MongoNetworkError(String(error)));
      },
    );
    if (socket.closed) closed();
    else socket.once('close', closed);
  });
};

/**
 * Installs the guard (idempotent) or, with `on` false, takes it off (for the tests that show
 * the unguarded hang).
 *
 * @returns whether the guard is installed.
 */
export function guardDriverWrites(on = true): boolean {
  if (!connectionClass || !unguarded) return false;
  connectionClass.prototype.writeCommand = on ? guarded : unguarded;
  return on;
}
