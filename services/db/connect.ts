/**
 * Connecting to MongoDB: the configured URI, or the local engine when none is set.
 */
import { MongoClient } from 'mongodb';
import { startLocalEngine } from '../localdb/engine';

/** Options of {@link connectDatabase}. */
export interface ConnectOptions {
  /** MONGODB_URI; undefined starts (or reuses) the local engine. */
  uri: string | undefined;
  /** Progress lines of a local engine start. */
  log?: (line: string) => void;
}

/**
 * Opens a client with short server-selection timeouts, so that a database outage turns into
 * a quick 503 (Meta then retries) rather than a webhook that hangs past its 5 seconds.
 */
export async function connectDatabase(
  options: ConnectOptions,
): Promise<{ client: MongoClient; uri: string }> {
  let uri = options.uri;
  if (uri === undefined) {
    uri = (await startLocalEngine({ instance: 'default', log: options.log })).uri;
  }
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: 2_000,
    connectTimeoutMS: 2_000,
    maxPoolSize: 50,
    appName: 'voisins-solidaires',
  });
  await client.connect();
  return { client, uri };
}
