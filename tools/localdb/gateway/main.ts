/**
 * Entry point of the gateway process:
 * `main.ts --port <port> --pg-port <port> [--pg-host 127.0.0.1] [--pg-user postgres]
 * [--pg-password-file <libpq password file>] [--verbose]`.
 *
 * @remarks
 * The same settings can come from the environment: VOISINS_GATEWAY_PORT, VOISINS_PG_HOST,
 * VOISINS_PG_PORT, VOISINS_PG_USER, VOISINS_PG_PASSWORD_FILE. The password is read from the
 * file, never taken on the command line. The gateway listens on 127.0.0.1 only and asks its
 * clients no credentials. Log lines go to standard output with a timestamp; the engine
 * redirects them to the instance's log file.
 */
import { parseArgs } from 'node:util';
import { readPassfile } from '../passfile';
import { CommandDispatcher } from './dispatcher';
import { PostgresPool } from './pool';
import { createGatewayServer } from './server';

/** Settings of a gateway process. */
export interface GatewaySettings {
  port: number;
  pgHost: string;
  pgPort: number;
  pgUser: string;
  /** The libpq password file holding the password of `pgUser`; none for a server that asks none. */
  pgPasswordFile?: string;
  verbose: boolean;
}

/** Reads the settings from argv, then the environment; throws on a missing port. */
export function readGatewaySettings(argv: string[], env: NodeJS.ProcessEnv): GatewaySettings {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      'pg-host': { type: 'string' },
      'pg-port': { type: 'string' },
      'pg-user': { type: 'string' },
      'pg-password-file': { type: 'string' },
      verbose: { type: 'boolean' },
    },
  });
  const port = Number(values.port ?? env.VOISINS_GATEWAY_PORT);
  const pgPort = Number(values['pg-port'] ?? env.VOISINS_PG_PORT);
  if (!Number.isInteger(port) || port <= 0)
    throw new Error('gateway: --port (or VOISINS_GATEWAY_PORT) is required');
  if (!Number.isInteger(pgPort) || pgPort <= 0)
    throw new Error('gateway: --pg-port (or VOISINS_PG_PORT) is required');
  return {
    port,
    pgPort,
    pgHost: values['pg-host'] ?? env.VOISINS_PG_HOST ?? '127.0.0.1',
    pgUser: values['pg-user'] ?? env.VOISINS_PG_USER ?? 'postgres',
    pgPasswordFile: values['pg-password-file'] ?? env.VOISINS_PG_PASSWORD_FILE,
    verbose: values.verbose ?? false,
  };
}

/** PostgreSQL connections of the gateway. */
const POOL_SIZE = 20;

function log(line: string): void {
  process.stdout.write(`${new Date().toISOString()} ${line}\n`);
}

async function main(): Promise<void> {
  const settings = readGatewaySettings(process.argv.slice(2), process.env);
  const password = settings.pgPasswordFile ? await readPassfile(settings.pgPasswordFile) : undefined;
  if (settings.pgPasswordFile && password === undefined)
    throw new Error(`gateway: no password for user postgres in ${settings.pgPasswordFile}`);
  const pool = new PostgresPool({
    host: settings.pgHost,
    port: settings.pgPort,
    user: settings.pgUser,
    password,
    max: POOL_SIZE,
    applicationName: 'voisins-gateway',
    log,
  });
  // Cursors holding a connection may take at most half of the pool; the rest serves commands.
  const dispatcher = new CommandDispatcher(pool, { cursors: { maxHeld: POOL_SIZE / 2 } });
  const address = `127.0.0.1:${settings.port}`;
  const server = createGatewayServer({ dispatcher, address, log, verbose: settings.verbose });
  const sweeper = setInterval(() => void dispatcher.sweep().catch(() => undefined), 5_000);
  const shutdown = (): void => {
    clearInterval(sweeper);
    server.close();
    server.destroyConnections();
    void dispatcher.transactions
      .abortAll()
      .catch(() => undefined)
      .finally(() => void pool.end().finally(() => process.exit(0)));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, '127.0.0.1', resolve);
  });
  log(`gateway listening on ${address}, postgres ${settings.pgHost}:${settings.pgPort}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    log(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
