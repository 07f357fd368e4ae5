/**
 * `GET /api/messenger` (verification handshake) and `POST /api/messenger` (events).
 *
 * @remarks
 * A POST is acknowledged only once its events are stored in the inbox: Meta retries what
 * we do not acknowledge, and what we acknowledge is never lost. Processing happens later,
 * in the inbox worker.
 */
import type { Request, Response } from 'restify';
import { CodedError, ErrorCode } from '../../services/errors';
import type { Logger } from '../../services/logger';
import { extractEvents, selectEvents, type MessengerEvent } from '../messenger/events';
import { verifyHandshake, verifySignature } from '../messenger/signature';
import { BodyTooLargeError, readRawBody } from './rawBody';
import { replyPlain as reply } from './reply';

/** Options of the Messenger routes. */
export interface MessengerWebhookOptions {
  appSecret: string;
  verifyToken: string;
  /** Stores the events durably; throws when the database cannot take them. */
  accept: (events: MessengerEvent[]) => Promise<void>;
  /**
   * How long a delivery may wait for the database before it is answered 503 (default 4 s,
   * inside Meta's 5). Meta then delivers again; if the slow write did land, the second copy
   * is recognised as a duplicate.
   */
  ackDeadlineMs?: number;
  /** Our Page: events for any other page id are ignored (all pages when unset, outside production). */
  pageId?: string;
  /** Events older than this are ignored (Meta stops retrying after about an hour). */
  maxEventAgeMs: number;
  /** The server's clock. */
  now: () => Date;
  logger: Logger;
  maxBodyBytes: number;
}

/** The verification handshake: the challenge on a good token, 403 otherwise. */
export function handshakeHandler(options: MessengerWebhookOptions) {
  // restify takes a two-argument handler only when it is async.
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (request: Request, response: Response): Promise<void> => {
    let challenge: string;
    try {
      const query = new URL(request.url ?? '/', 'http://localhost').searchParams;
      challenge = verifyHandshake(Object.fromEntries(query), options.verifyToken);
    } catch {
      return reply(response, 403, 'Forbidden');
    }
    reply(response, 200, challenge);
  };
}

/** Verifies, parses and stores a webhook delivery, then acknowledges it. */
export function eventsHandler(options: MessengerWebhookOptions) {
  const { logger } = options;
  return async (request: Request, response: Response): Promise<void> => {
    let raw: Buffer;
    try {
      raw = await readRawBody(request, options.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return reply(response, 413, 'Payload Too Large');
      return reply(response, 400, 'Bad Request');
    }
    try {
      verifySignature(raw, request.header('x-hub-signature-256') || undefined, options.appSecret);
    } catch {
      logger.warn('webhook signature rejected', { bytes: raw.length });
      return reply(response, 403, 'Forbidden');
    }
    let events: MessengerEvent[];
    try {
      events = extractEvents(JSON.parse(raw.toString('utf8')) as unknown);
    } catch (error) {
      const kind = error instanceof SyntaxError ? 'malformed JSON' : 'not a page webhook';
      logger.warn('webhook body rejected', { reason: kind });
      return reply(response, 400, 'Bad Request');
    }
    const selected = selectEvents(events, {
      pageId: options.pageId,
      notBefore: options.now().getTime() - options.maxEventAgeMs,
    });
    if (selected.otherPage > 0 || selected.tooOld > 0) {
      logger.warn('webhook events ignored', { otherPage: selected.otherPage, tooOld: selected.tooOld });
    }
    events = selected.events;
    try {
      if (events.length > 0) await withinDeadline(options.accept(events), options.ackDeadlineMs ?? 4_000);
    } catch (error) {
      logger.error('webhook events could not be stored', {
        error: error instanceof CodedError ? error.code : ErrorCode.DatabaseUnavailable,
        cause: error instanceof Error ? error.name : 'unknown',
        events: events.length,
      });
      return reply(response, 503, 'Service Unavailable');
    }
    reply(response, 200, 'EVENT_RECEIVED');
  };
}

/** Raised when the events were not stored in time to answer Meta. */
class AckDeadlineError extends CodedError {
  constructor() {
    super(ErrorCode.DatabaseUnavailable, 'the events were not stored in time');
    this.name = 'AckDeadlineError';
  }
}

/** `work`, or an {@link AckDeadlineError} after `milliseconds` (`work` goes on, its failure ignored). */
function withinDeadline(work: Promise<void>, milliseconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AckDeadlineError()), milliseconds);
  });
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
