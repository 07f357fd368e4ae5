/**
 * MongoDB wire protocol framing: the messages the driver sends (OP_MSG, and the legacy
 * OP_QUERY of the first handshake) and the replies the gateway writes back.
 *
 * @remarks
 * Command documents are decoded without promoting numbers, so that an Int32, a Double or
 * an Int64 keeps its BSON type when the gateway passes it on to DocumentDB.
 */
import { deserialize, serialize, type Document } from 'bson';

/** Operation codes the gateway understands. */
export const OpCode = { Reply: 1, Query: 2004, Msg: 2013 } as const;

/** One of the {@link OpCode} values. */
export type OpCode = (typeof OpCode)[keyof typeof OpCode];

/** Size of the standard message header. */
export const HEADER_LENGTH = 16;

/** Largest message the gateway accepts (the value advertised in `hello`). */
export const MAX_MESSAGE_BYTES = 48_000_000;

/** OP_MSG flag: the sender expects no reply. */
const MORE_TO_COME = 1 << 1;
/** OP_MSG flag: a CRC-32C checksum ends the message. */
const CHECKSUM_PRESENT = 1 << 0;
/** OP_MSG flag: the client accepts a stream of replies (`moreToCome`) to this request. */
const EXHAUST_ALLOWED = 1 << 16;

/** Options that keep BSON types exactly as the client sent them. */
export const RAW_TYPES = { promoteValues: false, promoteLongs: false, promoteBuffers: false } as const;

/** A command read off the wire, whatever the opcode that carried it. */
export interface IncomingCommand {
  requestId: number;
  opCode: typeof OpCode.Msg | typeof OpCode.Query;
  /** The command document, with OP_MSG document sequences merged in as arrays. */
  command: Document;
  /** For OP_QUERY: the database taken from `<db>.$cmd`. */
  database?: string;
  /** The client asked for no reply (OP_MSG `moreToCome`). */
  noReply: boolean;
  /** The client accepts several replies to this request (OP_MSG `exhaustAllowed`). */
  exhaustAllowed?: boolean;
}

/** The length announced by a message header, or undefined while fewer than 4 bytes arrived. */
export function announcedLength(buffer: Buffer): number | undefined {
  return buffer.length < 4 ? undefined : buffer.readInt32LE(0);
}

/** Decodes one complete message (header included). Throws on an unsupported opcode. */
export function decodeMessage(message: Buffer): IncomingCommand {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OpCode.Msg) return decodeOpMsg(message, requestId);
  if (opCode === OpCode.Query) return decodeOpQuery(message, requestId);
  throw new Error(`unsupported wire opcode ${opCode}`);
}

function decodeOpMsg(message: Buffer, requestId: number): IncomingCommand {
  const flags = message.readUInt32LE(HEADER_LENGTH);
  const end = message.length - (flags & CHECKSUM_PRESENT ? 4 : 0);
  let offset = HEADER_LENGTH + 4;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = message.readUInt8(offset);
    offset += 1;
    const size = message.readInt32LE(offset);
    if (kind === 0) {
      body = deserialize(message.subarray(offset, offset + size), RAW_TYPES);
    } else if (kind === 1) {
      const sectionEnd = offset + size;
      const nameEnd = message.indexOf(0, offset + 4);
      const identifier = message.toString('utf8', offset + 4, nameEnd);
      const documents: Document[] = [];
      for (let at = nameEnd + 1; at < sectionEnd;) {
        const docSize = message.readInt32LE(at);
        documents.push(deserialize(message.subarray(at, at + docSize), RAW_TYPES));
        at += docSize;
      }
      sequences.push([identifier, documents]);
    } else {
      throw new Error(`unsupported OP_MSG section kind ${kind}`);
    }
    offset += size;
  }
  if (!body) throw new Error('OP_MSG without a body section');
  for (const [identifier, documents] of sequences) body[identifier] = documents;
  return {
    requestId,
    opCode: OpCode.Msg,
    command: body,
    noReply: (flags & MORE_TO_COME) !== 0,
    exhaustAllowed: (flags & EXHAUST_ALLOWED) !== 0,
  };
}

function decodeOpQuery(message: Buffer, requestId: number): IncomingCommand {
  let offset = HEADER_LENGTH + 4;
  const nameEnd = message.indexOf(0, offset);
  const collection = message.toString('utf8', offset, nameEnd);
  offset = nameEnd + 1 + 8; // numberToSkip, numberToReturn
  const size = message.readInt32LE(offset);
  let command = deserialize(message.subarray(offset, offset + size), RAW_TYPES);
  // Legacy clients may wrap the command: { $query: {...}, $readPreference: ... }.
  if (command.$query && typeof command.$query === 'object') command = command.$query as Document;
  const database = collection.endsWith('.$cmd') ? collection.slice(0, -'.$cmd'.length) : collection;
  return { requestId, opCode: OpCode.Query, command, database, noReply: false };
}

function header(length: number, requestId: number, responseTo: number, opCode: OpCode): Buffer {
  const buffer = Buffer.alloc(HEADER_LENGTH);
  buffer.writeInt32LE(length, 0);
  buffer.writeInt32LE(requestId, 4);
  buffer.writeInt32LE(responseTo, 8);
  buffer.writeInt32LE(opCode, 12);
  return buffer;
}

/**
 * Encodes a reply in the opcode the request came with; `moreToCome` (OP_MSG only) tells the
 * client that more replies to the same request follow, each answering the previous reply.
 */
export function encodeReply(
  request: Pick<IncomingCommand, 'opCode' | 'requestId'>,
  requestId: number,
  reply: Document,
  moreToCome = false,
): Buffer {
  const body = serialize(reply);
  if (request.opCode === OpCode.Msg) {
    const length = HEADER_LENGTH + 4 + 1 + body.length;
    const prefix = Buffer.alloc(5); // flagBits, section kind 0
    if (moreToCome) prefix.writeUInt32LE(MORE_TO_COME, 0);
    return Buffer.concat([header(length, requestId, request.requestId, OpCode.Msg), prefix, body]);
  }
  const fields = Buffer.alloc(20); // responseFlags, cursorID (int64), startingFrom, numberReturned
  fields.writeInt32LE(1, 16);
  const length = HEADER_LENGTH + fields.length + body.length;
  return Buffer.concat([header(length, requestId, request.requestId, OpCode.Reply), fields, body]);
}
