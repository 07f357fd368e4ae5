/**
 * Readiness: the official driver can connect to the gateway and `ping`.
 */
import { MongoClient } from 'mongodb';

/** Whether a `ping` through the driver succeeds within `timeoutMs`. */
export async function pings(uri: string, timeoutMs: number): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Waits until {@link pings} succeeds; false after `timeoutMs`. */
export async function waitForPing(uri: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await pings(uri, 1_000)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
