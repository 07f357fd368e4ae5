/**
 * The HTTP server, built from its dependencies (no port, no globals: tests listen on 0).
 */
import restify, { type Request, type Response, type Server } from 'restify';
import type { Logger } from '../services/logger';
import { healthHandler } from './routes/health';
import { eventsHandler, handshakeHandler, type MessengerWebhookOptions } from './routes/messengerWebhook';

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** The Messenger webhook; the routes exist only when Messenger is configured. */
  messenger?: Omit<MessengerWebhookOptions, 'logger' | 'maxBodyBytes'>;
  /** The Bot Framework endpoint (CloudAdapter.process with the bot's logic). */
  botFramework: (request: Request, response: Response) => Promise<void>;
  pingDatabase: () => Promise<void>;
  logger: Logger;
  /** Largest webhook body accepted (413 beyond). */
  maxBodyBytes?: number;
}

/** Creates the restify server with every route. */
export function createServer(options: ServerOptions): Server {
  const server = restify.createServer({ name: 'voisins-solidaires', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser());

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
    restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }),
    options.botFramework,
  );
  server.get(
    '/healthz',
    healthHandler({
      pingDatabase: options.pingDatabase,
      channels: { messenger: options.messenger !== undefined, botFramework: true },
    }),
  );
  server.on('restifyError', (_request: Request, _response: Response, error: Error, callback: () => void) => {
    options.logger.warn('http error', { error: error.name });
    callback();
  });
  // Meta (like a load balancer) reuses connections: keep idle ones open longer than Node's
  // 5 s, so that a delivery never races the server closing the connection it was sent on.
  server.server.keepAliveTimeout = 65_000;
  server.server.headersTimeout = 66_000;
  return server;
}
