/**
 * The one development path to a database: outside production, with no `MONGODB_URI`, start
 * (or reuse) the local engine of `tools/localdb/`.
 *
 * @remarks
 * The local engine is development and test tooling: it is loaded here by a dynamic import, only
 * when it is needed, so that production never loads it (nor its `pg` dependency, a development
 * dependency). In production a missing `MONGODB_URI` is a {@link ConfigError}.
 */
import { ConfigError, type AppConfig } from './config';

/** Options of {@link resolveDatabaseUri}. */
export interface DevDatabaseOptions {
  /** Progress lines of a local engine start. */
  log?: (line: string) => void;
}

/** Where the database is: `MONGODB_URI`, or outside production the local engine's `default` instance. */
export async function resolveDatabaseUri(
  config: Pick<AppConfig, 'mongodbUri' | 'production'>,
  options: DevDatabaseOptions = {},
): Promise<string> {
  if (config.mongodbUri !== undefined) return config.mongodbUri;
  if (config.production) {
    throw new ConfigError(
      'MONGODB_URI must be set in production (the local engine is development and test tooling only)',
    );
  }
  const { startLocalEngine } = await import('../tools/localdb/engine.js');
  return (await startLocalEngine({ instance: 'default', log: options.log })).uri;
}
