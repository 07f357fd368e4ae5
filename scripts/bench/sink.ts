/**
 * A fast fake Graph API for benchmarks: answers every call, and notes when each message to
 * each recipient arrived.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The running sink. */
export interface GraphSink {
  url: string;
  /** The first message to `psid` that arrived after `since` (hrtime ns), if any. */
  replyAfter(psid: string, since: bigint): bigint | undefined;
  /** Resolves true once `done()` holds, or false after `timeoutMs`. */
  waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Starts the sink on 127.0.0.1. */
export async function startGraphSink(): Promise<GraphSink> {
  const arrivals = new Map<string, bigint[]>();
  let messageId = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url?.includes('/me/messages')) {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            recipient?: { id?: string };
            message?: unknown;
          };
          const id = body.recipient?.id;
          if (id && body.message) {
            const times = arrivals.get(id) ?? [];
            times.push(process.hrtime.bigint());
            arrivals.set(id, times);
          }
        } catch {
          // not JSON: still answered
        }
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ recipient_id: '0', message_id: `m_${++messageId}`, success: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    replyAfter: (psid, since) => arrivals.get(psid)?.find((arrival) => arrival > since),
    async waitUntil(done, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      return done();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
