/**
 * A fast fake Graph API for benchmarks: answers every call, and notes when the first
 * message to each recipient arrived.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The running sink. */
export interface GraphSink {
  url: string;
  /** First message arrival (hrtime ns) per recipient id. */
  firstReply: Map<string, bigint>;
  /** Resolves once `count` recipients got a reply, or after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Starts the sink on 127.0.0.1. */
export async function startGraphSink(): Promise<GraphSink> {
  const firstReply = new Map<string, bigint>();
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
          if (id && body.message && !firstReply.has(id)) firstReply.set(id, process.hrtime.bigint());
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
    firstReply,
    async waitFor(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (firstReply.size < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return firstReply.size >= count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
