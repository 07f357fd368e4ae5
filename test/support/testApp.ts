/**
 * The real application on 127.0.0.1 (random port) with a fake Graph API, for HTTP tests.
 */
import { createHmac } from 'node:crypto';
import { createApp, type App } from '../../bot/app';
import { parseConfig, type AppConfig } from '../../bot/config';
import type { Clock } from '../../services/clock';
import { silentLogger, type Logger } from '../../services/logger';
import { Nlu } from '../../services/nlu';
import { openTestDatabase, type TestDatabase } from './db';
import { startFakeGraph, type FakeGraph } from './fake-graph';

export const APP_SECRET = 'test-app-secret';
export const VERIFY_TOKEN = 'test-verify-token';
export const PAGE_ID = '1000000001';

let sharedNlu: Nlu | undefined;

/** A running application and its fakes. */
export interface TestApp {
  app: App;
  config: AppConfig;
  database: TestDatabase;
  graph: FakeGraph;
  baseUrl: string;
  /** POSTs a webhook body, signed correctly unless `signature` says otherwise. */
  postWebhook(body: unknown, options?: { signature?: string | null; raw?: string }): Promise<Response>;
  stop(): Promise<void>;
}

/** Computes Meta's `X-Hub-Signature-256` header for a raw body. */
export function sign(raw: string | Buffer, secret = APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

/** Starts the application against a fresh database and a fake Graph API. */
export async function startTestApp(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    host?: string;
    /** Where the application logs (nothing by default). */
    logger?: Logger;
    /** Another instance's database, shared (and left for that instance's owner to dispose). */
    database?: TestDatabase;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase('app'));
  const graph = await startFakeGraph();
  const config = parseConfig({
    MONGODB_URI: database.uri,
    MONGODB_DB: database.name,
    MESSENGER_APP_SECRET: APP_SECRET,
    MESSENGER_VERIFY_TOKEN: VERIFY_TOKEN,
    MESSENGER_PAGE_ACCESS_TOKEN: 'test-page-token',
    MESSENGER_PAGE_ID: PAGE_ID,
    GRAPH_API_URL: graph.url,
    GEOCODER_URL: 'http://127.0.0.1:9',
    ...options.env,
  });
  sharedNlu ??= Nlu.load();
  const app = await createApp({
    config,
    db: database.db,
    logger: options.logger ?? silentLogger,
    clock: options.clock,
    overrides: { nlu: () => sharedNlu! },
    pollIntervalMs: 20,
    scheduleJobs: false,
  });
  const address = await app.listen(0, options.host ?? '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    config,
    database,
    graph,
    baseUrl,
    postWebhook(body, { signature, raw } = {}) {
      const text = raw ?? JSON.stringify(body);
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (signature !== null) headers['X-Hub-Signature-256'] = signature ?? sign(text);
      return fetch(`${baseUrl}/api/messenger`, { method: 'POST', headers, body: text });
    },
    async stop() {
      await app.close();
      await graph.close();
      if (!options.database) await database.dispose();
    },
  };
}

/** A page webhook body with one messaging item per event. */
export function webhookBody(...items: Array<Record<string, unknown>>): Record<string, unknown> {
  return { object: 'page', entry: [{ id: PAGE_ID, time: Date.now(), messaging: items }] };
}

/** A resident's text message as Messenger delivers it. */
export function textMessage(
  psid: string,
  text: string,
  mid: string,
  timestamp = Date.now(),
): Record<string, unknown> {
  return { sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp, message: { mid, text } };
}
