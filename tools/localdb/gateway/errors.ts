/**
 * MongoDB error codes as the driver expects them, and the translation of PostgreSQL and
 * DocumentDB errors into them.
 *
 * @remarks
 * DocumentDB raises its errors with SQLSTATEs `M` + four base-36 digits, the ordinal of the
 * error in DocumentDB's `documentdb_errors.csv` minus one (for example `M001C`, ordinal 49,
 * DuplicateKey). In result documents (`writeErrors[].code`) the same SQLSTATE arrives packed
 * as PostgreSQL's integer form (six bits per character).
 */
import type { Document } from 'bson';
import { duplicateFromPostgres, type DuplicateKey } from './duplicates';

/** MongoDB codes the gateway raises itself. */
export const MongoCode = {
  InternalError: 1,
  BadValue: 2,
  LockTimeout: 24,
  NamespaceNotFound: 26,
  CursorNotFound: 43,
  CommandNotFound: 59,
  WriteConflict: 112,
  TransactionTooOld: 225,
  ExceededTimeLimit: 262,
  NoSuchTransaction: 251,
  DuplicateKey: 11000,
} as const;

/** MongoDB's code and name for DocumentDB's errors, by DocumentDB ordinal. */
const DOCUMENTDB_ORDINALS: Record<number, [number, string]> = {
  1: [1, 'InternalError'],
  2: [2, 'BadValue'],
  4: [9, 'FailedToParse'],
  5: [14, 'TypeMismatch'],
  6: [15, 'Overflow'],
  7: [20, 'IllegalOperation'],
  9: [26, 'NamespaceNotFound'],
  10: [27, 'IndexNotFound'],
  11: [28, 'PathNotViable'],
  14: [40, 'ConflictingUpdateOperators'],
  15: [43, 'CursorNotFound'],
  16: [48, 'NamespaceExists'],
  17: [52, 'DollarPrefixedFieldName'],
  20: [56, 'EmptyFieldName'],
  23: [66, 'ImmutableField'],
  24: [67, 'CannotCreateIndex'],
  25: [68, 'IndexAlreadyExists'],
  26: [72, 'InvalidOptions'],
  27: [73, 'InvalidNamespace'],
  28: [85, 'IndexOptionsConflict'],
  29: [86, 'IndexKeySpecsConflict'],
  31: [115, 'CommandNotSupported'],
  33: [146, 'ExceededMemoryLimit'],
  39: [197, 'InvalidIndexSpecificationOption'],
  40: [224, 'QueryFeatureNotAllowed'],
  42: [241, 'ConversionFailure'],
  43: [263, 'OperationNotSupportedInTransaction'],
  44: [276, 'IndexBuildAborted'],
  48: [10334, 'BSONObjectTooLarge'],
  49: [11000, 'DuplicateKey'],
  283: [59, 'CommandNotFound'],
  457: [121, 'DocumentFailedValidation'],
  532: [13, 'Unauthorized'],
  537: [24, 'LockTimeout'],
  538: [50, 'MaxTimeMSExpired'],
  539: [59, 'CommandNotFound'],
  542: [112, 'WriteConflict'],
  546: [225, 'TransactionTooOld'],
  547: [251, 'NoSuchTransaction'],
  548: [256, 'TransactionCommitted'],
  554: [171, 'CannotIndexParallelArrays'],
};

/** Standard PostgreSQL SQLSTATEs that have a MongoDB meaning. */
const POSTGRES_STATES: Record<string, [number, string]> = {
  '23505': [11000, 'DuplicateKey'],
  // DocumentDB enforces unique indexes as exclusion constraints (an upsert that collides).
  '23P01': [11000, 'DuplicateKey'],
  '40001': [112, 'WriteConflict'],
  '40P01': [112, 'WriteConflict'],
  '55P03': [112, 'WriteConflict'],
  '57014': [50, 'MaxTimeMSExpired'],
  '25P02': [251, 'NoSuchTransaction'],
  '42P01': [26, 'NamespaceNotFound'],
};

/** A MongoDB code with its name, as sent in `code` and `codeName`. */
export interface MongoErrorCode {
  code: number;
  codeName: string;
}

/** Maps a SQLSTATE (standard or DocumentDB's `Mxxxx`) to MongoDB's code. */
export function mongoCodeForSqlState(sqlState: string | undefined): MongoErrorCode {
  if (sqlState && /^M[0-9A-Z]{4}$/.test(sqlState)) {
    const ordinal = parseInt(sqlState.slice(1), 36) + 1;
    const known = DOCUMENTDB_ORDINALS[ordinal];
    if (known) return { code: known[0], codeName: known[1] };
    // The other DocumentDB errors are mostly MongoDB's numbered "Location" query errors.
    return { code: MongoCode.BadValue, codeName: 'BadValue' };
  }
  const known = sqlState ? POSTGRES_STATES[sqlState] : undefined;
  return known ? { code: known[0], codeName: known[1] } : { code: 1, codeName: 'InternalError' };
}

/** Unpacks PostgreSQL's integer form of a SQLSTATE (`MAKE_SQLSTATE`). */
export function unpackSqlState(packed: number): string {
  let state = '';
  for (let i = 0; i < 5; i += 1) state += String.fromCharCode(((packed >> (6 * i)) & 0x3f) + 48);
  return state;
}

/** Maps a code found in a DocumentDB result document to MongoDB's code. */
export function mongoCodeForResultCode(code: number): MongoErrorCode {
  if (code > 0xffffff) return mongoCodeForSqlState(unpackSqlState(code));
  return { code, codeName: '' };
}

/** A command failure to send back as `{ ok: 0, errmsg, code, codeName }`. */
export class MongoCommandError extends Error {
  /** For a duplicate key read from PostgreSQL: the index's key and the colliding value. */
  duplicate?: DuplicateKey;

  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly errorLabels: string[] = [],
    /** More fields of the reply (`keyPattern` and `keyValue` of a duplicate key). */
    readonly details: Document = {},
  ) {
    super(message);
    this.name = 'MongoCommandError';
  }

  /** The reply document the driver turns into a MongoServerError. */
  toReply(): Document {
    const reply: Document = {
      ok: 0,
      errmsg: this.message,
      code: this.code,
      codeName: this.codeName,
      ...this.details,
    };
    if (this.errorLabels.length > 0) reply.errorLabels = this.errorLabels;
    return reply;
  }
}

/** Shape of the errors thrown by `pg`. */
interface PgErrorLike {
  code?: unknown;
  message: string;
}

function isPgError(error: unknown): error is PgErrorLike {
  return error instanceof Error && 'code' in error;
}

/** SQLSTATEs and socket errors meaning PostgreSQL is down, restarting or out of connections. */
const UNAVAILABLE_STATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
]);
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
  'terminating connection',
];

/** Whether an error says that PostgreSQL could not be reached or dropped the connection. */
export function isPostgresUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_STATES.has(code) || code.startsWith('08'))) return true;
  return UNAVAILABLE_MESSAGES.some((fragment) => error.message.includes(fragment));
}

/**
 * The error sent while PostgreSQL is unavailable: ExceededTimeLimit (262), a code the driver
 * retries for reads, with the `RetryableWriteError` label with which the driver retries writes
 * (since MongoDB 4.4 it reads the label, not the code). Unlike ShutdownInProgress (91) or
 * PrimarySteppedDown (189), 262 is not a state-change error: the driver does not mark the
 * server Unknown nor clear its pool (the gateway itself is fine; only what is behind it is not),
 * and the bot's `isTransient` sees the label.
 */
export function postgresUnavailable(error: unknown): MongoCommandError {
  const why = error instanceof Error ? error.message : String(error);
  return new MongoCommandError(
    MongoCode.ExceededTimeLimit,
    'ExceededTimeLimit',
    `the database behind the gateway is unavailable: ${why}`,
    ['RetryableWriteError'],
  );
}

/** Turns anything thrown while running a command into a MongoCommandError. */
export function toMongoError(error: unknown): MongoCommandError {
  if (error instanceof MongoCommandError) return error;
  if (isPostgresUnavailable(error)) return postgresUnavailable(error);
  if (isPgError(error)) {
    const sqlState = typeof error.code === 'string' ? error.code : undefined;
    const { code, codeName } = mongoCodeForSqlState(sqlState);
    const labels = code === MongoCode.WriteConflict ? ['TransientTransactionError'] : [];
    const mapped = new MongoCommandError(code, codeName, error.message, labels);
    if (code === MongoCode.DuplicateKey) {
      mapped.duplicate = duplicateFromPostgres(error);
      if (mapped.duplicate) {
        const { keyPattern, keyValue } = mapped.duplicate;
        Object.assign(mapped.details, { keyPattern, keyValue });
      }
    }
    return mapped;
  }
  const message = error instanceof Error ? error.message : 'unknown error';
  return new MongoCommandError(MongoCode.InternalError, 'InternalError', message);
}

/** Rewrites DocumentDB's packed codes in `writeErrors`, `writeConcernError` and a failed reply. */
export function normalizeResultCodes(reply: Document): Document {
  const fix = (entry: Document): void => {
    const raw = entry.code as unknown;
    const value =
      typeof raw === 'number' ? raw : Number((raw as { valueOf(): unknown } | undefined)?.valueOf());
    if (!Number.isFinite(value)) return;
    const mapped = mongoCodeForResultCode(value);
    entry.code = mapped.code;
    if (mapped.codeName) entry.codeName = mapped.codeName;
  };
  if (Array.isArray(reply.writeErrors)) (reply.writeErrors as Document[]).forEach(fix);
  if (reply.ok !== undefined && Number(reply.ok) === 0 && reply.code !== undefined) fix(reply);
  return reply;
}
