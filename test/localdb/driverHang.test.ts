/**
 * The `mongodb` driver's hang (docs/driver-hang.md), reproduced on a fake server with no
 * gateway and no database, and what keeps the bot safe from it on any server.
 *
 * @remarks
 * The fake server closes an idle pooled connection cleanly (FIN) in the same instant as it
 * answers a command on another one. The client reads both in one turn of its event loop: Node
 * has destroyed the closed socket but not yet emitted `'close'`, so the driver still believes
 * the connection usable, and a command issued before `'close'` (here from `setImmediate`) is
 * written to the destroyed socket. `write()` returns false without an error, the driver waits
 * for `'drain'`, which never comes; `'close'` does not end that wait, and `socketTimeoutMS`
 * cannot fire on a destroyed socket. The command never settles.
 */
import { strict as assert } from 'node:assert';
import type { Socket } from 'node:net';
import { MongoClient } from 'mongodb';
import { Batcher, FlushTimeoutError } from '../../services/db/batcher';
import { guardDriverWrites } from '../../services/db/driverWriteGuard';
import { DatabaseWatchdog } from '../../services/db/watchdog';
import { silentLogger } from '../../services/logger';
import { startFakeMongoServer, type FakeMongoServer } from './support/fakeMongoServer';

type Settled = 'answered' | 'failed' | 'pending';

function settledWithin(promise: Promise<unknown>, ms: number): Promise<Settled> {
  return Promise.race([
    promise.then(
      (): Settled => 'answered',
      (): Settled => 'failed',
    ),
    new Promise<Settled>((resolve) => setTimeout(() => resolve('pending'), ms)),
  ]);
}

describe('driver hang on a connection the server just closed (fake server, no gateway)', function () {
  let server: FakeMongoServer;
  let client: MongoClient;
  /** Pooled connections (those that ran commands); the next `cut` command closes the others. */
  const pooled = new Set<Socket>();

  beforeEach(async function () {
    // The driver as published: the guard is off unless a test turns it on.
    guardDriverWrites(false);
    pooled.clear();
    server = await startFakeMongoServer((command) => {
      pooled.add(command.socket);
      if (command.name === 'cut') {
        for (const socket of pooled) if (socket !== command.socket) socket.end();
      }
      command.reply();
    });
    client = await MongoClient.connect(server.uri, {
      maxPoolSize: 2,
      serverMonitoringMode: 'poll',
      socketTimeoutMS: 500,
    });
  });

  afterEach(async function () {
    guardDriverWrites(false);
    await client.close(true).catch(() => undefined);
    await server.close();
  });

  /** Two pooled connections, then the server closes one while answering on the other. */
  async function hangOneCommand(): Promise<{ hung: Promise<unknown> }> {
    const admin = client.db('admin');
    await Promise.all([admin.command({ ping: 1 }), admin.command({ ping: 1 })]);
    await admin.command({ cut: 1 });
    await new Promise((resolve) => setImmediate(resolve)); // before Node emits 'close'
    // Two commands at once: the second takes the connection the server has closed.
    const [first, second] = [admin.command({ ping: 1 }), admin.command({ ping: 1 })];
    second.catch(() => undefined); // handled here too: the guarded one rejects before it is awaited
    await first;
    return { hung: second };
  }

  it('a command written in that gap never settles, whatever socketTimeoutMS says', async function () {
    const { hung } = await hangOneCommand();
    assert.equal(await settledWithin(hung, 1_500), 'pending');
  });

  it('the flush timeout fails the hung write, and the client keeps serving other commands', async function () {
    const batcher = new Batcher<number, void>(
      async (items) => {
        const { hung } = await hangOneCommand();
        await hung; // the write the batch is waiting for
        return items.map(() => ({ value: undefined }));
      },
      { flushTimeoutMs: 500 },
    );
    const started = Date.now();
    await assert.rejects(batcher.submit(1), FlushTimeoutError);
    assert.ok(Date.now() - started < 1_500, `the flush failed after ${Date.now() - started} ms`);
    assert.equal((await client.db('admin').command({ ping: 1 })).ok, 1);
  });

  it('the watchdog sees a client that still answers and needs no reconnection', async function () {
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (message: string) => void warnings.push(message) };
    const watchdog = new DatabaseWatchdog({ client, uri: server.uri, logger, wedgedAfterMs: 0 });
    const { hung } = await hangOneCommand();
    assert.equal(await watchdog.check(), true);
    assert.deepEqual(warnings, []);
    assert.equal(await settledWithin(hung, 100), 'pending');
  });

  it('with the bot’s write guard, that command fails at once with a network error and the client goes on', async function () {
    assert.equal(guardDriverWrites(), true, 'the guard found the driver’s Connection.writeCommand');
    const started = Date.now();
    const { hung } = await hangOneCommand();
    await assert.rejects(hung, (error: Error) => error.name === 'MongoNetworkError');
    assert.ok(Date.now() - started < 1_000, `failed after ${Date.now() - started} ms`);
    assert.equal((await client.db('admin').command({ ping: 1 })).ok, 1);
  });
});
