/**
 * The gateway's TCP server: reads framed messages from each client connection, runs them
 * one at a time through the dispatcher, and writes the replies back in order.
 *
 * @remarks
 * Log lines name the command, its duration and its error code; never a document, a filter
 * or a value (they hold residents' personal data).
 *
 * Heartbeats stream as with MongoDB: `hello` carries a `topologyVersion`, so the driver's
 * monitor sends awaitable hellos (`topologyVersion` + `maxAwaitTimeMS`, with the
 * `exhaustAllowed` flag). The gateway answers each after `maxAwaitTimeMS` and, when exhaust
 * is allowed, keeps answering every `maxAwaitTimeMS` with `moreToCome` set, without further
 * requests: the monitor always has a read pending on its connection, so a connection the
 * gateway closes fails that read at once (see docs/driver-hang.md for why this matters).
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { Document } from 'bson';
import type { CommandDispatcher } from './dispatcher';
import { answerLocally, awaitableHelloDelay, newTopologyVersion } from './handshake';
import {
  announcedLength,
  decodeMessage,
  encodeReply,
  HEADER_LENGTH,
  MAX_MESSAGE_BYTES,
  type IncomingCommand,
} from './wire';

/** Options of {@link createGatewayServer}. */
export interface GatewayServerOptions {
  dispatcher: CommandDispatcher;
  /** `host:port` the clients use to reach the gateway (reported in `hello`). */
  address: string;
  log: (line: string) => void;
  /** Log every command (name, duration, code); otherwise only failures. */
  verbose?: boolean;
}

/** The gateway's TCP server. */
export interface GatewayServer extends Server {
  /** Closes every client connection (the server itself is closed with `close()`). */
  destroyConnections(): void;
}

/** Waits `ms`, or less when the socket closes first. */
function waitOrClose(socket: Socket, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      socket.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    socket.once('close', done);
  });
}

/** Builds the TCP server; the caller listens. */
export function createGatewayServer(options: GatewayServerOptions): GatewayServer {
  let nextSocketId = 1;
  let nextRequestId = 1;
  const startedAt = new Date();
  const topologyVersion = newTopologyVersion();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    const socketId = nextSocketId++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const context = {
      socketId,
      connectionId: socketId,
      address: options.address,
      startedAt,
      topologyVersion,
    };
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
      const delay = awaitableHelloDelay(request.command, context);
      if (delay !== undefined) return streamHellos(request, delay);
      const started = process.hrtime.bigint();
      const reply = await options.dispatcher.run(request.command, request.database ?? 'admin', context);
      logCommand(options, socketId, name, started, reply);
      if (request.noReply || socket.destroyed) return;
      socket.write(encodeReply(request, nextRequestId++, reply));
    }

    /** Answers an awaitable hello after `delay`, then again every `delay` while exhaust is allowed. */
    async function streamHellos(request: IncomingCommand, delay: number): Promise<void> {
      let responseTo = request.requestId;
      let wait = delay;
      for (;;) {
        if (wait > 0) await waitOrClose(socket, wait);
        if (socket.destroyed || !server.listening) return;
        const more = request.exhaustAllowed === true;
        const requestId = nextRequestId++;
        const reply = answerLocally(Object.keys(request.command)[0] ?? 'hello', request.command, context);
        socket.write(encodeReply({ opCode: request.opCode, requestId: responseTo }, requestId, reply, more));
        if (!more) return;
        responseTo = requestId;
        wait = Number(request.command.maxAwaitTimeMS);
      }
    }
  }) as GatewayServer;
  server.destroyConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  return server;
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
