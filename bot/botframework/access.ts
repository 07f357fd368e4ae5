/**
 * Who may call the Bot Framework endpoint and where the bot may answer: pure checks.
 */
import { isIP } from 'node:net';
import type { IncomingHttpHeaders } from 'node:http';

/** Headers a proxy adds: a request carrying one did not start on this machine. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip', 'x-forwarded-host'];

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

/** True when a request comes from this machine and says it was not forwarded by a proxy. */
export function isLocalCaller(remoteAddress: string | undefined, headers: IncomingHttpHeaders): boolean {
  return isLoopbackAddress(remoteAddress) && FORWARDING_HEADERS.every((name) => headers[name] === undefined);
}

/**
 * True when `serviceUrl` is an http(s) URL on an allowed host: `host` exactly, or any
 * subdomain for `*.host`. Plain http only on loopback hosts (the Emulator).
 */
export function isAllowedServiceUrl(serviceUrl: unknown, allowedHosts: readonly string[]): boolean {
  if (typeof serviceUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  const loopback = host === 'localhost' || isLoopbackAddress(host.replace(/^\[|\]$/g, ''));
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return false;
  return allowedHosts.some((allowed) =>
    allowed.startsWith('*.')
      ? host.endsWith(allowed.slice(1)) && host.length > allowed.length - 1
      : host === allowed,
  );
}

/** True for a JSON media type (`application/json`, with parameters such as a charset). */
export function isJsonContentType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}
