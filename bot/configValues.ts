/**
 * The value checks of the configuration: each names the variable it refuses in a
 * {@link ConfigError}. Pure.
 */
import { CodedError, ErrorCode } from '../services/errors';
import type { Env } from './configTypes';

/** Raised when a variable is missing or malformed; its message names the variable. */
export class ConfigError extends CodedError {
  constructor(message: string) {
    super(ErrorCode.ConfigInvalid, message);
  }
}

/** The shortest secret accepted (app secret and verify token in production, log hash key). */
export const MIN_SECRET_LENGTH = 16;

/** A variable of the environment, trimmed; undefined when unset or blank. */
export type ReadVariable = (name: string) => string | undefined;

/** Reads the variables of `env`, trimmed, an empty value counting as unset. */
export function variablesOf(env: Env): ReadVariable {
  return (name) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
}

/** A comma-separated list of host names (`*.` allows subdomains), lower-cased. */
export function parseHosts(value: string | undefined, defaults: readonly string[]): string[] {
  if (value === undefined) return [...defaults];
  const hosts = value
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
  for (const host of hosts) {
    if (!/^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:]+\]$/.test(host)) {
      throw new ConfigError(`BOT_FRAMEWORK_SERVICE_HOSTS has an invalid host: ${host}`);
    }
  }
  if (hosts.length === 0) throw new ConfigError('BOT_FRAMEWORK_SERVICE_HOSTS must name at least one host');
  return hosts;
}

/** A number of hours from 1 to 168 (a week), decimals allowed. */
export function parseHours(name: string, value: string): number {
  const hours = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || hours < 1 || hours > 168) {
    throw new ConfigError(`${name} must be a number of hours from 1 to 168`);
  }
  return hours;
}

/** A whole number of minutes from `min` to `max`. */
export function parseMinutes(name: string, value: string, min: number, max: number): number {
  const minutes = Number(value);
  if (!/^\d+$/.test(value) || minutes < min || minutes > max) {
    throw new ConfigError(`${name} must be a whole number of minutes from ${min} to ${max}`);
  }
  return minutes;
}

/** A TCP port, 1 to 65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535)
    throw new ConfigError('PORT must be a number from 1 to 65535');
  return port;
}

/** An http(s) URL, without trailing slashes. */
export function parseUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`${name} must be an http(s) URL`);
  return value.replace(/\/+$/, '');
}

/** `SMTP_URL`: an smtp:// or smtps:// URL with a host, or undefined (e-mail off). */
export function parseSmtpUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)');
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') {
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL (smtp://user:pass@host:587)');
  }
  return value;
}

/** `MAIL_FROM`: `name@domain` or `Name <name@domain>`, on one line. */
export function parseMailFrom(value: string): string {
  if (!/^([^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(value)) {
    throw new ConfigError('MAIL_FROM must be an address, or a name and <address>');
  }
  return value;
}

/** OpenStreetMap's tile server, the map's background in production. */
export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

/**
 * The console map's tile server (`MAP_TILE_URL`): a URL template with `{z}`, `{x}` and `{y}`;
 * set and empty, no background is drawn; unset, OpenStreetMap's in production and none
 * elsewhere (tests and development load nothing from outside unless asked).
 */
export function parseTileUrl(value: string | undefined, production: boolean): string {
  if (value === undefined) return production ? OSM_TILE_URL : '';
  const url = value.trim();
  if (url === '') return '';
  const valid = /^https:\/\/[^\s/]+\//.test(url) || (!production && /^http:\/\/[^\s/]+\//.test(url));
  if (!valid || !['{z}', '{x}', '{y}'].every((part) => url.includes(part))) {
    throw new ConfigError('MAP_TILE_URL must be an https URL with {z}, {x} and {y} (or empty for no tiles)');
  }
  return url;
}

/** The origin images of the map come from (for the console's Content-Security-Policy), if any. */
export function tileOrigin(tileUrl: string): string | undefined {
  if (tileUrl === '') return undefined;
  return new URL(tileUrl.replace(/\{[a-z]\}/g, '0')).origin;
}
