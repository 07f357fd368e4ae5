/**
 * A fresh database per test suite on the server the root hooks prepared.
 */
import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';

export interface TestDatabase {
  client: MongoClient;
  db: Db;
  uri: string;
  name: string;
  /** Drops the database and closes the client. */
  dispose(): Promise<void>;
}

/** Connects to MONGODB_URI and picks a database name nobody else uses. */
export async function openTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: the root hooks (test/hooks.ts) did not run');
  const client = await MongoClient.connect(uri);
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const db = client.db(name);
  return {
    client,
    db,
    uri,
    name,
    async dispose() {
      try {
        await db.dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
