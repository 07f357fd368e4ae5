/**
 * The HTTP server, built from its dependencies (no port, no globals: tests listen on 0).
 *
 * @remarks
 * No restify plugin is loaded (they pull abandoned body parsers): each route reads its own
 * bounded body. No `Server` banner; error answers carry a status and a standard reason
 * only. Slow or idle connections are cut (see {@link HttpLimits}).
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../services/logger';
import { mountConsole, type ConsoleOptions } from './console/router';
import { botFrameworkHandler, type BotFrameworkRouteOptions } from './botframework/route';
import { guardConnections, type HttpLimits, DEFAULT_HTTP_LIMITS } from './http/connectionGuard';
import { healthHandler } from './routes/health';
import { eventsHandler, handshakeHandler, type MessengerWebhookOptions } from './routes/messengerWebhook';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** The Messenger webhook; the routes exist only when Messenger is configured. */
  messenger?: Omit<MessengerWebhookOptions, 'logger' | 'maxBodyBytes'>;
  /** The Bot Framework endpoint: who may call it and how a request reaches the CloudAdapter. */
  botFramework: Omit<BotFrameworkRouteOptions, 'logger' | 'maxBodyBytes'>;
  pingDatabase: () => Promise<void>;
  logger: Logger;
  /** Largest webhook body accepted (413 beyond). */
  maxBodyBytes?: number;
  /** Timeouts and connection limits; {@link DEFAULT_HTTP_LIMITS} by default. */
  limits?: Partial<HttpLimits>;
  /** The referents' console under `/console`; absent, no console route exists. */
  console?: Omit<ConsoleOptions, 'logger'>;
}

/** Creates the restify server with every route. */
export function createServer(options: ServerOptions): Server {
  // An empty name: restify then sends no `Server` header.
  const server = restify.createServer({ name: '', handleUncaughtExceptions: false });

  if (options.messenger) {
    const webhook = {
      ...options.messenger,
      logger: options.logger,
      maxBodyBytes: options.maxBodyBytes ?? 256 * 1024,
    };
    server.get('/api/messenger', handshakeHandler(webhook));
    server.post('/api/messenger', eventsHandler(webhook));
  }
  server.post(
    '/api/messages',
    botFrameworkHandler({ ...options.botFramework, logger: options.logger, maxBodyBytes: 1024 * 1024 }),
  );
  server.get(
    '/healthz',
    healthHandler({
      pingDatabase: options.pingDatabase,
      channels: {
        messenger: options.messenger !== undefined,
        botFramework: options.botFramework.access !== 'off',
      },
    }),
  );
  if (options.console) mountConsole(server, { ...options.console, logger: options.logger });
  server.on('restifyError', (_request: Request, _response: Response, error: Error, callback: () => void) => {
    options.logger.warn('http error', { error: error.name });
    hideInternals(error);
    callback();
  });
  guardConnections(server.server, { ...DEFAULT_HTTP_LIMITS, ...options.limits });
  return server;
}

/** restify answers an error with its message (a path, an exception's text): keep the code only. */
function hideInternals(error: Error): void {
  const coded = error as Error & { body?: { code?: string; message?: string }; statusCode?: number };
  const code = typeof coded.body?.code === 'string' ? coded.body.code : 'InternalError';
  coded.body = { code, message: '' };
  if (coded.statusCode === undefined || coded.statusCode >= 500)
    coded.body = { code: 'InternalError', message: '' };
}
