/**
 * The smallest MongoDB server the driver talks to: OP_MSG and the first OP_QUERY hello, a
 * polling `hello` (no topologyVersion, as the gateway used to answer) and `{ ok: 1 }` for
 * everything else. Each command goes through `onCommand`, which may delay or cut connections.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { deserialize, serialize, type Document } from 'bson';

/** A command received by the fake server, on one of its connections. */
export interface FakeCommand {
  name: string;
  socket: Socket;
  /** Writes the reply (`{ ok: 1 }` unless given). */
  reply(document?: Document): void;
}

/** A running fake server. */
export interface FakeMongoServer {
  uri: string;
  sockets: Set<Socket>;
  close(): Promise<void>;
}

function hello(port: number): Document {
  return {
    isWritablePrimary: true,
    ismaster: true,
    helloOk: true,
    maxWireVersion: 21,
    minWireVersion: 0,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    me: `127.0.0.1:${port}`,
    ok: 1,
  };
}

function frame(requestId: number, opCode: number, body: Buffer, prefix: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + prefix.length + body.length, 0);
  header.writeInt32LE(0, 4);
  header.writeInt32LE(requestId, 8);
  header.writeInt32LE(opCode, 12);
  return Buffer.concat([header, prefix, body]);
}

/** Starts the fake server; `onCommand` decides what happens to each non-hello command. */
export async function startFakeMongoServer(
  onCommand: (command: FakeCommand) => void,
): Promise<FakeMongoServer> {
  const sockets = new Set<Socket>();
  let port = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
        const message = pending.subarray(0, pending.readInt32LE(0));
        pending = pending.subarray(message.length);
        const requestId = message.readInt32LE(4);
        const opCode = message.readInt32LE(12);
        const query = opCode === 2004; // the legacy OP_QUERY of the first handshake
        const start = query ? message.indexOf(0, 20) + 9 : 21;
        const command = deserialize(message.subarray(start, start + message.readInt32LE(start)));
        const reply = (document: Document = { ok: 1 }): void => {
          if (socket.destroyed) return;
          const body = Buffer.from(serialize(document));
          const prefix = query
            ? Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0])
            : Buffer.alloc(5);
          socket.write(frame(requestId, query ? 1 : 2013, body, prefix));
        };
        const name = Object.keys(command)[0] ?? '';
        if (['hello', 'ismaster', 'isMaster'].includes(name)) reply(hello(port));
        else onCommand({ name, socket, reply });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    sockets,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
