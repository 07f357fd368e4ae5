/**
 * Parts of the gateway on their own, without PostgreSQL: the retryable-write memory, the
 * cursor store's limits, and the exhaust stream of awaitable hellos on the wire.
 */
import { strict as assert } from 'node:assert';
import { createConnection, type AddressInfo } from 'node:net';
import { deserialize, Long, serialize, type Document } from 'bson';
import { CursorStore, type HeldConnection } from '../../tools/localdb/gateway/cursors';
import { CommandDispatcher, type ConnectionSource } from '../../tools/localdb/gateway/dispatcher';
import { RetryableWrites } from '../../tools/localdb/gateway/retryableWrites';
import { createGatewayServer } from '../../tools/localdb/gateway/server';

function fakeConnection(): HeldConnection & { released: number } {
  const connection = {
    released: 0,
    query: () => Promise.resolve({ rows: [] }),
    release() {
      connection.released += 1;
    },
  };
  return connection;
}

describe('gateway parts', function () {
  describe('retryable writes memory', function () {
    it('runs a transaction number once, forgets failures, and keeps a bounded number of sessions', async function () {
      let clock = 0;
      const writes = new RetryableWrites({ maxSessions: 2, ttlMs: 1_000, now: () => clock });
      let runs = 0;
      const write =
        (ok = 1): (() => Promise<Document>) =>
        () => {
          runs += 1;
          return Promise.resolve({ n: 1, ok });
        };
      await writes.run('a', Long.fromNumber(1), write());
      await writes.run('a', Long.fromNumber(1), write());
      assert.equal(runs, 1, 'a retry is answered from memory');
      await writes.run('b', 1, write(0));
      await writes.run('b', 1, write());
      assert.equal(runs, 3, 'a failed attempt is run again');
      await writes.run('c', 1, write());
      assert.equal(writes.size, 2, 'at most maxSessions sessions');
      await writes.run('a', 1, write());
      assert.equal(runs, 5, 'the least recently used session was dropped');
      clock += 2_000;
      await writes.run('c', 1, write());
      assert.equal(runs, 6, 'an expired reply is not reused');
    });

    it('a retry arriving while the first attempt runs waits for its reply', async function () {
      const writes = new RetryableWrites();
      let finish: (reply: Document) => void = () => undefined;
      let runs = 0;
      const first = writes.run('s', 7, () => {
        runs += 1;
        return new Promise<Document>((resolve) => (finish = resolve));
      });
      const retry = writes.run('s', 7, () => {
        runs += 1;
        return Promise.resolve({ ok: 1, n: 99 });
      });
      finish({ ok: 1, n: 1 });
      assert.deepEqual(await retry, await first);
      assert.equal(runs, 1);
    });
  });

  describe('cursor store', function () {
    it('keeps at most maxHeld cursors owning a connection, and closes a closed client’s cursors', function () {
      const store = new CursorStore({ maxHeld: 2 });
      const connections = [fakeConnection(), fakeConnection(), fakeConnection()];
      connections.forEach((connection, i) =>
        store.open({
          id: String(i + 1),
          database: 'db',
          collection: 'c',
          continuation: Buffer.alloc(0),
          connection,
          ownsConnection: true,
          socketId: i === 2 ? 9 : 8,
        }),
      );
      assert.deepEqual(store.counts(), { open: 2, holding: 2 });
      assert.equal(connections[0]?.released, 1, 'the least recently used cursor gave its connection back');
      assert.equal(store.closeForSocket(8), 1);
      assert.equal(connections[1]?.released, 1);
      assert.deepEqual(store.counts(), { open: 1, holding: 1 });
    });
  });

  describe('awaitable hello on the wire', function () {
    it('streams moreToCome replies every maxAwaitTimeMS to one exhaust request', async function () {
      const nowhere: ConnectionSource = {
        query: () => Promise.reject(new Error('no database in this test')),
        connect: () => Promise.reject(new Error('no database in this test')),
      };
      const server = createGatewayServer({
        dispatcher: new CommandDispatcher(nowhere),
        address: '127.0.0.1:0',
        log: () => undefined,
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const socket = createConnection((server.address() as AddressInfo).port, '127.0.0.1');
      const replies: Array<{ responseTo: number; requestId: number; flags: number; body: Document }> = [];
      let pending = Buffer.alloc(0);
      socket.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
          const message = pending.subarray(0, pending.readInt32LE(0));
          pending = pending.subarray(message.length);
          replies.push({
            requestId: message.readInt32LE(4),
            responseTo: message.readInt32LE(8),
            flags: message.readUInt32LE(16),
            body: deserialize(message.subarray(21)),
          });
        }
      });
      const send = (requestId: number, flags: number, command: Document): void => {
        const body = Buffer.from(serialize(command));
        const header = Buffer.alloc(21);
        header.writeInt32LE(21 + body.length, 0);
        header.writeInt32LE(requestId, 4);
        header.writeInt32LE(2013, 12);
        header.writeUInt32LE(flags, 16);
        socket.write(Buffer.concat([header, body]));
      };
      const until = async (count: number): Promise<void> => {
        const deadline = Date.now() + 2_000;
        while (replies.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      };
      try {
        send(1, 0, { hello: 1, $db: 'admin' });
        await until(1);
        const topologyVersion = replies[0]?.body.topologyVersion as Document;
        assert.ok(topologyVersion, 'hello has a topologyVersion');
        const started = Date.now();
        send(2, 1 << 16, { hello: 1, topologyVersion, maxAwaitTimeMS: 100, $db: 'admin' });
        await until(4);
        const streamed = replies.slice(1, 4);
        assert.equal(streamed.length, 3);
        assert.ok(Date.now() - started >= 250, 'each reply waited maxAwaitTimeMS');
        assert.equal(streamed[0]?.responseTo, 2);
        for (let i = 0; i < streamed.length; i += 1) {
          assert.equal((streamed[i]?.flags ?? 0) & 2, 2, 'moreToCome is set');
          if (i > 0)
            assert.equal(streamed[i]?.responseTo, streamed[i - 1]?.requestId, 'each answers the previous');
        }
      } finally {
        socket.destroy();
        server.destroyConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });
});
