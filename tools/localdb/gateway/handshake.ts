/**
 * The commands the gateway answers itself: the handshake and the server's self-description.
 *
 * @remarks
 * The gateway presents itself as the primary of a one-member replica set, so that the driver
 * allows sessions, retryable writes and transactions. `hosts` holds only the gateway's own
 * address, which keeps the driver's discovery on this one server.
 */
import { Long, ObjectId, type Document } from 'bson';

/** Name of the replica set the gateway pretends to be. */
export const REPLICA_SET_NAME = 'voisins-local';

/** Wire version 21 is MongoDB 7.0. */
const MAX_WIRE_VERSION = 21;
const ELECTION_ID = new ObjectId('7fffffff0000000000000001');

/** What the handshake answers need to know about the gateway. */
export interface HandshakeContext {
  /** `host:port` of the gateway, as the driver reaches it. */
  address: string;
  connectionId: number;
  startedAt: Date;
  /**
   * This gateway process's topology version, sent in every `hello`: with it the driver's
   * monitor streams heartbeats (awaitable `hello`) instead of polling.
   */
  topologyVersion?: TopologyVersion;
}

/** `{ processId, counter }`: changes only when the gateway restarts (a new processId). */
export interface TopologyVersion {
  processId: ObjectId;
  counter: Long;
}

/** A new topology version, for a gateway that just started. */
export function newTopologyVersion(): TopologyVersion {
  return { processId: new ObjectId(), counter: Long.fromNumber(0) };
}

/**
 * For an awaitable `hello` (one that carries the client's `topologyVersion` and a
 * `maxAwaitTimeMS`): how long to wait before answering. The answer comes after `maxAwaitTimeMS`
 * when the client's version is current, at once when it is stale (another process, or an older
 * counter); undefined for an ordinary `hello`.
 */
export function awaitableHelloDelay(command: Document, context: HandshakeContext): number | undefined {
  const name = (Object.keys(command)[0] ?? '').toLowerCase();
  if (name !== 'hello' && name !== 'ismaster') return undefined;
  const theirs = command.topologyVersion as Partial<TopologyVersion> | undefined;
  const wait = Number(command.maxAwaitTimeMS);
  if (!theirs || !Number.isFinite(wait) || wait < 0 || !context.topologyVersion) return undefined;
  const ours = context.topologyVersion;
  const current =
    theirs.processId instanceof ObjectId &&
    theirs.processId.equals(ours.processId) &&
    String(theirs.counter) === String(ours.counter);
  return current ? wait : 0;
}

/** Names of the commands answered by {@link answerLocally}. */
const LOCAL_COMMANDS = new Set([
  'hello',
  'ismaster',
  'ping',
  'buildinfo',
  'getparameter',
  'connectionstatus',
  'hostinfo',
  'getlog',
  'whatsmyuri',
  'getcmdlineopts',
  'serverstatus',
  'saslstart',
]);

/** Whether a command (by its name) is answered by the gateway without PostgreSQL. */
export function isLocalCommand(name: string): boolean {
  return LOCAL_COMMANDS.has(name.toLowerCase());
}

/** The reply to a local command. */
export function answerLocally(name: string, command: Document, context: HandshakeContext): Document {
  switch (name.toLowerCase()) {
    case 'hello':
    case 'ismaster':
      return helloReply(command, context);
    case 'ping':
      return { ok: 1 };
    case 'buildinfo':
      return {
        version: '7.0.0',
        gitVersion: 'voisins-local-documentdb',
        versionArray: [7, 0, 0, 0],
        bits: 64,
        maxBsonObjectSize: 16 * 1024 * 1024,
        storageEngines: ['documentdb'],
        ok: 1,
      };
    case 'getparameter':
      return { featureCompatibilityVersion: { version: '7.0' }, ok: 1 };
    case 'connectionstatus':
      return { authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 };
    case 'hostinfo':
      return { system: { hostname: context.address, currentTime: new Date() }, os: { type: 'Linux' }, ok: 1 };
    case 'getlog':
      return { names: ['global', 'startupWarnings'], totalLinesWritten: 0, log: [], ok: 1 };
    case 'whatsmyuri':
      return { you: context.address, ok: 1 };
    case 'getcmdlineopts':
      return { argv: ['voisins-gateway'], parsed: {}, ok: 1 };
    case 'serverstatus':
      return {
        host: context.address,
        version: '7.0.0',
        process: 'voisins-gateway',
        uptime: uptime(context),
        ok: 1,
      };
    default:
      return {
        ok: 0,
        errmsg: 'authentication is not supported by the local engine',
        code: 115,
        codeName: 'CommandNotSupported',
      };
  }
}

function uptime(context: HandshakeContext): number {
  return Math.floor((Date.now() - context.startedAt.getTime()) / 1000);
}

function helloReply(command: Document, context: HandshakeContext): Document {
  const legacy = command.hello === undefined;
  return {
    ...(legacy ? { ismaster: true } : { isWritablePrimary: true }),
    helloOk: true,
    setName: REPLICA_SET_NAME,
    setVersion: 1,
    electionId: ELECTION_ID,
    hosts: [context.address],
    primary: context.address,
    me: context.address,
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: 48_000_000,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: context.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ...(context.topologyVersion ? { topologyVersion: context.topologyVersion } : {}),
    ok: 1,
  };
}
