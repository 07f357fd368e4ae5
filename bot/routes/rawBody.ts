/**
 * Reads a request body as raw bytes (the webhook signature covers the exact bytes).
 */
import type { IncomingMessage } from 'node:http';
import { CodedError, ErrorCode } from '../../services/errors';

/** Thrown when a body exceeds the limit. */
export class BodyTooLargeError extends CodedError {
  constructor(readonly limit: number) {
    super(ErrorCode.BodyTooLarge, `Request body over ${limit} bytes`);
  }
}

/** Collects the body up to `limit` bytes; rejects with {@link BodyTooLargeError} beyond. */
export function readRawBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.reject(new BodyTooLargeError(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks, size)));
    request.on('error', reject);
  });
}
