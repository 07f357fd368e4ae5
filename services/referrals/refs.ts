/**
 * The `ref` carried by an m.me link (`https://m.me/<page>?ref=<ref>`), which Meta hands back
 * in a `referral` event when the person opens the conversation.
 *
 * @remarks
 * A ref is untrusted input (anyone can type a link). Public refs (a neighbourhood's poster,
 * the whole town's) are plain and say only where the person comes from. Personal refs (a
 * request sent to one helper) are signed with HMAC-SHA256 and expire, so a forged or stale
 * link is recognised and treated as no ref at all. Meta accepts at most 250 characters of
 * `a-zA-Z0-9+/=-.:_`; every ref built here stays within that alphabet.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Where a public link leads from. */
export type PublicRef =
  /** A neighbourhood's poster: the resident starts with their neighbourhood known. */
  | { kind: 'neighbourhood'; neighbourhoodId: string }
  /** The whole town's poster or the page's own links. */
  | { kind: 'town' };

/** What a personal (signed) link is about. */
export interface PersonalRef {
  kind: 'match';
  /** The subject's id (a match id). */
  subject: string;
  expiresAt: Date;
}

/** A ref as read back: what it says, or why it is ignored. */
export type ReadRef =
  { ok: true; ref: PublicRef | PersonalRef } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** Meta's limits on a ref. */
const REF_PATTERN = /^[A-Za-z0-9+/=\-.:_]{1,250}$/;
const ID_PATTERN = /^[a-z0-9-]{1,64}$/;
const SUBJECT_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
const TOWN = 'ville';
const NEIGHBOURHOOD_PREFIX = 'q.';
const SIGNED_PREFIX = 's1';
/** 96 bits of HMAC: far beyond guessing, short enough for a QR code. */
const SIGNATURE_BYTES = 12;

/** The plain ref of a public link. */
export function publicRef(ref: PublicRef): string {
  if (ref.kind === 'town') return TOWN;
  if (!ID_PATTERN.test(ref.neighbourhoodId)) throw new RangeError('invalid neighbourhood id');
  return `${NEIGHBOURHOOD_PREFIX}${ref.neighbourhoodId}`;
}

/** The signed ref of a personal link, valid until `ref.expiresAt`. */
export function signedRef(ref: PersonalRef, secret: string): string {
  if (!SUBJECT_PATTERN.test(ref.subject)) throw new RangeError('invalid subject');
  const body = `${SIGNED_PREFIX}.${ref.kind}.${ref.subject}.${Math.ceil(ref.expiresAt.getTime() / 1000).toString(36)}`;
  return `${body}.${signature(body, secret)}`;
}

/**
 * Reads a ref received from Meta: a public ref as is, a personal one only when its signature
 * holds and it has not expired at `now`.
 */
export function readRef(raw: unknown, secret: string, now: Date): ReadRef {
  if (typeof raw !== 'string' || !REF_PATTERN.test(raw)) return { ok: false, reason: 'malformed' };
  if (raw === TOWN) return { ok: true, ref: { kind: 'town' } };
  if (raw.startsWith(NEIGHBOURHOOD_PREFIX)) {
    const neighbourhoodId = raw.slice(NEIGHBOURHOOD_PREFIX.length);
    return ID_PATTERN.test(neighbourhoodId)
      ? { ok: true, ref: { kind: 'neighbourhood', neighbourhoodId } }
      : { ok: false, reason: 'malformed' };
  }
  const parts = raw.split('.');
  if (parts.length !== 5 || parts[0] !== SIGNED_PREFIX || parts[1] !== 'match') {
    return { ok: false, reason: 'malformed' };
  }
  const [, kind, subject, expiry, given] = parts as [string, 'match', string, string, string];
  const seconds = Number.parseInt(expiry, 36);
  if (!SUBJECT_PATTERN.test(subject) || !/^[0-9a-z]{1,12}$/.test(expiry) || !Number.isSafeInteger(seconds)) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = Buffer.from(signature(parts.slice(0, 4).join('.'), secret));
  const received = Buffer.from(given);
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return { ok: false, reason: 'forged' };
  }
  const expiresAt = new Date(seconds * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, ref: { kind, subject, expiresAt } };
}

/** `https://m.me/<page>?ref=<ref>`: the link that opens the conversation with the page. */
export function messengerLink(page: string, ref?: string): string {
  const link = new URL(`https://m.me/${encodeURIComponent(page)}`);
  if (ref !== undefined) {
    if (!REF_PATTERN.test(ref)) throw new RangeError('invalid ref');
    link.searchParams.set('ref', ref);
  }
  return link.toString();
}

function signature(body: string, secret: string): string {
  if (secret.length === 0) throw new RangeError('a signing secret is required');
  return createHmac('sha256', secret)
    .update(body)
    .digest()
    .subarray(0, SIGNATURE_BYTES)
    .toString('base64url');
}
