/**
 * The one axios instance every Graph API client shares: versioned base URL, short timeout,
 * page token with its `appsecret_proof`, and one error handler producing {@link GraphError}.
 */
import { createHmac } from 'node:crypto';
import axios, { type AxiosError, type AxiosInstance } from 'axios';
import type { Logger } from '../logger';
import { GraphError } from './graph-error';

export { GraphError, isTransientGraphError, type GraphPermanentReason } from './graph-error';

/** Options of {@link createGraphHttp}. */
export interface GraphHttpOptions {
  /** Base URL without version, for example `https://graph.facebook.com` (tests: 127.0.0.1). */
  graphApiUrl: string;
  /** Version segment, for example `v25.0`. */
  graphApiVersion: string;
  /** Page access token. */
  accessToken: string;
  /** App secret, used for `appsecret_proof` only. */
  appSecret: string;
  /** Per-request timeout; defaults to 8 seconds. */
  timeoutMs?: number;
  /** Receives one line per failed call (endpoint and codes only). */
  logger?: Logger;
}

/** Default per-request timeout, in milliseconds. */
export const DEFAULT_GRAPH_TIMEOUT_MS = 8000;

/** HMAC-SHA256 of the access token keyed with the app secret, as hex: Meta's `appsecret_proof`. */
export function appSecretProof(accessToken: string, appSecret: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

/**
 * Creates the axios instance the Graph clients are built on.
 *
 * @remarks
 * `access_token` and `appsecret_proof` are added as query parameters to every request by an
 * interceptor. Every failure (Graph error body, HTTP status, network error, timeout) is
 * rejected as a {@link GraphError}; nothing else escapes.
 */
export function createGraphHttp(options: GraphHttpOptions): AxiosInstance {
  const proof = appSecretProof(options.accessToken, options.appSecret);
  const http = axios.create({
    baseURL: `${options.graphApiUrl.replace(/\/+$/, '')}/${options.graphApiVersion}`,
    timeout: options.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS,
    headers: { 'Content-Type': 'application/json' },
  });
  http.interceptors.request.use((config) => {
    config.params = {
      ...(config.params as Record<string, unknown>),
      access_token: options.accessToken,
      appsecret_proof: proof,
    };
    return config;
  });
  http.interceptors.response.use(undefined, (error: unknown) => {
    const graphError = toGraphError(error);
    options.logger?.warn('graph call failed', {
      endpoint: graphError.endpoint,
      status: graphError.status,
      graphCode: graphError.graphCode,
      subcode: graphError.subcode,
      fbtraceId: graphError.fbtraceId,
      transient: graphError.transient,
    });
    return Promise.reject(graphError);
  });
  return http;
}

/** Turns whatever axios rejected with into a {@link GraphError}. */
export function toGraphError(error: unknown): GraphError {
  if (error instanceof GraphError) return error;
  if (!axios.isAxiosError(error)) {
    return new GraphError({
      endpoint: 'unknown',
      networkCode: error instanceof Error ? error.name : 'unknown',
    });
  }
  const endpoint = describeEndpoint(error);
  const timedOut = error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT';
  if (!error.response) {
    return new GraphError({ endpoint, networkCode: error.code, timedOut });
  }
  const body = readErrorBody(error.response.data);
  return new GraphError({ endpoint, status: error.response.status, ...body });
}

function describeEndpoint(error: AxiosError): string {
  const method = (error.config?.method ?? 'get').toUpperCase();
  const url = (error.config?.url ?? '').split('?')[0] ?? '';
  // Page-scoped ids and post ids in paths become ":id" so that the endpoint can be logged.
  return `${method} ${url.replace(/\/\d[\w-]*/g, '/:id')}`;
}

function readErrorBody(data: unknown): Partial<GraphErrorBodyFields> {
  if (typeof data !== 'object' || data === null) return {};
  const error = (data as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return {};
  const fields = error as Record<string, unknown>;
  return {
    graphCode: typeof fields.code === 'number' ? fields.code : undefined,
    subcode: typeof fields.error_subcode === 'number' ? fields.error_subcode : undefined,
    graphType: typeof fields.type === 'string' ? fields.type : undefined,
    fbtraceId: typeof fields.fbtrace_id === 'string' ? fields.fbtrace_id : undefined,
    graphMessage: typeof fields.message === 'string' ? fields.message : undefined,
  };
}

interface GraphErrorBodyFields {
  graphCode: number | undefined;
  subcode: number | undefined;
  graphType: string | undefined;
  fbtraceId: string | undefined;
  graphMessage: string | undefined;
}
