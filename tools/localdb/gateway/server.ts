/**
 * The gateway's TCP server: reads framed messages from each client connection, runs them
 * one at a time through the dispatcher, and writes the replies back in order.
 *
 * @remarks
 * Log lines name the command, its duration and its error code; never a document, a filter
 * or a value (they hold residents' personal data).
 */
import { createServer, type Server } from 'node:net';
import type { Document } from 'bson';
import type { CommandDispatcher } from './dispatcher';
import { announcedLength, decodeMessage, encodeReply, HEADER_LENGTH, MAX_MESSAGE_BYTES } from './wire';

/** Options of {@link createGatewayServer}. */
export interface GatewayServerOptions {
  dispatcher: CommandDispatcher;
  /** `host:port` the clients use to reach the gateway (reported in `hello`). */
  address: string;
  log: (line: string) => void;
  /** Log every command (name, duration, code); otherwise only failures. */
  verbose?: boolean;
}

/** Builds the TCP server; the caller listens. */
export function createGatewayServer(options: GatewayServerOptions): Server {
  let nextSocketId = 1;
  let nextRequestId = 1;
  const startedAt = new Date();
  return createServer((socket) => {
    const socketId = nextSocketId++;
    const context = { socketId, connectionId: socketId, address: options.address, startedAt };
    let pending: Buffer = Buffer.alloc(0);
    let queue = Promise.resolve();
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        const length = announcedLength(pending);
        if (length === undefined || pending.length < length) break;
        if (length < HEADER_LENGTH || length > MAX_MESSAGE_BYTES) {
          options.log(`connection=${socketId} invalid message length ${length}: closing`);
          socket.destroy();
          return;
        }
        const message = pending.subarray(0, length);
        pending = pending.subarray(length);
        queue = queue.then(() => handle(message)).catch(() => undefined);
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      void queue.then(() => options.dispatcher.clientClosed(socketId)).catch(() => undefined);
    });

    async function handle(message: Buffer): Promise<void> {
      let request;
      try {
        request = decodeMessage(message);
      } catch (error) {
        options.log(`connection=${socketId} ${(error as Error).message}: closing`);
        socket.destroy();
        return;
      }
      const name = Object.keys(request.command)[0] ?? '?';
      const started = process.hrtime.bigint();
      const reply = await options.dispatcher.run(request.command, request.database ?? 'admin', context);
      logCommand(options, socketId, name, started, reply);
      if (request.noReply || socket.destroyed) return;
      socket.write(encodeReply(request, nextRequestId++, reply));
    }
  });
}

function logCommand(
  options: GatewayServerOptions,
  socketId: number,
  name: string,
  started: bigint,
  reply: Document,
): void {
  const failed = Number(reply.ok) !== 1;
  const writeErrors = Array.isArray(reply.writeErrors) ? (reply.writeErrors as Document[]) : [];
  if (!failed && writeErrors.length === 0 && !options.verbose) return;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const code = failed ? ` code=${String(reply.code)}` : '';
  const writeCodes =
    writeErrors.length > 0 ? ` writeErrors=${writeErrors.map((e) => String(e.code)).join(',')}` : '';
  options.log(
    `connection=${socketId} command=${name} ms=${ms.toFixed(1)} ok=${failed ? 0 : 1}${code}${writeCodes}`,
  );
}
