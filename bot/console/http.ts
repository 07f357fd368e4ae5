/**
 * The console's HTTP edge as small pure helpers: cookies, security headers, the bounded
 * url-encoded form and the constant-time CSRF comparison.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { readRawBody } from '../routes/rawBody';

/** Largest form a console page posts. */
export const MAX_FORM_BYTES = 16 * 1024;

/** The session cookie's name (`__Host-` when it is `Secure`: bound to this host and path `/`). */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-vs_console' : 'vs_console';
}

/** The `Set-Cookie` of a session (`value` empty and `maxAgeSeconds` 0 to clear it). */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${sessionCookieName(secure)}=${value}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** The value of cookie `name` in a `Cookie` header, if any. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/** Options of {@link securityHeaders}. */
export interface SecurityHeaderOptions {
  /** Whether the console is served over https (adds HSTS). */
  https: boolean;
  /** Extra origins images may come from (map tiles). */
  imageSources?: readonly string[];
}

/** The headers of every console answer: a strict CSP, no framing, no referrer, no caching. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const images = ["'self'", 'data:', ...(options.imageSources ?? [])].join(' ');
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      `img-src ${images}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Cache-Control': 'no-store',
    ...(options.https ? { 'Strict-Transport-Security': 'max-age=31536000' } : {}),
  };
}

/** Reads a url-encoded form (at most {@link MAX_FORM_BYTES}). */
export async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const body = await readRawBody(request, MAX_FORM_BYTES);
  return new URLSearchParams(body.toString('utf8'));
}

/** True when `given` is the session's CSRF token (constant time). */
export function csrfMatches(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
