/**
 * Conformance of the local engine with MongoDB where the driver and the bot rely on it: the
 * error codes and labels, retryable writes, streaming heartbeats, and what happens when
 * PostgreSQL goes away or clients abandon cursors.
 *
 * @remarks
 * On the local engine, each test runs this checkout's gateway in the test process
 * (test/localdb/support/inProcessGateway.ts) in front of the PostgreSQL of the engine that
 * serves MONGODB_URI, so it tests the gateway code as it is now and can cut its PostgreSQL
 * connections without disturbing anybody. The driver-level assertions hold for a real MongoDB
 * replica set too: against one (MONGODB_URI not a local engine), they run on MONGODB_URI and
 * the tests about PostgreSQL are skipped.
 */
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { Long, MongoClient, MongoServerError, type Db, type MongoClientOptions } from 'mongodb';
import {
  localPostgres,
  startInProcessGateway,
  type InProcessGateway,
  type LocalPostgres,
} from './support/inProcessGateway';

/** A fresh database name. */
function databaseName(): string {
  return `conformance_${randomBytes(4).toString('hex')}`;
}

function assertServerError(error: unknown, code: number): MongoServerError {
  assert.ok(error instanceof MongoServerError, `expected a MongoServerError, got ${String(error)}`);
  assert.equal(error.code, code, `code ${String(error.code)}: ${error.message}`);
  return error;
}

describe('local engine conformance', function () {
  let postgres: LocalPostgres | undefined;

  before(async function () {
    postgres = await localPostgres();
  });

  /** Runs `body` with a client on this checkout's gateway (or on MONGODB_URI for a real MongoDB). */
  async function withClient(
    body: (db: Db, client: MongoClient, gateway?: InProcessGateway) => Promise<void>,
    options: MongoClientOptions = {},
    gatewayOptions: Parameters<typeof startInProcessGateway>[1] = {},
  ): Promise<void> {
    const gateway = postgres ? await startInProcessGateway(postgres, gatewayOptions) : undefined;
    const uri = gateway?.uri ?? process.env.MONGODB_URI ?? '';
    const client = await MongoClient.connect(uri, options);
    const db = client.db(databaseName());
    try {
      await body(db, client, gateway);
    } finally {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
      await gateway?.close();
    }
  }

  function requirePostgres(context: Mocha.Context): LocalPostgres {
    if (!postgres) context.skip(); // a real MongoDB: there is no PostgreSQL to cut
    return postgres;
  }

  describe('duplicate keys', function () {
    it('findOneAndUpdate colliding on a secondary unique index: 11000 with keyPattern and keyValue', async function () {
      await withClient(async (db) => {
        const people = db.collection<{ _id: number; email: string; town?: string }>('people');
        await people.createIndex({ email: 1 }, { unique: true });
        await people.insertMany([
          { _id: 1, email: 'a@example.org' },
          { _id: 2, email: 'b@example.org' },
        ]);
        const error = await people.findOneAndUpdate({ _id: 2 }, { $set: { email: 'a@example.org' } }).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        const duplicate = assertServerError(error, 11000);
        assert.deepEqual(duplicate.keyPattern, { email: 1 });
        assert.deepEqual(duplicate.keyValue, { email: 'a@example.org' });
        assert.match(
          duplicate.message,
          /^E11000 duplicate key error collection: .*people index: email_1 dup key/,
        );
        assert.equal((await people.findOne({ _id: 2 }))?.email, 'b@example.org');
      });
    });

    it('insert, update and upserting findOneAndUpdate on _id: 11000 with keyPattern and keyValue', async function () {
      await withClient(async (db) => {
        const people = db.collection<{ _id: number; email: string; town: string }>('people');
        await people.createIndex({ email: 1, town: 1 }, { unique: true });
        await people.insertOne({ _id: 1, email: 'a', town: 'Miramas' });
        await people.insertOne({ _id: 2, email: 'b', town: 'Miramas' });
        const cases: Array<
          [string, () => Promise<unknown>, Record<string, unknown>, Record<string, unknown>]
        > = [
          [
            'insertOne',
            () => people.insertOne({ _id: 3, email: 'a', town: 'Miramas' }),
            { email: 1, town: 1 },
            { email: 'a', town: 'Miramas' },
          ],
          [
            'updateOne',
            () => people.updateOne({ _id: 2, town: 'Miramas' }, { $set: { email: 'a' } }),
            { email: 1, town: 1 },
            { email: 'a', town: 'Miramas' },
          ],
          [
            'findOneAndUpdate upsert on _id',
            () =>
              people.findOneAndUpdate(
                { _id: 1, email: 'zz' },
                { $set: { town: 'Istres' } },
                { upsert: true },
              ),
            { _id: 1 },
            { _id: 1 },
          ],
        ];
        for (const [what, attempt, keyPattern, keyValue] of cases) {
          const error = await attempt().then(
            () => undefined,
            (caught: unknown) => caught,
          );
          const duplicate = assertServerError(error, 11000);
          assert.deepEqual(duplicate.keyPattern, keyPattern, what);
          assert.deepEqual(duplicate.keyValue, keyValue, what);
        }
      });
    });
  });

  describe('transactions', function () {
    it('a second transaction writing the same document fails fast with 112 TransientTransactionError', async function () {
      await withClient(async (db, client) => {
        const pot = db.collection<{ _id: string; balance: number }>('pot');
        await pot.insertOne({ _id: 'commun', balance: 100 });
        const first = client.startSession();
        const second = client.startSession();
        try {
          first.startTransaction();
          second.startTransaction();
          await pot.updateOne({ _id: 'commun' }, { $inc: { balance: -10 } }, { session: first });
          const started = Date.now();
          const error = await pot
            .updateOne({ _id: 'commun' }, { $inc: { balance: -20 } }, { session: second })
            .then(
              () => undefined,
              (caught: unknown) => caught,
            );
          const elapsed = Date.now() - started;
          const conflict = assertServerError(error, 112);
          assert.ok(
            conflict.hasErrorLabel('TransientTransactionError'),
            'no TransientTransactionError label',
          );
          assert.ok(elapsed < 1_500, `the conflicting write waited ${elapsed} ms`);
          await second.abortTransaction();
          await first.commitTransaction();
        } finally {
          await first.endSession();
          await second.endSession();
        }
        assert.equal((await pot.findOne({ _id: 'commun' }))?.balance, 90);
      });
    });

    it('withTransaction runs a conflicting transaction again and both apply', async function () {
      await withClient(async (db, client) => {
        const pot = db.collection<{ _id: string; balance: number }>('pot');
        await pot.insertOne({ _id: 'commun', balance: 100 });
        const spend = async (amount: number, pause: number): Promise<void> => {
          const session = client.startSession();
          try {
            await session.withTransaction(async () => {
              await pot.updateOne({ _id: 'commun' }, { $inc: { balance: -amount } }, { session });
              await new Promise((resolve) => setTimeout(resolve, pause));
            });
          } finally {
            await session.endSession();
          }
        };
        await Promise.all([spend(10, 300), spend(20, 0)]);
        assert.equal((await pot.findOne({ _id: 'commun' }))?.balance, 70);
      });
    });
  });

  describe('retryable writes', function () {
    it('a write sent again with the same lsid and txnNumber is applied once', async function () {
      await withClient(async (db, client) => {
        const counters = db.collection<{ _id: string; n: number }>('counters');
        await counters.insertOne({ _id: 'c', n: 0 });
        const session = client.startSession();
        try {
          const command = {
            update: 'counters',
            updates: [{ q: { _id: 'c' }, u: { $inc: { n: 1 } } }],
            txnNumber: Long.fromNumber(41),
          };
          const first = await db.command(command, { session });
          const again = await db.command(command, { session });
          assert.equal(first.nModified, 1);
          assert.equal(again.nModified, 1, 'the retry answers as the first attempt did');
          assert.equal((await counters.findOne({ _id: 'c' }))?.n, 1);
          const older = await db.command({ ...command, txnNumber: Long.fromNumber(40) }, { session }).then(
            () => undefined,
            (caught: unknown) => caught,
          );
          assertServerError(older, 225);
        } finally {
          await session.endSession();
        }
      });
    });

    it('the driver retrying an $inc and an insert whose replies were lost applies each once', async function () {
      const gatewayOrServer = postgres ? undefined : process.env.MONGODB_URI;
      const gateway = postgres ? await startInProcessGateway(postgres) : undefined;
      const target = new URL(gateway?.uri ?? gatewayOrServer ?? '');
      const proxy = await startReplyDroppingProxy(Number(target.port));
      const client = await MongoClient.connect(`mongodb://127.0.0.1:${proxy.port}/?directConnection=true`, {
        retryWrites: true,
      });
      const db = client.db(databaseName());
      try {
        const counters = db.collection<{ _id: string; n: number }>('counters');
        await counters.insertOne({ _id: 'c', n: 0 });
        proxy.dropNextReplyTo('update');
        await counters.updateOne({ _id: 'c' }, { $inc: { n: 1 } });
        proxy.dropNextReplyTo('insert');
        await counters.insertOne({ _id: 'd', n: 7 });
        assert.equal(proxy.dropped, 2, 'the proxy dropped both replies');
        assert.equal((await counters.findOne({ _id: 'c' }))?.n, 1);
        assert.equal(await counters.countDocuments({ _id: 'd' }), 1);
      } finally {
        await db.dropDatabase().catch(() => undefined);
        await client.close();
        await proxy.close();
        await gateway?.close();
      }
    });
  });

  describe('heartbeats', function () {
    it('hello carries a topologyVersion and the monitor streams awaited heartbeats', async function () {
      await withClient(
        async (db, client) => {
          const hello = await db.admin().command({ hello: 1 });
          const version = hello.topologyVersion as { processId?: unknown } | undefined;
          assert.ok(version?.processId, 'hello has no topologyVersion');
          const awaited = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), 4_000);
            client.on('serverHeartbeatSucceeded', (event) => {
              if (!event.awaited) return;
              clearTimeout(timer);
              resolve(true);
            });
          });
          assert.ok(awaited, 'no awaited (streamed) heartbeat within 4 s');
        },
        { heartbeatFrequencyMS: 500, serverMonitoringMode: 'stream' },
      );
    });
  });

  describe('when PostgreSQL fails (local engine only)', function () {
    it('a PostgreSQL connection dropped under a held transaction does not crash the gateway', async function () {
      const pg = requirePostgres(this);
      await withClient(
        async (db, client, gateway) => {
          const pot = db.collection<{ _id: string; balance: number }>('pot');
          await pot.insertOne({ _id: 'commun', balance: 100 });
          const session = client.startSession();
          try {
            session.startTransaction();
            await pot.updateOne({ _id: 'commun' }, { $inc: { balance: -10 } }, { session });
            await terminateBackends(pg, gateway?.applicationName ?? '');
            await new Promise((resolve) => setTimeout(resolve, 200)); // the 'error' event arrives
            const error = await pot
              .updateOne({ _id: 'commun' }, { $inc: { balance: -10 } }, { session })
              .then(
                () => undefined,
                (caught: unknown) => caught,
              );
            const lost = assertServerError(error, 262);
            assert.ok(lost.hasErrorLabel('TransientTransactionError'), 'no TransientTransactionError label');
            await session.abortTransaction().catch(() => undefined);
          } finally {
            await session.endSession();
          }
          assert.equal((await pot.findOne({ _id: 'commun' }))?.balance, 100);
          assert.ok(
            gateway?.lines.some((line) => line.includes('held connection error')),
            'the held connection error was not logged',
          );
        },
        { retryWrites: false },
      );
    });

    it('while PostgreSQL is unreachable, commands fail fast with a retryable error, then recover', async function () {
      const pg = requirePostgres(this);
      const proxy = await startTcpForwarder(pg.port);
      await withClient(
        async (db) => {
          const notes = db.collection('notes');
          await notes.insertOne({ text: 'before' });
          proxy.cut();
          for (const attempt of [() => notes.insertOne({ text: 'during' }), () => notes.findOne({})]) {
            const started = Date.now();
            const error = await attempt().then(
              () => undefined,
              (caught: unknown) => caught,
            );
            const outage = assertServerError(error, 262);
            assert.ok(outage.hasErrorLabel('RetryableWriteError'), 'no RetryableWriteError label');
            assert.ok(Date.now() - started < 5_000, `failed after ${Date.now() - started} ms`);
          }
          proxy.restore();
          await notes.insertOne({ text: 'after' });
          assert.equal(await notes.countDocuments({}), 2);
        },
        { retryWrites: false, retryReads: false },
        { postgresPort: proxy.port, acquireTimeoutMs: 1_000 },
      );
      await proxy.close();
    });

    it('PostgreSQL lost abruptly under a held transaction and a held cursor (a crash or restart): the gateway lives on and recovers', async function () {
      const pg = requirePostgres(this);
      const proxy = await startTcpForwarder(pg.port);
      await withClient(
        async (db, client, gateway) => {
          const pot = db.collection<{ _id: string; balance: number }>('pot');
          const many = db.collection<{ i: number }>('many');
          await pot.insertOne({ _id: 'commun', balance: 100 });
          await many.insertMany(Array.from({ length: 10 }, (_, i) => ({ i })));
          const session = client.startSession();
          try {
            session.startTransaction();
            await pot.updateOne({ _id: 'commun' }, { $inc: { balance: -10 } }, { session });
            const cursor = many.find({}, { batchSize: 2 }).sort({ i: 1 });
            await cursor.next();
            assert.equal(
              gateway?.dispatcher.cursors.counts().holding,
              1,
              'the sorted cursor holds a connection',
            );
            // Every PostgreSQL connection is reset at once, with no goodbye: no FATAL message first.
            proxy.cut();
            await new Promise((resolve) => setTimeout(resolve, 200));
            const inTransaction = await pot
              .updateOne({ _id: 'commun' }, { $inc: { balance: -10 } }, { session })
              .then(
                () => undefined,
                (caught: unknown) => caught,
              );
            assert.ok(
              assertServerError(inTransaction, 262).hasErrorLabel('TransientTransactionError'),
              'the lost transaction is a transient transaction error',
            );
            await assert.rejects(cursor.toArray(), MongoServerError);
            const outside = await pot.insertOne({ _id: 'pendant', balance: 0 }).then(
              () => undefined,
              (caught: unknown) => caught,
            );
            assert.ok(assertServerError(outside, 262).hasErrorLabel('RetryableWriteError'));
            await session.abortTransaction().catch(() => undefined);
          } finally {
            await session.endSession();
          }
          proxy.restore();
          await pot.insertOne({ _id: 'apres', balance: 1 });
          assert.equal(
            (await pot.findOne({ _id: 'commun' }))?.balance,
            100,
            'the lost transaction left nothing',
          );
          assert.deepEqual(
            (await many.find({}).sort({ i: -1 }).limit(2).toArray()).map((doc) => doc.i),
            [9, 8],
          );
          assert.equal(
            gateway?.dispatcher.cursors.counts().holding,
            0,
            'no cursor left holding a connection',
          );
          assert.equal(gateway?.pool.counts().held, 0, 'no PostgreSQL connection left held');
        },
        { retryWrites: false, retryReads: false },
        { postgresPort: proxy.port, acquireTimeoutMs: 1_000, poolSize: 4 },
      );
      await proxy.close();
    });

    it('a command waiting for a PostgreSQL connection gives up with a retryable error', async function () {
      requirePostgres(this);
      await withClient(
        async (db, client) => {
          const pot = db.collection<{ _id: string }>('pot');
          await pot.insertOne({ _id: 'commun' });
          const sessions = [client.startSession(), client.startSession()];
          try {
            for (const session of sessions) {
              session.startTransaction();
              await pot.findOne({ _id: 'commun' }, { session });
            }
            const started = Date.now();
            const error = await pot.findOne({ _id: 'commun' }).then(
              () => undefined,
              (caught: unknown) => caught,
            );
            const busy = assertServerError(error, 262);
            assert.ok(busy.hasErrorLabel('RetryableWriteError'));
            assert.ok(Date.now() - started < 3_000, `waited ${Date.now() - started} ms`);
          } finally {
            for (const session of sessions) {
              await session.abortTransaction().catch(() => undefined);
              await session.endSession();
            }
          }
          assert.equal((await pot.findOne({ _id: 'commun' }))?._id, 'commun');
        },
        { retryReads: false },
        { poolSize: 2, acquireTimeoutMs: 500 },
      );
    });
  });

  describe('abandoned cursors (local engine only)', function () {
    it('cursors a client leaves open are closed when it disconnects, and the pool stays usable', async function () {
      requirePostgres(this);
      await withClient(
        async (db, _client, gateway) => {
          const many = db.collection<{ i: number }>('many');
          await many.insertMany(Array.from({ length: 50 }, (_, i) => ({ i })));
          for (let round = 0; round < 3; round += 1) {
            const leaver = await MongoClient.connect(gateway?.uri ?? '');
            const theirs = leaver.db(db.databaseName).collection<{ i: number }>('many');
            await theirs.find({}, { batchSize: 2 }).sort({ i: -1 }).next();
            await theirs.aggregate([{ $sort: { i: 1 } }], { batchSize: 2 }).next();
            assert.equal(gateway?.dispatcher.cursors.counts().holding, 2, 'sorted cursors hold connections');
            await leaver.close(true);
            const deadline = Date.now() + 1_000;
            while (gateway?.dispatcher.cursors.counts().holding !== 0 && Date.now() < deadline)
              await new Promise((resolve) => setTimeout(resolve, 20));
            assert.equal(gateway?.dispatcher.cursors.counts().holding, 0, 'cursors outlived their client');
          }
          assert.equal(await many.countDocuments({}), 50);
          const sorted = await many.find({}).sort({ i: -1 }).limit(3).toArray();
          assert.deepEqual(
            sorted.map((doc) => doc.i),
            [49, 48, 47],
          );
        },
        {},
        { poolSize: 4, acquireTimeoutMs: 1_000 },
      );
    });

    it('an idle cursor that holds a connection is closed after its idle timeout', async function () {
      requirePostgres(this);
      await withClient(
        async (db, _client, gateway) => {
          const many = db.collection<{ i: number }>('many');
          await many.insertMany(Array.from({ length: 20 }, (_, i) => ({ i })));
          const cursor = many.find({}, { batchSize: 2 }).sort({ i: 1 });
          await cursor.next();
          assert.equal(gateway?.dispatcher.cursors.counts().holding, 1, 'a sorted cursor holds a connection');
          await new Promise((resolve) => setTimeout(resolve, 700));
          assert.equal(gateway?.dispatcher.cursors.counts().holding, 0);
          await assert.rejects(
            cursor.toArray(),
            (error: unknown) => assertServerError(error, 43) !== undefined,
          );
        },
        {},
        { dispatcher: { cursors: { heldIdleTimeoutMs: 300 } } },
      );
    });
  });
});

/** Ends the PostgreSQL sessions of one gateway (by application_name), as a restart would. */
async function terminateBackends(postgres: LocalPostgres, applicationName: string): Promise<void> {
  const { Client } = await import('pg');
  const admin = new Client({
    host: '127.0.0.1',
    port: postgres.port,
    user: 'postgres',
    password: postgres.password,
    database: 'postgres',
  });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
      applicationName,
    ]);
  } finally {
    await admin.end();
  }
}

/** A TCP forwarder to a local port that can be cut (connections reset, new ones refused). */
async function startTcpForwarder(targetPort: number): Promise<{
  port: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let open = true;
  const server: Server = createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      open = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A proxy to a MongoDB server that, when told, forwards the next command named `name` but
 * closes the client's connection instead of passing its reply on: the write is done, its
 * reply lost, as when a network cut happens at the wrong moment.
 */
async function startReplyDroppingProxy(targetPort: number): Promise<{
  port: number;
  dropped: number;
  dropNextReplyTo(name: string): void;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let armed: string | undefined;
  const state = {
    port: 0,
    dropped: 0,
    dropNextReplyTo(name: string) {
      armed = name;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    let dropReply = false;
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      // A command's name is the first key of its body: the bytes just after the section kind.
      if (
        armed &&
        chunk.length > 26 &&
        chunk.toString('latin1', 26, 26 + armed.length + 1) === `${armed}\0`
      ) {
        armed = undefined;
        dropReply = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!dropReply) return void client.write(chunk);
      state.dropped += 1;
      client.destroy();
      upstream.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.port = typeof address === 'object' && address ? address.port : 0;
  return state;
}
