/**
 * A real HTTP server on 127.0.0.1 playing the BAN address API (`/search/`) for a few
 * Miramas addresses, with a switch to make it fail (HTTP 500) or hang.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An address the fake knows. */
export interface KnownAddress {
  /** Lower-case text the query must contain. */
  match: string;
  label: string;
  lat: number;
  lon: number;
  score: number;
}

/** Addresses of Miramas the fake answers for (approximate points). */
export const KNOWN_ADDRESSES: readonly KnownAddress[] = [
  {
    match: 'place jean jaurès',
    label: 'Place Jean Jaurès 13140 Miramas',
    lat: 43.5833,
    lon: 5.0017,
    score: 0.92,
  },
  {
    match: 'avenue de la république',
    label: 'Avenue de la République 13140 Miramas',
    lat: 43.5818,
    lon: 5.0035,
    score: 0.88,
  },
  {
    match: 'rue des molières',
    label: 'Rue des Molières 13140 Miramas',
    lat: 43.5901,
    lon: 4.9962,
    score: 0.81,
  },
  // BAN answers something for almost anything: a poor guess comes with a low score.
  { match: 'trucmuche', label: 'Chemin de Trucmuche 13140 Miramas', lat: 43.57, lon: 5.01, score: 0.21 },
];

/** How the fake misbehaves. */
export type FakeGeocoderMode = 'up' | 'error' | 'hang' | 'garbage';

/** The running fake. */
export interface FakeGeocoder {
  readonly url: string;
  /** Every request's query parameters, in order. */
  readonly requests: Array<Record<string, string>>;
  /** `up` answers, `error` answers 500, `hang` never answers, `garbage` answers a non-BAN body. */
  mode: FakeGeocoderMode;
  close(): Promise<void>;
}

/** Starts the fake BAN API on a random port of 127.0.0.1. */
export async function startFakeGeocoder(): Promise<FakeGeocoder> {
  const hanging = new Set<ServerResponse>();
  const fake = {
    url: '',
    requests: [] as Array<Record<string, string>>,
    mode: 'up' as FakeGeocoderMode,
    close: (): Promise<void> => Promise.resolve(),
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams.entries());
    fake.requests.push(query);
    if (fake.mode === 'hang') {
      hanging.add(response);
      return;
    }
    if (fake.mode === 'error') return send(response, 500, { code: 500, message: 'Internal Server Error' });
    if (fake.mode === 'garbage') return send(response, 200, { hello: 'world' });
    if (url.pathname !== '/search/') return send(response, 404, { message: 'Not found' });
    send(response, 200, answer(query));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  fake.url = `http://127.0.0.1:${port}`;
  fake.close = async () => {
    for (const response of hanging) response.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  };
  return fake;
}

function answer(query: Record<string, string>): unknown {
  // Like the BAN, accents and case do not matter ("place jean jaures").
  const text = withoutAccents(query.q ?? '');
  const known =
    query.citycode === '13063'
      ? KNOWN_ADDRESSES.find((address) => text.includes(withoutAccents(address.match)))
      : undefined;
  const features = known
    ? [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [known.lon, known.lat] },
          properties: {
            label: known.label,
            score: known.score,
            citycode: '13063',
            city: 'Miramas',
            postcode: '13140',
            type: 'street',
          },
        },
      ]
    : [];
  return { type: 'FeatureCollection', version: 'draft', features, query: query.q ?? '', limit: 1 };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function withoutAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
