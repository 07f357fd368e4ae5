/**
 * Webhook benchmarks: durable acknowledgement next to a bare server, and whole turns.
 */
import { createHmac } from 'node:crypto';
import type { LoadRequest } from './load';

/** A signed webhook request carrying one resident's message. */
export function signedMessage(secret: string, psid: string, mid: string, text: string): LoadRequest {
  const body = JSON.stringify({
    object: 'page',
    entry: [
      {
        id: '1000000001',
        time: Date.now(),
        messaging: [
          {
            sender: { id: psid },
            recipient: { id: '1000000001' },
            timestamp: Date.now(),
            message: { mid, text },
          },
        ],
      },
    ],
  });
  return {
    path: '/api/messenger',
    body,
    headers: {
      'Content-Type': 'application/json',
      'X-Hub-Signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
  };
}
