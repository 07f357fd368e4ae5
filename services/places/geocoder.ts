/**
 * Addresses typed by residents turned into points, with the national address service
 * (Base Adresse Nationale), restricted to Miramas.
 */
import axios, { type AxiosInstance } from 'axios';
import type { Logger } from '../logger';

/** INSEE code of Miramas: the BAN search is restricted to it. */
export const MIRAMAS_CITYCODE = '13063';
/** Below this BAN score a result is a guess, counted as unknown. */
export const MIN_SCORE = 0.4;
/** Longest time a request may take; a resident never waits more. */
export const MAX_TIMEOUT_MS = 2500;
const MAX_QUERY_LENGTH = 200;
/** Extra time allowed to an injected client that does not honour the abort signal. */
const GRACE_MS = 300;

/** A geocoded address. */
export interface GeocodedAddress {
  lat: number;
  lon: number;
  /** BAN's label ("12 Rue de la République 13140 Miramas"): for the resident to confirm, never logged. */
  label: string;
}

/** What a lookup gave: found, not known to the service, or the service did not answer properly. */
export type GeocodeOutcome =
  { status: 'found'; address: GeocodedAddress } | { status: 'unknown' } | { status: 'unavailable' };

/** Options of {@link Geocoder}. */
export interface GeocoderOptions {
  /** Base URL of the BAN API, for example `https://api-adresse.data.gouv.fr`. */
  baseUrl: string;
  /** Per-request limit, at most {@link MAX_TIMEOUT_MS}; 2500 by default. */
  timeoutMs?: number;
  http?: AxiosInstance;
  logger: Logger;
}

/**
 * Geocodes addresses with the BAN API: `GET {baseUrl}/search/?q=…&citycode=13063&limit=1`.
 *
 * @remarks
 * Never throws: a missing, low-score, malformed, failed or slow answer gives null. Log lines
 * carry the reason and HTTP status only, never the address.
 */
export class Geocoder {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly http: AxiosInstance;
  private readonly logger: Logger;

  constructor(options: GeocoderOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = Math.min(Math.max(options.timeoutMs ?? MAX_TIMEOUT_MS, 1), MAX_TIMEOUT_MS);
    this.http = options.http ?? axios.create();
    this.logger = options.logger;
  }

  /** The point of `text` in Miramas, or null when unknown or when the service fails. */
  async geocode(text: string): Promise<GeocodedAddress | null> {
    const outcome = await this.lookup(text);
    return outcome.status === 'found' ? outcome.address : null;
  }

  /** Like {@link Geocoder.geocode}, telling an unknown address from an unavailable service. */
  async lookup(text: string): Promise<GeocodeOutcome> {
    const query = typeof text === 'string' ? text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH) : '';
    // BAN rejects queries shorter than 3 characters.
    if (query.length < 3) return { status: 'unknown' };
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<GeocodeOutcome>((resolve) => {
      timer = setTimeout(() => resolve(this.fail('timeout', started)), this.timeoutMs + GRACE_MS);
    });
    try {
      return await Promise.race([this.request(query, started), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async request(query: string, started: number): Promise<GeocodeOutcome> {
    let data: unknown;
    try {
      const response = await this.http.get<unknown>(`${this.baseUrl}/search/`, {
        params: { q: query, citycode: MIRAMAS_CITYCODE, limit: 1 },
        timeout: this.timeoutMs,
        signal: AbortSignal.timeout(this.timeoutMs),
        maxRedirects: 0,
        maxContentLength: 200_000,
        responseType: 'json',
        validateStatus: (status) => status === 200,
      });
      data = response.data;
    } catch (error) {
      const status = axios.isAxiosError(error) ? error.response?.status : undefined;
      const timedOut =
        axios.isAxiosError(error) && ['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED'].includes(error.code ?? '');
      return this.fail(timedOut ? 'timeout' : status ? 'http_status' : 'network', started, status);
    }
    const parsed = parseBanResponse(data);
    if (parsed === 'invalid') return this.fail('invalid_response', started);
    if (!parsed) {
      this.logger.debug('geocoder.unknown', { ms: Date.now() - started });
      return { status: 'unknown' };
    }
    this.logger.debug('geocoder.found', { ms: Date.now() - started });
    return { status: 'found', address: parsed };
  }

  private fail(reason: string, started: number, status?: number): GeocodeOutcome {
    this.logger.warn('geocoder.unavailable', { reason, status, ms: Date.now() - started });
    return { status: 'unavailable' };
  }
}

/**
 * Reads a BAN answer: a GeoJSON FeatureCollection whose first feature is a Point
 * ([lon, lat]) with a score.
 *
 * @returns the address, null when there is no (good enough) result in Miramas, `'invalid'`
 * when the body is not shaped like a BAN answer.
 */
export function parseBanResponse(data: unknown): GeocodedAddress | null | 'invalid' {
  const body = data as { type?: unknown; features?: unknown } | null;
  if (typeof body !== 'object' || body === null || body.type !== 'FeatureCollection') return 'invalid';
  if (!Array.isArray(body.features)) return 'invalid';
  const feature = body.features[0] as
    | { geometry?: { type?: unknown; coordinates?: unknown }; properties?: Record<string, unknown> }
    | undefined;
  if (feature === undefined) return null;
  const coordinates = feature.geometry?.coordinates;
  const properties = feature.properties;
  if (feature.geometry?.type !== 'Point' || !Array.isArray(coordinates) || !properties) return 'invalid';
  const [lon, lat] = coordinates as unknown[];
  const { score, label, citycode } = properties;
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return 'invalid';
  }
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || typeof score !== 'number') return 'invalid';
  if (score < MIN_SCORE) return null;
  if (citycode !== undefined && citycode !== MIRAMAS_CITYCODE) return null;
  return { lat, lon, label: typeof label === 'string' ? label.slice(0, MAX_QUERY_LENGTH) : '' };
}
