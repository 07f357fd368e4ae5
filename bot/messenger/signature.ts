/**
 * Verification of what Meta sends to the webhook: the POST signature and the GET handshake.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { CodedError, ErrorCode } from '../../services/errors';

/** Name of the signature header, lower-cased as Node exposes it. */
export const SIGNATURE_HEADER = 'x-hub-signature-256';

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks `X-Hub-Signature-256` against the raw request body.
 *
 * @param rawBody - the body bytes exactly as received (never re-serialised JSON).
 * @param header - the `X-Hub-Signature-256` value (`sha256=<hex>`), undefined when absent.
 * @param appSecret - the app secret the HMAC is keyed with.
 * @throws CodedError(SignatureInvalid) when the header is missing, malformed or wrong.
 *
 * @remarks
 * The legacy SHA-1 `X-Hub-Signature` is not accepted: a request carrying only that header
 * fails. Comparison is constant-time after a length check.
 */
export function verifySignature(rawBody: Buffer, header: string | undefined, appSecret: string): void {
  if (header === undefined || header.trim() === '') {
    throw new CodedError(ErrorCode.SignatureInvalid, 'X-Hub-Signature-256 header is missing');
  }
  const match = SIGNATURE_FORMAT.exec(header.trim());
  if (!match?.[1])
    throw new CodedError(ErrorCode.SignatureInvalid, 'X-Hub-Signature-256 header is malformed');
  if (appSecret === '')
    throw new CodedError(ErrorCode.SignatureInvalid, 'no app secret to verify the signature');
  const received = Buffer.from(match[1].toLowerCase(), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    throw new CodedError(ErrorCode.SignatureInvalid, 'X-Hub-Signature-256 does not match the body');
  }
}

/**
 * Answers Meta's subscription handshake (`GET` with `hub.mode`, `hub.verify_token`,
 * `hub.challenge`).
 *
 * @returns the challenge, to send back as the plain 200 body.
 * @throws CodedError(VerifyTokenInvalid) when the mode is not `subscribe`, the token does not
 * match (constant-time comparison) or the challenge is missing: answer 403.
 */
export function verifyHandshake(query: Record<string, unknown>, verifyToken: string): string {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe') throw new CodedError(ErrorCode.VerifyTokenInvalid, 'hub.mode is not subscribe');
  if (typeof token !== 'string' || verifyToken === '' || !constantTimeEquals(token, verifyToken)) {
    throw new CodedError(ErrorCode.VerifyTokenInvalid, 'hub.verify_token does not match');
  }
  if (typeof challenge !== 'string' || challenge === '') {
    throw new CodedError(ErrorCode.VerifyTokenInvalid, 'hub.challenge is missing');
  }
  return challenge;
}

/** Compares two strings in time independent of where they differ (hashing equalises lengths). */
function constantTimeEquals(a: string, b: string): boolean {
  const digestA = createHmac('sha256', 'verify-token').update(a).digest();
  const digestB = createHmac('sha256', 'verify-token').update(b).digest();
  return timingSafeEqual(digestA, digestB);
}
