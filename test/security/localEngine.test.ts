/**
 * The local engine (development and tests only) keeps its data to those who hold the instance's
 * password: PostgreSQL asks every connection for it (TCP and Unix socket), it is kept in a file
 * only its owner reads, and neither PostgreSQL nor the gateway listens beyond loopback.
 *
 * Runs an instance of its own (not the shared `test` one, which other runs may be using, and
 * whatever MONGODB_URI points at); skipped where the local engine cannot run.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { MongoClient } from 'mongodb';
import { Client, type ClientConfig } from 'pg';
import { startLocalEngine, stopLocalEngine } from '../../tools/localdb/engine';
import { enginePaths, instancePaths, onHost } from '../../tools/localdb/paths';
import { readState } from '../../tools/localdb/state';

const INSTANCE = 'security-test';
const engine = enginePaths();
const instance = instancePaths(engine, INSTANCE);

/** Where PostgreSQL of the instance can be reached from this host. */
interface Endpoints {
  gatewayPort: number;
  gatewayPid: number | undefined;
  pgPort: number;
  /** The directory of PostgreSQL's Unix socket, seen from the host. */
  socketDir: string;
}

function skipBecause(context: Mocha.Context, reason: string): never {
  process.stderr.write(`      skipped: ${reason}\n`);
  context.skip();
}

async function endpoints(): Promise<Endpoints> {
  const state = await readState(instance.stateFile);
  assert.ok(state, `no state file for "${INSTANCE}"`);
  return {
    gatewayPort: state.gatewayPort,
    gatewayPid: state.gatewayPid,
    pgPort: state.pgPort,
    socketDir: onHost(engine, instance.socketDir),
  };
}

/** The password in the instance's libpq password file (`host:port:database:user:password`). */
async function passwordInFile(): Promise<string> {
  const text = await readFile(onHost(engine, instance.passwordFile), 'utf8');
  const password = /^[^:\n]+:\*:\*:postgres:(\S+)$/m.exec(text)?.[1];
  assert.ok(password, 'the password file holds no line for user postgres');
  return password;
}

/** Opens a session as postgres, runs `sql`, closes it; rejects when PostgreSQL refuses. */
async function query(
  host: string,
  port: number,
  password: string | undefined,
  sql: string,
): Promise<unknown[]> {
  const config: ClientConfig = {
    host,
    port,
    user: 'postgres',
    database: 'postgres',
    connectionTimeoutMillis: 5_000,
  };
  if (password !== undefined) config.password = password;
  const client = new Client(config);
  try {
    await client.connect();
    return (await client.query(sql)).rows as unknown[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Resolves with the error code of a TCP connection attempt, or 'connected'. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** This machine's addresses other than loopback (IPv6 link-local ones with their interface). */
function nonLoopbackAddresses(): string[] {
  const addresses: string[] = [];
  for (const [name, entries] of Object.entries(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.internal) continue;
      addresses.push(entry.family === 'IPv6' && entry.scopeid ? `${entry.address}%${name}` : entry.address);
    }
  }
  return addresses;
}

/** A port this host accepts connections on at `address`, through a listener on every address. */
async function withControlListener<T>(work: (port: number) => Promise<T>): Promise<T> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '::', resolve);
  });
  try {
    return await work((server.address() as AddressInfo).port);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('local engine security (development and tests only)', function () {
  this.timeout(180_000);
  let uri = '';
  let started = false;

  before(async function () {
    if (process.getuid?.() !== 0) skipBecause(this, 'the local engine runs in a chroot, which needs root');
    if (!existsSync(engine.markerFile)) {
      skipBecause(
        this,
        `the local engine is not provisioned here (${engine.chrootDir}); this run uses MONGODB_URI`,
      );
    }
    started = true;
    ({ uri } = await startLocalEngine({ instance: INSTANCE }));
  });

  after(async function () {
    if (started) await stopLocalEngine({ instance: INSTANCE });
  });

  it('refuses PostgreSQL connections without the password or with a wrong one, over TCP and the Unix socket', async function () {
    const { pgPort, socketDir } = await endpoints();
    for (const host of ['127.0.0.1', socketDir]) {
      await assert.rejects(
        query(host, pgPort, undefined, 'SELECT 1'),
        /password/,
        `no password, via ${host}`,
      );
      await assert.rejects(
        query(host, pgPort, 'not-the-password', 'SELECT 1'),
        (error: { code?: string }) => error.code === '28P01',
        `wrong password, via ${host}`,
      );
    }
  });

  it('accepts the password kept in a file of the instance that only its owner reads', async function () {
    const file = await stat(onHost(engine, instance.passwordFile));
    assert.equal(file.mode & 0o077, 0, `password file mode ${(file.mode & 0o777).toString(8)}`);
    const password = await passwordInFile();
    assert.ok(password.length >= 32, 'a long random password');
    const { pgPort, socketDir, gatewayPid } = await endpoints();
    const gatewayCommand = await readFile(`/proc/${gatewayPid}/cmdline`, 'utf8');
    assert.ok(
      gatewayCommand.includes(onHost(engine, instance.passwordFile)),
      'the gateway is given the file',
    );
    assert.ok(!gatewayCommand.includes(password), 'the password is not on the command line');
    for (const host of ['127.0.0.1', socketDir]) {
      assert.deepEqual(await query(host, pgPort, password, 'SELECT current_user AS who'), [
        { who: 'postgres' },
      ]);
    }
    const rules = await query(
      '127.0.0.1',
      pgPort,
      password,
      'SELECT type, address, auth_method, error FROM pg_hba_file_rules ORDER BY rule_number',
    );
    assert.deepEqual(rules, [
      { type: 'local', address: null, auth_method: 'scram-sha-256', error: null },
      { type: 'host', address: '127.0.0.1', auth_method: 'scram-sha-256', error: null },
    ]);
    const [listen] = await query('127.0.0.1', pgPort, password, 'SHOW listen_addresses');
    assert.deepEqual(listen, { listen_addresses: '127.0.0.1' });
  });

  it('listens on loopback only: neither the gateway nor PostgreSQL answers on another address of this machine', async function () {
    const { gatewayPort, pgPort } = await endpoints();
    assert.equal(await tryConnect('127.0.0.1', gatewayPort), 'connected', 'the gateway is up on loopback');
    assert.equal(await tryConnect('127.0.0.1', pgPort), 'connected', 'PostgreSQL is up on loopback');
    const addresses = nonLoopbackAddresses();
    if (addresses.length === 0) skipBecause(this, 'this machine has no address other than loopback');
    await withControlListener(async (controlPort) => {
      for (const address of addresses) {
        // The control listener proves this address is reachable from here, so a refusal below
        // comes from where the engine listens, not from an unusable address.
        assert.equal(await tryConnect(address, controlPort), 'connected', `control listener via ${address}`);
        assert.equal(await tryConnect(address, gatewayPort), 'ECONNREFUSED', `gateway via ${address}`);
        assert.equal(await tryConnect(address, pgPort), 'ECONNREFUSED', `PostgreSQL via ${address}`);
      }
    });
  });

  it('secures an instance created with trust authentication on its next start, keeping its data', async function () {
    const client = await MongoClient.connect(uri);
    try {
      await client.db('security_test').collection('kept').deleteMany({});
      await client
        .db('security_test')
        .collection('kept')
        .insertOne({ _id: 'before-migration' as never, n: 1 });
    } finally {
      await client.close();
    }
    const { pgPort } = await endpoints();
    await query('127.0.0.1', pgPort, await passwordInFile(), 'ALTER ROLE postgres PASSWORD NULL');
    await stopLocalEngine({ instance: INSTANCE });
    // What instances initialised before passwords look like: initdb -A trust, no password file.
    await writeFile(onHost(engine, `${instance.dataDir}/pg_hba.conf`), TRUST_HBA);
    await rm(onHost(engine, instance.passwordFile), { force: true });

    ({ uri } = await startLocalEngine({ instance: INSTANCE }));
    const after = await endpoints();
    await assert.rejects(query('127.0.0.1', after.pgPort, undefined, 'SELECT 1'), /password/);
    await assert.rejects(query(after.socketDir, after.pgPort, undefined, 'SELECT 1'), /password/);
    const rows = await query('127.0.0.1', after.pgPort, await passwordInFile(), 'SELECT 1 AS one');
    assert.deepEqual(rows, [{ one: 1 }]);
    const again = await MongoClient.connect(uri);
    try {
      assert.deepEqual(await again.db('security_test').collection('kept').findOne({}), {
        _id: 'before-migration',
        n: 1,
      });
      await again.db('security_test').dropDatabase();
    } finally {
      await again.close();
    }
  });
});

/** The pg_hba.conf `initdb -A trust` writes (comments left out). */
const TRUST_HBA = `local   all             all                                     trust
host    all             all             127.0.0.1/32            trust
host    all             all             ::1/128                 trust
local   replication     all                                     trust
host    replication     all             127.0.0.1/32            trust
host    replication     all             ::1/128                 trust
`;
