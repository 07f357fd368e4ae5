/**
 * Plain-text answers of our routes: a status and its standard reason, never internal text.
 */
import type { Response } from 'restify';

/** Sends `body` as plain text with `status`. */
export function replyPlain(response: Response, status: number, body: string): void {
  response.sendRaw(status, body, { 'Content-Type': 'text/plain; charset=utf-8' });
}
