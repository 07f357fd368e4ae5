/**
 * The database watchdog on a fake server (no gateway, no database): a ping that never answers
 * counts as a failure instead of stopping the watchdog, a client whose connections hang while
 * a fresh client is answered is reconnected, and each of these steps is logged.
 */
import { strict as assert } from 'node:assert';
import type { Socket } from 'node:net';
import { MongoClient } from 'mongodb';
import { DatabaseWatchdog } from '../../services/db/watchdog';
import type { LogFields, Logger } from '../../services/logger';
import { startFakeMongoServer, type FakeMongoServer } from '../localdb/support/fakeMongoServer';

interface Logged {
  level: 'info' | 'warn';
  message: string;
  fields?: LogFields;
}

function recordingLogger(lines: Logged[]): Logger {
  return {
    debug: () => undefined,
    info: (message, fields) => void lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => void lines.push({ level: 'warn', message, fields }),
    error: () => undefined,
  };
}

describe('database watchdog (fake server)', function () {
  let server: FakeMongoServer;
  let client: MongoClient;
  /** Connections whose pings are left unanswered (the wedged client's). */
  const hanging = new Set<Socket>();
  /** When set, every ping is left unanswered, on any connection. */
  let hangAll = false;

  beforeEach(async function () {
    hanging.clear();
    hangAll = false;
    server = await startFakeMongoServer((command) => {
      if (command.name === 'ping' && (hangAll || hanging.has(command.socket))) return;
      command.reply();
    });
    client = await MongoClient.connect(server.uri, { maxPoolSize: 1, serverMonitoringMode: 'poll' });
    await client.db('admin').command({ ping: 1 });
  });

  afterEach(async function () {
    await client.close().catch(() => undefined);
    await server.close();
  });

  it('counts a ping that never answers as a failure, logs it once, and keeps checking', async function () {
    const lines: Logged[] = [];
    const watchdog = new DatabaseWatchdog({
      client,
      uri: server.uri,
      logger: recordingLogger(lines),
      pingTimeoutMs: 200,
      wedgedAfterMs: 60_000,
    });
    hangAll = true;
    const started = Date.now();
    assert.equal(await watchdog.check(started), false);
    assert.ok(Date.now() - started < 1_000, `the check took ${Date.now() - started} ms`);
    // A second check runs (the hung ping did not leave the watchdog busy for good).
    assert.equal(await watchdog.check(started + 2_000), false);
    assert.deepEqual(
      lines.map(({ level, message, fields }) => [level, message, fields?.hung]),
      [['warn', 'database ping failed', true]],
    );
    // The database comes back: the hung connections are dropped, new ones are answered.
    hangAll = false;
    for (const socket of server.sockets) socket.destroy();
    for (let attempt = 0; ; attempt += 1) {
      const answered = await client
        .db('admin')
        .command({ ping: 1 })
        .then(() => true)
        .catch(() => attempt > 20);
      if (answered) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(await watchdog.check(started + 4_000), true);
    assert.deepEqual(lines.at(-1), {
      level: 'info',
      message: 'database answers again',
      fields: { failedForMs: 4_000 },
    });
  });

  it('reconnects a client whose pings hang while a fresh client is answered, and says so', async function () {
    const lines: Logged[] = [];
    const watchdog = new DatabaseWatchdog({
      client,
      uri: server.uri,
      logger: recordingLogger(lines),
      pingTimeoutMs: 200,
      wedgedAfterMs: 1_000,
    });
    for (const socket of server.sockets) hanging.add(socket);
    const started = Date.now();
    assert.equal(await watchdog.check(started), false, 'failing, not yet for long enough');
    assert.equal(await watchdog.check(started + 1_500), true, 'reconnected');
    assert.deepEqual(
      lines.map(({ level, message }) => [level, message]),
      [
        ['warn', 'database ping failed'],
        ['warn', 'database client wedged while the database answers: reconnecting it'],
        ['info', 'database client reconnected'],
      ],
    );
    // The reconnected client uses new connections, which the server answers.
    assert.equal((await client.db('admin').command({ ping: 1 })).ok, 1);
  });

  it('does not reconnect while a fresh client is not answered either (an outage, not a wedge)', async function () {
    const lines: Logged[] = [];
    const watchdog = new DatabaseWatchdog({
      client,
      uri: server.uri,
      logger: recordingLogger(lines),
      pingTimeoutMs: 200,
      wedgedAfterMs: 0,
    });
    hangAll = true;
    assert.equal(await watchdog.check(), false);
    assert.equal(await watchdog.check(), false);
    assert.ok(!lines.some(({ message }) => message.includes('reconnect')), JSON.stringify(lines));
  });
});
