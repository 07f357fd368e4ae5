/**
 * Timeouts and connection limits of the HTTP server, so that slow or idle connections
 * cannot wear it down.
 *
 * @remarks
 * Node's own limits cover a request in progress and a connection that never sends one
 * (answered 408 and closed after `headersTimeoutMs`). Connections without a request in
 * progress (new or kept alive) are at most `maxIdle`, the oldest closed first, so thousands of
 * idle sockets leave room for Meta's deliveries.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** The server's timeouts and limits. */
export interface HttpLimits {
  /** Until a request's headers are complete (also how long a silent new connection lives). */
  headersTimeoutMs: number;
  /** Until a whole request (headers and body) is received. */
  requestTimeoutMs: number;
  /** A kept-alive connection waits this long for its next request. */
  keepAliveTimeoutMs: number;
  /** Connections without a request in progress kept at most; the oldest is closed beyond. */
  maxIdle: number;
  /** Connections in all, a last resort against exhausting file descriptors. */
  maxConnections: number;
}

/**
 * Defaults: Meta's deliveries and Bot Framework activities are small, so a few seconds per
 * request is plenty; keep-alive stays longer than Meta's and load balancers' idle timeouts
 * (60 s) so that a delivery never races the server closing its connection.
 */
export const DEFAULT_HTTP_LIMITS: Readonly<HttpLimits> = Object.freeze({
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 65_000,
  maxIdle: 1_000,
  maxConnections: 10_000,
});

/** Applies `limits` to `server` (before it listens). */
export function guardConnections(server: Server, limits: HttpLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // How often Node checks the two request timeouts (30 s by default, read when listening).
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = 1_000;

  /** Sockets without a request in progress, oldest first (a Set keeps insertion order). */
  const idle = new Set<Socket>();
  const park = (socket: Socket): void => {
    idle.delete(socket);
    idle.add(socket);
    if (idle.size > limits.maxIdle) {
      const oldest = idle.values().next().value as Socket;
      idle.delete(oldest);
      oldest.destroy();
    }
  };

  server.on('connection', (socket: Socket) => {
    socket.once('close', () => idle.delete(socket));
    park(socket);
  });
  server.on('request', (request, response) => {
    const socket = request.socket;
    idle.delete(socket);
    let done = false;
    const parkAgain = (): void => {
      if (done) return;
      done = true;
      if (!socket.destroyed) park(socket);
    };
    response.once('finish', parkAgain);
    response.once('close', parkAgain);
  });
}
