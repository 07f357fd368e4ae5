/**
 * `GET /healthz`: 200 when MongoDB answers, 503 otherwise.
 */
import type { Request, Response } from 'restify';

/** What `/healthz` reports. */
export interface HealthStatus {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  channels: { messenger: boolean; botFramework: boolean };
  uptimeSeconds: number;
}

/** Builds the handler from a probe that resolves when the database answers. */
export function healthHandler(options: {
  pingDatabase: () => Promise<void>;
  channels: HealthStatus['channels'];
  timeoutMs?: number;
}) {
  const timeoutMs = options.timeoutMs ?? 2000;
  return async (_request: Request, response: Response): Promise<void> => {
    const up = await withTimeout(options.pingDatabase(), timeoutMs).then(
      () => true,
      () => false,
    );
    const body: HealthStatus = {
      status: up ? 'ok' : 'unavailable',
      database: up ? 'up' : 'down',
      channels: options.channels,
      uptimeSeconds: Math.round(process.uptime()),
    };
    response.send(up ? 200 : 503, body);
  };
}

function withTimeout(promise: Promise<void>, milliseconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
