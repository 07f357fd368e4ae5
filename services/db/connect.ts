/**
 * Connecting to MongoDB at a given URI (`MONGODB_URI`, or in development the local engine's,
 * see `bot/devDatabase.ts`).
 */
import { MongoClient } from 'mongodb';
import { guardDriverWrites } from './driverWriteGuard';

/** Options of {@link connectDatabase}. */
export interface ConnectOptions {
  /** The MongoDB connection string. */
  uri: string;
}

/**
 * Opens a client with short server-selection timeouts, so that a database outage turns into
 * a quick 503 (Meta then retries) rather than a webhook that hangs past its 5 seconds.
 */
export async function connectDatabase(
  options: ConnectOptions,
): Promise<{ client: MongoClient; uri: string }> {
  const { uri } = options;
  // A write on a connection the server just closed must fail, not wait for good (docs/driver-hang.md).
  guardDriverWrites();
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: 2_000,
    connectTimeoutMS: 2_000,
    maxPoolSize: 50,
    appName: 'voisins-solidaires',
  });
  await client.connect();
  return { client, uri };
}
