/**
 * `POST /api/messages`: the Bot Framework endpoint (Emulator, Web Chat, Azure channels).
 *
 * @remarks
 * In order, before the bot sees anything: who may call (see {@link BotFrameworkAccess}),
 * JSON only (415 otherwise, before a byte is read), a bounded body, and a `serviceUrl` on
 * an allowed host (the bot answers there). Token validation itself is the CloudAdapter's,
 * after these checks.
 */
import { STATUS_CODES } from 'node:http';
import type { Response as AdapterResponse } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { BotFrameworkAccess } from '../config';
import type { Logger } from '../../services/logger';
import { BodyTooLargeError, readRawBody } from '../routes/rawBody';
import { replyPlain } from '../routes/reply';
import { isAllowedServiceUrl, isJsonContentType, isLocalCaller } from './access';

/** Options of {@link botFrameworkHandler}. */
export interface BotFrameworkRouteOptions {
  access: BotFrameworkAccess;
  /** Hosts a `serviceUrl` may name. */
  serviceHosts: readonly string[];
  maxBodyBytes: number;
  /** Runs the parsed request through the CloudAdapter (`request.body` is set). */
  process: (request: Request, response: AdapterResponse) => Promise<void>;
  logger: Logger;
}

/** The handler of `POST /api/messages`. */
export function botFrameworkHandler(options: BotFrameworkRouteOptions) {
  const { logger } = options;
  return async (request: Request, response: Response): Promise<void> => {
    if (options.access === 'off') return refuse(request, response, 401, 'Unauthorized');
    if (options.access === 'loopback' && !isLocalCaller(request.socket.remoteAddress, request.headers)) {
      logger.warn('bot framework request refused', { reason: 'not local' });
      return refuse(request, response, 401, 'Unauthorized');
    }
    if (!isJsonContentType(request.headers['content-type'])) {
      return refuse(request, response, 415, 'Unsupported Media Type');
    }
    let body: unknown;
    try {
      body = JSON.parse((await readRawBody(request, options.maxBodyBytes)).toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return replyPlain(response, 413, 'Payload Too Large');
      return replyPlain(response, 400, 'Bad Request');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return replyPlain(response, 400, 'Bad Request');
    }
    if (!isAllowedServiceUrl((body as { serviceUrl?: unknown }).serviceUrl, options.serviceHosts)) {
      logger.warn('bot framework request refused', { reason: 'serviceUrl not allowed' });
      return replyPlain(response, 403, 'Forbidden');
    }
    request.body = body;
    await options.process(request, withStandardErrors(response));
  };
}

/**
 * The response the CloudAdapter writes to: it answers a failure with the error's message
 * (internal text); this sends the status's standard reason instead.
 */
function withStandardErrors(response: Response): AdapterResponse {
  let status = 200;
  const wrapped: AdapterResponse = {
    socket: response.socket,
    status(code: number) {
      status = code;
      response.status(code);
      return wrapped;
    },
    header(name: string, value: unknown) {
      response.header(name, value);
      return wrapped;
    },
    send(...args: unknown[]) {
      if (status >= 400) response.send(STATUS_CODES[status] ?? 'Error');
      else response.send(...(args as [unknown]));
      return wrapped;
    },
    end(...args: unknown[]) {
      response.end(...(args as []));
      return wrapped;
    },
  };
  return wrapped;
}

/** Answers without reading the body, and closes the connection so nobody streams into it. */
function refuse(request: Request, response: Response, status: number, text: string): void {
  response.setHeader('Connection', 'close');
  replyPlain(response, status, text);
  request.resume();
}
