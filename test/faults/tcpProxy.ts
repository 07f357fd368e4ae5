/**
 * A TCP proxy in front of the test database that can be cut and restored: to the bot, a
 * database that stops answering (connections reset, then refused) and comes back on the same
 * address, without disturbing the engine other suites share.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A running proxy. */
export interface TcpProxy {
  /** The database URI through the proxy. */
  readonly uri: string;
  /** Resets every connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a proxy to the host and port of `targetUri` (a single-host `mongodb://` URI). */
export async function startTcpProxy(targetUri: string): Promise<TcpProxy> {
  const target = new URL(targetUri);
  const targetPort = Number(target.port || 27017);
  const sockets = new Set<Socket>();
  let server: Server | undefined;

  const listen = (port: number): Promise<number> => {
    const next = createServer((client) => {
      const upstream = createConnection({ host: target.hostname, port: targetPort });
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    server = next;
    return new Promise((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        const address = next.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  };
  const stop = (): Promise<void> => {
    const current = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => (current ? current.close(() => resolve()) : resolve()));
  };

  const port = await listen(0);
  const search = new URLSearchParams(target.search);
  search.set('directConnection', 'true');
  return {
    uri: `mongodb://127.0.0.1:${port}/?${search.toString()}`,
    cut: stop,
    restore: async () => {
      await listen(port);
    },
    close: stop,
  };
}
